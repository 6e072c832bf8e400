package nl.buitenin.bench;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.buitenin.BuiteninApplication;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.InteractionInput;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;

/**
 * Interactions into demand's counts: how fast the counts from interactions keep up with the plain
 * interaction ingest that feeds them, measured in the same run on the same embedded PostgreSQL. The ingest
 * (journey: validate, insert, publish one event per new interaction) runs in batches of 5 000; demand counts
 * each event in its own transaction after the batch commits, on the application's task executor.
 * With {@code --no-count} demand counts no kind at all ({@code buitenin.demand.interaction-kinds=purchase}, and
 * the benchmark sends only contacts): the ingest alone, for the cost the counting adds to it.
 * Run: {@code java -cp ... nl.buitenin.bench.DemandBenchmarks [--rows N] [--no-count]}
 */
public final class DemandBenchmarks {

    private static final int BATCH = 5_000;

    public static void main(String[] args) throws Exception {
        int rows = 40_000;
        boolean count = true;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rows")) {
                rows = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--no-count")) {
                count = false;
            }
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            ConfigurableApplicationContext app = new SpringApplication(BuiteninApplication.class).run("--server.port=0",
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--buitenin.data-dir=" + Files.createTempDirectory("bench"), "--logging.level.root=WARN",
                    "--buitenin.demand.interaction-kinds=" + (count ? "contact,visit" : "purchase"));
            try {
                List<TouchpointId> touchpoints = touchpoints(app.getBean(JdbcJourneys.class));
                InteractionIngest ingest = app.getBean(InteractionIngest.class);
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                run(ingest, jdbc, touchpoints, "warm", 10_000, count);
                run(ingest, jdbc, touchpoints, "run", rows, count);
                long offered = jdbc.queryForObject("select coalesce(sum(offered), 0) from demand_volume where source = 'interactions'",
                        Long.class);
                System.out.printf(Locale.ROOT, "interaction-counts: check: %d interactions sent, %d counted in demand_volume%n", 10_000 + rows,
                        offered);
            } finally {
                app.close();
            }
        }
    }

    private static void run(InteractionIngest ingest, JdbcTemplate jdbc, List<TouchpointId> touchpoints, String tag, int rows,
            boolean count) throws InterruptedException {
        long before = counted(jdbc);
        long start = System.nanoTime();
        for (int from = 0; from < rows; from += BATCH) {
            IngestReport report = ingest.ingest(batch(tag, touchpoints, from, Math.min(rows, from + BATCH)));
            if (report.created() != Math.min(BATCH, rows - from)) {
                throw new IllegalStateException("batch from " + from + " created " + report.created());
            }
        }
        long ingested = System.nanoTime();
        if (!count) {
            System.out.printf(Locale.ROOT, "interaction-counts %s: %d interactions; ingest with counting off (batches of %d) %.0f rows/s%n", tag,
                    rows, BATCH, rows / ((ingested - start) / 1e9));
            return;
        }
        while (counted(jdbc) < before + rows) {
            Thread.sleep(20);
        }
        long done = System.nanoTime();
        double ingestRate = rows / ((ingested - start) / 1e9);
        double countRate = rows / ((done - start) / 1e9);
        System.out.printf(Locale.ROOT, "interaction-counts %s: %d interactions; plain ingest (batches of %d) %.0f rows/s; "
                + "counted into demand (ingest start to last count) %.0f rows/s; ratio counted/ingest = %.2f; counting finished %.1f s after the ingest%n",
                tag, rows, BATCH, ingestRate, countRate, countRate / ingestRate, (done - ingested) / 1e9);
        if (!tag.equals("warm")) {
            // The line bench/run-all.sh reads.
            System.out.printf(Locale.ROOT, "RESULT demand-counts ratio=%.4f value=%.1f unit=rows/s baseline=%.1f%n",
                    countRate / ingestRate, countRate, ingestRate);
        }
    }

    /** How many interactions demand has counted: all the benchmark's interactions are contacts, each one count. */
    private static long counted(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select coalesce(sum(offered), 0) from demand_volume where source = 'interactions'", Long.class);
    }

    private static List<InteractionInput> batch(String tag, List<TouchpointId> touchpoints, int from, int to) {
        Instant base = Instant.parse("2026-01-05T07:00:00Z");
        List<InteractionInput> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
            // Spread over two weeks of working hours, so most events find their interval already there.
            items.add(new InteractionInput(tag + "-" + i, touchpoints.get(i % touchpoints.size()).toString(),
                    base.plusSeconds((i * 97L) % (14 * 86_400L)).toString(), null, "contact"));
        }
        return items;
    }

    private static List<TouchpointId> touchpoints(JdbcJourneys journeys) {
        JourneyId journey = journeys.createJourney(new Names("Benchmark", "Benchmark"));
        StageId stage = journeys.addStage(journey, new Names("Fase", "Stage"));
        return List.of(journeys.addTouchpoint(stage, new Names("Telefoon", "Phone"), Channel.PHONE, null),
                journeys.addTouchpoint(stage, new Names("Chat", "Chat"), Channel.CHAT, null),
                journeys.addTouchpoint(stage, new Names("E-mail", "E-mail"), Channel.EMAIL, null),
                journeys.addTouchpoint(stage, new Names("Winkel", "Shop"), Channel.LOCATION, "Winkel Utrecht"));
    }
}
