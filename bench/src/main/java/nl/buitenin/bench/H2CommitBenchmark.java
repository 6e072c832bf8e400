package nl.buitenin.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.buitenin.BuiteninApplication;
import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;

/**
 * What H2's {@code WRITE_DELAY=0} costs the interactions ingest on the embedded default. One Buitenin on an H2 file
 * database (the default URL, under a temporary data directory) receives interactions through
 * {@code POST /api/v1/interactions} as in {@link JourneyBenchmarks} {@code ingest}; the rounds alternate between
 * {@code WRITE_DELAY 0} (every commit written to the file before it returns: no acknowledged write lost on a kill)
 * and {@code WRITE_DELAY 500} (H2's default: written in the background every 500 ms), switched with
 * {@code SET WRITE_DELAY} on the same database, so both run in the same process, on the same data, with the same JIT.
 * A round is timed until the listeners have handled every event of the round.
 * <p>
 * Run: {@code java ... nl.buitenin.bench.H2CommitBenchmark [--rows N] [--rounds N] [--batch N] [--warmup N]}
 */
public final class H2CommitBenchmark {

    private static final int DURABLE = 0;
    private static final int H2_DEFAULT = 500;

    private H2CommitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = 20_000;
        int rounds = 6;
        int batch = 250;
        int warmup = 20_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        ConfigurableApplicationContext app = new SpringApplication(BuiteninApplication.class).run("--server.port=0",
                "--buitenin.data-dir=" + Files.createTempDirectory("bench-h2"), "--logging.level.root=WARN");
        try {
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            System.out.println("h2-commit: database " + jdbc.queryForObject("select h2version()", String.class) + ", URL "
                    + app.getBean(Environment.class).getProperty("spring.datasource.url"));
            List<TouchpointId> touchpoints = JourneyBenchmarks.touchpoints(app.getBean(JdbcJourneys.class));
            String key = app.getBean(ApiKeys.class).issue("bench", Set.of(Scope.INGEST), null).plainText();
            int port = Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));
            URI endpoint = URI.create("http://localhost:" + port + "/api/v1/interactions");
            HttpClient client = HttpClient.newHttpClient();
            int threads = 2;

            for (int delay : new int[] {DURABLE, H2_DEFAULT}) {
                writeDelay(jdbc, delay);
                JourneyBenchmarks.post(client, endpoint, key, JourneyBenchmarks.bodies("warm" + delay, touchpoints, warmup, batch), threads);
                JourneyBenchmarks.awaitListeners(jdbc);
            }
            List<Double> ratios = new ArrayList<>();
            List<Double> durableRates = new ArrayList<>();
            List<Double> defaultRates = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                // ABBA: the order alternates, so neither setting profits from the database growing during the run.
                int[] order = round % 2 == 0 ? new int[] {DURABLE, H2_DEFAULT} : new int[] {H2_DEFAULT, DURABLE};
                double[] rate = new double[2];
                for (int delay : order) {
                    writeDelay(jdbc, delay);
                    List<String> bodies = JourneyBenchmarks.bodies("r" + round + "d" + delay, touchpoints, rows, batch);
                    long start = System.nanoTime();
                    JourneyBenchmarks.post(client, endpoint, key, bodies, threads);
                    JourneyBenchmarks.awaitListeners(jdbc);
                    rate[delay == DURABLE ? 0 : 1] = rows / ((System.nanoTime() - start) / 1e9);
                    check(jdbc, delay); // no new pool connection set it back from its URL during the round
                }
                ratios.add(rate[0] / rate[1]);
                durableRates.add(rate[0]);
                defaultRates.add(rate[1]);
                System.out.printf(Locale.ROOT, "h2-commit: round %d: WRITE_DELAY=0 %.0f rows/s, WRITE_DELAY=500 %.0f rows/s, ratio %.2f; load average %.1f%n",
                        round + 1, rate[0], rate[1], rate[0] / rate[1],
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            List<Double> sorted = ratios.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "h2-commit: %d rounds of %d rows in batches of %d, %d client threads; ratio WRITE_DELAY=0 / WRITE_DELAY=500: "
                    + "median %.2f, range %.2f-%.2f%n", rounds, rows, batch, threads,
                    (sorted.get((rounds - 1) / 2) + sorted.get(rounds / 2)) / 2, sorted.get(0), sorted.get(rounds - 1));
            // The line bench/run-all.sh reads: the median of the rounds' ratios, and each side's median rate.
            System.out.printf(Locale.ROOT, "RESULT h2-commit ratio=%.4f value=%.1f unit=rows/s baseline=%.1f%n",
                    median(ratios), median(durableRates), median(defaultRates));
        } finally {
            app.close();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2;
    }

    private static void writeDelay(JdbcTemplate jdbc, int millis) {
        jdbc.execute("set write_delay " + millis);
        check(jdbc, millis);
    }

    private static void check(JdbcTemplate jdbc, int millis) {
        String effective = jdbc.queryForObject("select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'", String.class);
        if (!effective.equals(Integer.toString(millis))) {
            throw new IllegalStateException("WRITE_DELAY is " + effective + ", not " + millis);
        }
    }
}
