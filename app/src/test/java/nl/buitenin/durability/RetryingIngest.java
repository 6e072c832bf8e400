package nl.buitenin.durability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A well-behaved ingesting client: sends interactions in batches from a few threads, and on a connection error,
 * a timeout or a 5xx sends the same batch again with the same source ids until it is answered with a 200. A 2xx is
 * never sent again: from then on the rows are the server's responsibility. Whenever the acknowledged rows pass one
 * of the given marks, it asks for a crash ({@link #crashRequests()}), right after the acknowledgement.
 */
final class RetryingIngest {

    private static final String THREAD_NAME = "ingest-client-";
    private static final Pattern CREATED = Pattern.compile("\"created\"\\s*:\\s*(\\d+)");
    private static final Pattern DUPLICATES = Pattern.compile("\"duplicates\"\\s*:\\s*(\\d+)");
    private static final Pattern REJECTED = Pattern.compile("\"rejected\"\\s*:\\s*(\\d+)");

    private final String baseUrl;
    private final String apiKey;
    private final String touchpoint;
    private final String prefix;
    private final int rows;
    private final int batchSize;
    private final List<Integer> crashMarks;
    private final Instant deadline;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Instant firstAt = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger acknowledgedCount = new AtomicInteger();
    private final AtomicInteger reportedCreated = new AtomicInteger();
    private final AtomicInteger reportedDuplicates = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger nextBatch = new AtomicInteger();
    private final Semaphore crashRequests = new Semaphore(0);
    private final AtomicReference<String> lastProblem = new AtomicReference<>("none");

    RetryingIngest(String baseUrl, String apiKey, String touchpoint, String prefix, int rows, int batchSize,
            List<Integer> crashMarks, Duration timeout) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.touchpoint = touchpoint;
        this.prefix = prefix;
        this.rows = rows;
        this.batchSize = batchSize;
        this.crashMarks = List.copyOf(crashMarks);
        this.deadline = Instant.now().plus(timeout);
    }

    /** Starts the client threads; the futures end when every batch has been acknowledged. */
    List<Future<?>> start(ExecutorService executor, int threads) {
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(executor.submit(() -> {
                int batch;
                while ((batch = nextBatch.getAndIncrement()) * batchSize < rows) {
                    send(batch);
                }
                return null;
            }));
        }
        return workers;
    }

    static ExecutorService executor() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> new Thread(task, THREAD_NAME + threads.incrementAndGet()));
    }

    /**
     * Where the client stands, for a failure message: rows acknowledged, retries, the last problem, and what each client
     * thread is doing now (a thread waiting on a socket shows here).
     */
    String describe() {
        StringBuilder text = new StringBuilder(String.format("acknowledged %d of %d rows, %d retried requests, last problem: %s",
                acknowledgedCount.get(), rows, retries.get(), lastProblem.get()));
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith(THREAD_NAME)) {
                text.append("\n").append(thread.getName()).append(" (").append(thread.getState()).append(")");
                for (StackTraceElement frame : stack) {
                    text.append("\n    at ").append(frame);
                }
            }
        });
        return text.toString();
    }

    Semaphore crashRequests() {
        return crashRequests;
    }

    /** The source ids answered with a 2xx so far. */
    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    int reportedCreated() {
        return reportedCreated.get();
    }

    int reportedDuplicates() {
        return reportedDuplicates.get();
    }

    int retries() {
        return retries.get();
    }

    private void send(int batch) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int row = batch * batchSize; row < Math.min(rows, (batch + 1) * batchSize); row++) {
            String id = prefix + row;
            ids.add(id);
            body.append(ids.size() > 1 ? "," : "").append("{\"sourceId\":\"").append(id).append("\",\"touchpoint\":\"")
                    .append(touchpoint).append("\",\"at\":\"").append(firstAt.minusSeconds(row)).append("\",\"kind\":\"contact\"}");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/interactions"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build();
        while (true) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("batch " + batch + " still not acknowledged at the deadline");
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    acknowledge(ids, response.body());
                    return;
                }
                if (response.statusCode() < 500 && response.statusCode() != 429) {
                    throw new IllegalStateException("batch " + batch + " answered " + response.statusCode() + ": " + response.body());
                }
                lastProblem.set(Instant.now() + " batch " + batch + " answered " + response.statusCode() + ": " + response.body());
            } catch (IOException connectionLostOrRefused) {
                // the server is down or restarting: try the same batch again
                lastProblem.set(Instant.now() + " batch " + batch + ": " + connectionLostOrRefused);
            }
            retries.incrementAndGet();
            Thread.sleep(200);
        }
    }

    private void acknowledge(List<String> ids, String report) {
        int created = number(CREATED, report);
        int duplicates = number(DUPLICATES, report);
        if (number(REJECTED, report) != 0 || created + duplicates != ids.size()) {
            throw new IllegalStateException("the server did not take every row of a batch: " + report);
        }
        acknowledged.addAll(ids);
        reportedCreated.addAndGet(created);
        reportedDuplicates.addAndGet(duplicates);
        int after = acknowledgedCount.addAndGet(ids.size());
        int before = after - ids.size();
        crashMarks.stream().filter(mark -> before < mark && after >= mark).forEach(mark -> crashRequests.release());
    }

    private static int number(Pattern field, String report) {
        Matcher matcher = field.matcher(report);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + field + " in the ingest report " + report);
        }
        return Integer.parseInt(matcher.group(1));
    }
}
