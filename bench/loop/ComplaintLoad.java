import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * HTTP load on a running instance: N complaints through POST /api/v1/complaints (each a new case, with
 * history row, event publication and webhook outbox check) against the baseline GET /api/v1/organisation,
 * the cheapest authenticated API call, in the same run with the same threads.
 *
 * Usage: java bench/loop/ComplaintLoad.java BASE_URL API_KEY REQUESTS THREADS [WARM_UP]
 * (WARM_UP: requests per path before measuring, default 200).
 */
public class ComplaintLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        int requests = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        HttpClient http = HttpClient.newHttpClient();
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Warm-up of both paths, not measured.
        measure(http, threads, warmUp, i -> get(base, key), "warm-up");
        measure(http, threads, warmUp, i -> complaint(base, key, "warm-" + run + "-" + i), "warm-up");
        double[] baseline = measure(http, threads, requests, i -> get(base, key), "GET /api/v1/organisation");
        double[] complaints = measure(http, threads, requests, i -> complaint(base, key, run + "-" + i), "POST /api/v1/complaints");
        System.out.printf("ratio complaints/baseline: throughput %.2f, median latency %.2f%n",
                complaints[0] / baseline[0], complaints[1] / baseline[1]);
        // The line bench/run-all.sh reads: throughput of the complaints against the baseline call's.
        System.out.printf(java.util.Locale.ROOT, "RESULT complaint-load ratio=%.4f value=%.1f unit=req/s baseline=%.1f%n",
                complaints[0] / baseline[0], complaints[0], baseline[0]);
    }

    interface Req {
        HttpRequest of(int i);
    }

    static HttpRequest get(String base, String key) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/organisation")).header("Authorization", "Bearer " + key).GET().build();
    }

    static HttpRequest complaint(String base, String key, String id) {
        String body = "{\"externalId\":\"bench-" + id + "\",\"channel\":\"PHONE\",\"text\":\"Wachttijd aan de telefoon te lang\"}";
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/complaints")).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Returns {requests per second, median latency in ms}. */
    static double[] measure(HttpClient http, int threads, int requests, Req req, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<Long>> calls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            int n = i;
            calls.add(() -> {
                long start = System.nanoTime();
                HttpResponse<Void> response = http.send(req.of(n), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException(label + " answered " + response.statusCode());
                }
                return System.nanoTime() - start;
            });
        }
        long start = System.nanoTime();
        List<Future<Long>> results = pool.invokeAll(calls);
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] latencies = new long[requests];
        for (int i = 0; i < requests; i++) {
            latencies[i] = results.get(i).get();
        }
        Arrays.sort(latencies);
        double median = latencies[requests / 2] / 1e6;
        double p95 = latencies[(int) (requests * 0.95)] / 1e6;
        double rate = requests / seconds;
        if (!label.equals("warm-up")) {
            System.out.printf("%-26s %5d requests, %d threads: %7.1f req/s, median %6.2f ms, p95 %6.2f ms%n", label, requests,
                    threads, rate, median, p95);
        }
        return new double[] {rate, median};
    }
}
