package nl.buitenin.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a read replica changes for a node that ingests while people look at dashboards: interactions are sent over HTTP
 * to one node at a time while journey-map pages and scores API reads arrive at a fixed rate at the same node. The first
 * node reads from the primary, the second from the streaming replica ({@code BUITENIN_DB_REPLICA_URL}); the rounds go
 * first, second, second, first, so that a drift over the phase (a growing table, the compiler) weighs on both alike.
 * <p>
 * The reads are sent on a clock, not one after the other: a read's time counts from when it was due, so a node that
 * falls behind shows it in its latencies instead of being asked less (no coordinated omission). On one machine the
 * replica's server shares the processor with the primary and both nodes; the figures say what it does there, not what
 * it does on a machine of its own.
 */
final class ReadsWhileIngesting {

    /** The request bodies of {@code rows} interactions, with source ids made from the tag. */
    interface Batches {
        List<String> of(String tag, int rows);
    }

    private static final int ROUNDS = 4;
    private static final int READ_THREADS = 4;

    private final int rows;
    private final double readRate;
    /** The control: the second node was not told of the replica and reads from the primary as well. */
    private final boolean unused;
    private final List<String> table;
    private final Map<String, String> results;
    private final Batches batches;

    ReadsWhileIngesting(int rows, double readRate, boolean unused, List<String> table, Map<String, String> results, Batches batches) {
        this.rows = rows;
        this.readRate = readRate;
        this.unused = unused;
        this.table = table;
        this.results = results;
        this.batches = batches;
    }

    /** One round's or one side's figures. */
    private record Side(int rows, double seconds, List<Double> mapMs, List<Double> scoresMs, int failed, long lagMaxMs,
            long replicaTransactions) {

        static Side empty() {
            return new Side(0, 0, new ArrayList<>(), new ArrayList<>(), 0, 0, 0);
        }

        Side plus(Side other) {
            List<Double> map = new ArrayList<>(mapMs);
            map.addAll(other.mapMs);
            List<Double> scores = new ArrayList<>(scoresMs);
            scores.addAll(other.scoresMs);
            return new Side(rows + other.rows, seconds + other.seconds, map, scores, failed + other.failed,
                    Math.max(lagMaxMs, other.lagMaxMs), replicaTransactions + other.replicaTransactions);
        }

        double rate() {
            return rows / seconds;
        }
    }

    void measure(ScaleBenchmark.Node primaryReads, ScaleBenchmark.Node replicaReads, ReplicaServer replica, JdbcTemplate jdbc,
            String apiKey) throws Exception {
        HttpClient primaryClient = signedIn(primaryReads);
        HttpClient replicaClient = signedIn(replicaReads);
        int perRound = rows / ROUNDS;
        // Warm-up: the first node has been through every phase before, the second has only just started (in a first run
        // of 50 000 rows its rounds went on getting faster, 14 900 to 16 900 rows/s, the map's p50 300 to 152 ms), and the
        // replica's cache is cold.
        round("warm-primary", primaryReads, primaryClient, perRound, replica, jdbc, apiKey);
        for (int warm = 0; warm < 3; warm++) {
            round("warm-replica" + warm, replicaReads, replicaClient, perRound, replica, jdbc, apiKey);
        }
        long fallbacksBefore = fallbacks(replicaReads);
        Side fromPrimary = Side.empty();
        Side fromReplica = Side.empty();
        for (int round = 0; round < ROUNDS; round++) {
            boolean onReplica = round == 1 || round == 2;
            Side side = onReplica ? round("replica" + round, replicaReads, replicaClient, perRound, replica, jdbc, apiKey)
                    : round("primary" + round, primaryReads, primaryClient, perRound, replica, jdbc, apiKey);
            if (onReplica) {
                fromReplica = fromReplica.plus(side);
            } else {
                fromPrimary = fromPrimary.plus(side);
            }
        }
        long fellBack = fallbacks(replicaReads) - fallbacksBefore;
        report(fromPrimary, fromReplica, fellBack);
    }

    private void report(Side primary, Side replica, long fellBack) {
        double[] pm = sorted(primary.mapMs());
        double[] rm = sorted(replica.mapMs());
        double[] ps = sorted(primary.scoresMs());
        double[] rs = sorted(replica.scoresMs());
        String reads = String.format(Locale.ROOT, "%.0f dashboard reads/s (journey map and scores API in turn)", readRate);
        // The figures' names say which node is which; in the control the second reads from the primary as well.
        String second = unused ? "the second node (not told of the replica: the control)" : "the node reading from the replica";
        String from = unused ? "from the primary through the second node" : "from the replica";
        ScaleBenchmark.log("reads while ingesting%s: reads from the primary %.0f rows/s (map p50 %.1f p99 %.1f ms, scores p50 %.1f p99 %.1f ms, "
                + "%d failed, %d transactions on the replica); from the replica %.0f rows/s (map p50 %.1f p99 %.1f ms, scores p50 %.1f "
                + "p99 %.1f ms, %d failed, %d transactions on the replica, largest replay lag %d ms, %d times not used)",
                unused ? " (control: the second node not told of the replica)" : "", primary.rate(),
                p(pm, 50), p(pm, 99), p(ps, 50), p(ps, 99), primary.failed(), primary.replicaTransactions(), replica.rate(), p(rm, 50),
                p(rm, 99), p(rs, 50), p(rs, 99), replica.failed(), replica.replicaTransactions(), replica.lagMaxMs(), fellBack);
        table.add(String.format(Locale.ROOT, "| ingest: POST /api/v1/interactions with %s, %s, until listeners "
                + "done, %d rows | %.0f rows/s | %.0f rows/s (the node reading from the primary) | %.2f | reported |", reads, second, replica.rows(),
                replica.rate(), primary.rate(), replica.rate() / primary.rate()));
        table.add(String.format(Locale.ROOT, "| GET /insight/journey-map (12 weeks) meanwhile, %s, %d reads (%d failed) | "
                + "p50 %.1f ms, p99 %.1f ms | p50 %.1f ms, p99 %.1f ms (from the primary, %d reads, %d failed) | %.2f | < 100 ms |",
                from, rm.length, replica.failed(), p(rm, 50), p(rm, 99), p(pm, 50), p(pm, 99), pm.length, primary.failed(), p(rm, 50) / p(pm, 50)));
        table.add(String.format(Locale.ROOT, "| GET /api/v1/scores (12 weeks) meanwhile, %s, %d reads | p50 %.1f ms, p99 %.1f ms | "
                + "p50 %.1f ms, p99 %.1f ms (from the primary) | %.2f | < 100 ms |", from, rs.length, p(rs, 50), p(rs, 99), p(ps, 50), p(ps, 99),
                p(rs, 50) / p(ps, 50)));
        table.add(String.format(Locale.ROOT, "| replica: largest replay lag seen (every 0.5 s), transactions on it (not the benchmark's), reads "
                + "sent to the primary instead | %d ms; %d transactions in its node's rounds (%d in the other's); not used %d times | 30 000 ms "
                + "(BUITENIN_DB_REPLICA_MAX_LAG) | %.2f | reported |", replica.lagMaxMs(), replica.replicaTransactions(),
                primary.replicaTransactions(), fellBack, replica.lagMaxMs() / 30_000.0));
        results.put("replica-ingest", String.format(Locale.ROOT, "RESULT scale-replica" + (unused ? "-control" : "") + "-ingest ratio=%.4f value=%.1f unit=rows/s baseline=%.1f",
                replica.rate() / primary.rate(), replica.rate(), primary.rate()));
        results.put("replica-map", String.format(Locale.ROOT, "RESULT scale-replica" + (unused ? "-control" : "") + "-map ratio=%.4f value=%.2f unit=ms baseline=%.2f",
                p(rm, 50) / p(pm, 50), p(rm, 50), p(pm, 50)));
    }

    private static HttpClient signedIn(ScaleBenchmark.Node node) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(READ_THREADS, ReadsWhileIngesting::daemon)).build();
        ScaleBenchmark.signIn(http, node.base());
        return http;
    }

    /** Sends {@code count} interactions to the node while reads arrive at the fixed rate, until every listener is done. */
    private Side round(String tag, ScaleBenchmark.Node node, HttpClient reader, int count, ReplicaServer replica, JdbcTemplate jdbc,
            String apiKey) throws Exception {
        List<String> bodies = batches.of("replica-" + tag, count);
        List<Double> map = Collections.synchronizedList(new ArrayList<>());
        List<Double> scores = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicLong lagMax = new AtomicLong();
        AtomicInteger lagChecks = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        ExecutorService readers = Executors.newFixedThreadPool(READ_THREADS);
        HttpRequest mapRequest = HttpRequest.newBuilder(URI.create(node.base() + "/insight/journey-map")).timeout(Duration.ofMinutes(2)).build();
        HttpRequest scoresRequest = HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/scores")).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + apiKey).build();
        long transactionsBefore = replica.transactions();
        clock.scheduleAtFixedRate(() -> {
            long due = System.nanoTime();
            boolean isMap = sent.getAndIncrement() % 2 == 0;
            readers.submit(() -> {
                try {
                    HttpResponse<String> response = reader.send(isMap ? mapRequest : scoresRequest, HttpResponse.BodyHandlers.ofString());
                    double ms = (System.nanoTime() - due) / 1e6;
                    if (response.statusCode() != 200 || response.body().contains("name=\"password\"")) {
                        failed.incrementAndGet();
                    } else {
                        (isMap ? map : scores).add(ms);
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            });
        }, 0, Math.round(1e9 / readRate), TimeUnit.NANOSECONDS);
        clock.scheduleAtFixedRate(() -> {
            try {
                lagChecks.incrementAndGet();
                lagMax.accumulateAndGet(replica.replayLagMillis(), Math::max);
            } catch (Exception e) {
                lagMax.set(Long.MAX_VALUE);
            }
        }, 0, 500, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        try {
            JourneyBenchmarks.post(HttpClient.newHttpClient(), List.of(URI.create(node.base() + "/api/v1/interactions")), apiKey, bodies, 2);
            JourneyBenchmarks.awaitListeners(jdbc);
        } finally {
            clock.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        readers.shutdown();
        if (!readers.awaitTermination(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("reads still running 5 minutes after the round " + tag);
        }
        // Less this benchmark's own: each lag check, and the count at the start, is a transaction on the replica.
        long transactions = replica.transactions() - transactionsBefore - lagChecks.get() - 1;
        Side side = new Side(count, seconds, new ArrayList<>(map), new ArrayList<>(scores), failed.get(), lagMax.get(), transactions);
        double[] m = sorted(side.mapMs());
        ScaleBenchmark.log("round %s on node %d: %d interactions in %.1f s (%.0f rows/s) with %d reads (%d failed), map p50 %.1f ms p99 %.1f ms; "
                + "largest replay lag %d ms; %d transactions on the replica", tag, node.number(), count, seconds, side.rate(), sent.get(),
                failed.get(), p(m, 50), p(m, 99), lagMax.get(), transactions);
        return side;
    }

    /** The clients' threads must not keep the benchmark's JVM alive once it has printed its table. */
    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "dashboard-reads");
        thread.setDaemon(true);
        return thread;
    }

    /** How often the node logged that it stopped reading from the replica. */
    private static long fallbacks(ScaleBenchmark.Node node) throws Exception {
        try (var lines = Files.lines(node.appLog())) {
            return lines.filter(line -> line.contains("Read replica not used")).count();
        }
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double p(double[] sorted, int percentile) {
        return sorted.length == 0 ? Double.NaN : ScaleBenchmark.percentile(sorted, percentile);
    }
}
