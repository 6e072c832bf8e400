package nl.buitenin.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.buitenin.BuiteninApplication;
import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.insight.Grouping;
import nl.buitenin.insight.Histogram;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreQuery;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.LocalizedText;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.insight.ScoreSlice;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;

/**
 * The journey and insight benchmarks, each against a baseline measured in the same run on the same
 * embedded PostgreSQL:
 * <ul>
 * <li>{@code ingest}: interactions through {@code POST /api/v1/interactions} of a running Buitenin vs a raw
 * {@code COPY} of the same kind of rows into the same table;</li>
 * <li>{@code scores}: journey-map scores per touchpoint and week from the histograms vs the same
 * {@code GROUP BY} over a raw table of answers.</li>
 * </ul>
 * Run: {@code java -cp bench/target/benchmarks.jar nl.buitenin.bench.JourneyBenchmarks [ingest] [answers] [scores] [--rows N] [--ingest-rows N] [--rounds N] [--warmup N] [--answers N] [--count-rule]}
 * <p>
 * {@code --count-rule}: a group by a rule over a count ({@code purchases_12m >= 2}, as the demo's "Vaste boekers") exists
 * during the ingest, so that the listeners compute every new interaction's person's counts and rule memberships (without
 * it, or another rule over an attribute derived from interactions, the groups' listener reads and writes nothing).
 */
public final class JourneyBenchmarks {

    private static final int TOUCHPOINTS = 20;

    public static void main(String[] args) throws Exception {
        List<String> what = new ArrayList<>();
        int rows = 200_000;
        // The server compiles its hot paths for tens of seconds: a warm-up of a few batches left the C2 compiler
        // busy through the whole measurement (18 s of CPU in a 30 s run on 2 cores), which measured the JIT, not
        // the ingest. 100 000 rows are about 5 s of ingest.
        int warmup = 100_000;
        int ingestRows = 600_000;
        int rounds = 6;
        int answers = 10_000_000;
        int statements = 0;
        boolean countRule = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--ingest-rows" -> ingestRows = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--answers" -> answers = Integer.parseInt(args[++i]);
                case "--statements" -> statements = Integer.parseInt(args[++i]);
                case "--count-rule" -> countRule = true;
                default -> what.add(args[i]);
            }
        }
        if (what.isEmpty()) {
            what = List.of("ingest", "answers", "scores");
        }
        // --statements N: the N statements with the most execution time in the ingest's rounds (pg_stat_statements).
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder();
        if (statements > 0) {
            server.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        try (EmbeddedPostgres postgres = server.start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            ConfigurableApplicationContext app = new SpringApplication(BuiteninApplication.class).run(
                    "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--buitenin.data-dir=" + java.nio.file.Files.createTempDirectory("bench"),
                    "--logging.level.root=WARN");
            try {
                List<TouchpointId> touchpoints = touchpoints(app.getBean(JdbcJourneys.class));
                if (countRule) {
                    app.getBean(nl.buitenin.groups.internal.GroupWork.class).create(new nl.buitenin.groups.internal.GroupInput("Vaste boekers",
                            "Frequent bookers", null, null, "RULE", null, "purchases_12m >= 2"));
                    System.out.println("ingest: with a group by a rule over a count (purchases_12m >= 2)");
                }
                if (what.contains("ingest")) {
                    ingest(app, postgres, touchpoints, ingestRows, rounds, warmup,
                            new Statements(new JdbcTemplate(postgres.getPostgresDatabase()), statements));
                }
                if (what.contains("answers")) {
                    answers(app, postgres, touchpoints, rows);
                }
                if (what.contains("scores")) {
                    scores(app, touchpoints, answers);
                }
            } finally {
                app.close();
            }
        }
    }

    static List<TouchpointId> touchpoints(JdbcJourneys journeys) {
        JourneyId journey = journeys.createJourney(new Names("Benchmark", "Benchmark"));
        StageId stage = journeys.addStage(journey, new Names("Fase", "Stage"));
        List<TouchpointId> ids = new ArrayList<>();
        for (int i = 0; i < TOUCHPOINTS; i++) {
            ids.add(journeys.addTouchpoint(stage, new Names("Contactmoment " + i, "Touchpoint " + i), Channel.values()[i % 8], null));
        }
        return ids;
    }

    // ---- (a) ingestion -------------------------------------------------------------------------

    private static void ingest(ConfigurableApplicationContext app, EmbeddedPostgres postgres, List<TouchpointId> touchpoints,
            int rows, int rounds, int warmup, Statements statements) throws Exception {
        int port = Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));
        String key = app.getBean(ApiKeys.class).issue("bench", Set.of(Scope.INGEST), null).plainText();
        int batch = 5_000;
        int threads = 2;
        HttpClient client = HttpClient.newHttpClient();
        URI endpoint = URI.create("http://localhost:" + port + "/api/v1/interactions");

        // The listeners (listening's invitations, demand's counts, groups' rules over what the interactions say, offers' interests, text
        // insight's failure demand) work after each batch's commit, on the same cores: the API's rate counts until they
        // have finished with every event of the round, not just until the last response. The COPY starts only after
        // that, so it never competes with listeners of the HTTP round.
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        // Warm up both paths (JIT, connection pools), then alternate halves so neither profits from order.
        post(client, endpoint, key, bodies("warm", touchpoints, warmup, batch), threads);
        awaitListeners(jdbc);
        copy(postgres, csv("warmcopy", touchpoints, warmup));
        statements.reset();
        // Short rounds, alternating: the machine's speed drifts (other processes, the page cache, checkpoints) by more
        // than the difference measured, and a COPY right after an HTTP round of the same size sees the same drift.
        long httpNanos = 0;
        long caughtUpNanos = 0;
        long copyNanos = 0;
        int perRound = rows / rounds;
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<String> bodies = bodies("http" + round, touchpoints, perRound, batch);
            long start = System.nanoTime();
            post(client, endpoint, key, bodies, threads);
            httpNanos += System.nanoTime() - start;
            awaitListeners(jdbc);
            long caughtUp = System.nanoTime() - start;
            caughtUpNanos += caughtUp;
            String csv = csv("copy" + round, touchpoints, perRound);
            start = System.nanoTime();
            copy(postgres, csv);
            long copied = System.nanoTime() - start;
            copyNanos += copied;
            ratios.add((double) copied / caughtUp);
        }
        statements.report("the ingest's rounds (HTTP and COPY)",
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "statements-journey-ingest.txt"));
        double httpRate = (double) rounds * perRound / (httpNanos / 1e9);
        double caughtUpRate = (double) rounds * perRound / (caughtUpNanos / 1e9);
        double copyRate = (double) rounds * perRound / (copyNanos / 1e9);
        System.out.printf(Locale.ROOT, "ingest: %d rows in %d rounds; HTTP API (batches of %d, %d client threads) %.0f rows/s until the listeners "
                + "finished (%.0f rows/s until the last response); raw COPY %.0f rows/s; ratio HTTP/COPY = %.2f with listeners "
                + "(%.2f responses only; target >= 0.50); load average %.1f on %d cores%n", rounds * perRound, rounds, batch, threads,
                caughtUpRate, httpRate, copyRate, caughtUpRate / copyRate, httpRate / copyRate,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        // The line bench/run-all.sh reads: the whole run's rate with the listeners against COPY's.
        System.out.printf(Locale.ROOT, "RESULT journey-ingest ratio=%.4f value=%.1f unit=rows/s baseline=%.1f%n",
                caughtUpRate / copyRate, caughtUpRate, copyRate);
        List<Double> sorted = ratios.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "ingest: ratio per round (with listeners): %s; median %.2f, lowest %.2f%n",
                String.join(" ", ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList()),
                (sorted.get((rounds - 1) / 2) + sorted.get(rounds / 2)) / 2, sorted.get(0));
        // A retried batch must create nothing: check the idempotency under the same load.
        String retry = bodies("http0", touchpoints, batch, batch).get(0);
        String response = client.send(HttpRequest.newBuilder(endpoint).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(retry)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        System.out.println("ingest: retry of a sent batch -> " + response.substring(0, response.indexOf(",\"items\"")) + "}");
        // The listeners did all their work, not just quickly: every interaction sent is one contact in demand's counts.
        awaitListeners(jdbc);
        long counted = jdbc.queryForObject("select coalesce(sum(offered), 0) from demand_volume where source = 'interactions'", Long.class);
        System.out.printf(Locale.ROOT, "ingest: check: %d interactions sent, %d counted in demand_volume%n", warmup + (long) rounds * perRound, counted);
    }

    /** Waits until every event publication (one per listener and event) has been handled, and deleted. */
    static void awaitListeners(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Long.class) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the listeners did not finish within 10 minutes");
            }
            Thread.sleep(20);
        }
    }

    static List<String> bodies(String tag, List<TouchpointId> touchpoints, int rows, int batch) {
        List<String> bodies = new ArrayList<>();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            body.append(body.isEmpty() ? "{\"items\":[" : ",");
            body.append("{\"sourceId\":\"").append(tag).append('-').append(i).append("\",\"touchpoint\":\"")
                    .append(touchpoints.get(i % touchpoints.size())).append("\",\"at\":\"").append(base.plusSeconds(i * 37L))
                    .append("\",\"person\":\"").append(person(i)).append("\",\"kind\":\"contact\"}");
            if ((i + 1) % batch == 0 || i == rows - 1) {
                bodies.add(body.append("]}").toString());
                body.setLength(0);
            }
        }
        return bodies;
    }

    private static String csv(String tag, List<TouchpointId> touchpoints, int rows) {
        StringBuilder csv = new StringBuilder();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        for (int i = 0; i < rows; i++) {
            Instant at = base.plusSeconds(i * 37L);
            csv.append(tag).append('-').append(i).append(',').append(touchpoints.get(i % touchpoints.size())).append(',')
                    .append(at).append(',').append(LocalDate.ofInstant(at, zone)).append(',').append(person(i)).append(",CONTACT\n");
        }
        return csv.toString();
    }

    private static String person(int i) {
        String base32 = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder key = new StringBuilder("p_");
        long x = i * 2654435761L;
        for (int c = 0; c < 26; c++) {
            key.append(base32.charAt((int) ((x >>> (c % 13)) & 31)));
        }
        return key.toString();
    }

    /** Batches the node refused with 503 (back-pressure) and that were sent again, over the whole run. */
    static final java.util.concurrent.atomic.AtomicInteger BUSY_REFUSALS = new java.util.concurrent.atomic.AtomicInteger();

    static void post(HttpClient client, URI endpoint, String key, List<String> bodies, int threads) throws Exception {
        post(client, List.of(endpoint), key, bodies, threads);
    }

    /** Sends the bodies to the endpoints in turn (one node each, as a load balancer would), on {@code threads} threads. */
    static void post(HttpClient client, List<URI> endpoints, String key, List<String> bodies, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                String body = bodies.get(i);
                URI endpoint = endpoints.get(i % endpoints.size());
                sent.add(pool.submit(() -> {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint)
                            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    // Back-pressure: the node stored nothing and asks for the same batch again later, as a real sender would.
                    while (response.statusCode() == 503) {
                        BUSY_REFUSALS.incrementAndGet();
                        Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
                        response = client.send(HttpRequest.newBuilder(endpoint)
                                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                                HttpResponse.BodyHandlers.ofString());
                    }
                    if (response.statusCode() != 200 || !response.body().contains("\"rejected\":0")) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": "
                                + response.body().substring(0, Math.min(300, response.body().length())));
                    }
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void copy(EmbeddedPostgres postgres, String csv) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy interaction (source_id, touchpoint_id, occurred_at, local_day, person_key, kind) from stdin with (format csv)",
                    new StringReader(csv));
        }
    }

    // ---- (a2) answers ------------------------------------------------------------------------

    /**
     * Answered surveys (an NPS score and a comment each) through {@code POST /api/v1/answers} against a raw
     * COPY of the same responses and answer rows into the same tables.
     */
    private static void answers(ConfigurableApplicationContext app, EmbeddedPostgres postgres, List<TouchpointId> touchpoints,
            int rows) throws Exception {
        int port = Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));
        String key = app.getBean(ApiKeys.class).issue("bench-answers", Set.of(Scope.INGEST), null).plainText();
        SurveyDefinition definition = new SurveyDefinition(new LocalizedText("Uw wandelreis", "Your walking holiday"), null,
                List.of(new SurveyQuestion("nps", QuestionType.NPS, new LocalizedText("Hoe waarschijnlijk is het dat u ons aanbeveelt?",
                                "How likely are you to recommend us?"), List.of(), true),
                        new SurveyQuestion("beter", QuestionType.OPEN_TEXT, new LocalizedText("Wat kunnen we beter doen?",
                                "What could we do better?"), List.of(), false)),
                new LocalizedText("Bedankt.", "Thank you."), List.of(), List.of());
        Survey survey = Survey.draft(definition, Instant.now());
        survey.publish(Instant.now());
        app.getBean(JdbcSurveys.class).add(survey);
        String surveyId = survey.id().value().toString();
        int batch = 2_000;
        int threads = 2;
        HttpClient client = HttpClient.newHttpClient();
        URI endpoint = URI.create("http://localhost:" + port + "/api/v1/answers");

        post(client, endpoint, key, answerBodies("warm", surveyId, touchpoints, 10_000, batch), threads);
        copyAnswers(postgres, "warmcopy", surveyId, touchpoints, 10_000);
        long httpNanos = 0;
        long copyNanos = 0;
        int half = rows / 2;
        for (int round = 0; round < 2; round++) {
            List<String> bodies = answerBodies("http" + round, surveyId, touchpoints, half, batch);
            long start = System.nanoTime();
            post(client, endpoint, key, bodies, threads);
            httpNanos += System.nanoTime() - start;
            copyNanos += copyAnswers(postgres, "copy" + round, surveyId, touchpoints, half);
        }
        double httpRate = 2.0 * half / (httpNanos / 1e9);
        double copyRate = 2.0 * half / (copyNanos / 1e9);
        System.out.printf(Locale.ROOT, "answers: %d answered surveys (NPS + comment); HTTP API (batches of %d, %d client threads) "
                + "%.0f surveys/s; raw COPY of the same response and answer rows %.0f surveys/s; ratio HTTP/COPY = %.2f (target >= 0.50)%n",
                2 * half, batch, threads, httpRate, copyRate, httpRate / copyRate);
        System.out.printf(Locale.ROOT, "RESULT journey-answers ratio=%.4f value=%.1f unit=surveys/s baseline=%.1f%n",
                httpRate / copyRate, httpRate, copyRate);
        String retry = answerBodies("http0", surveyId, touchpoints, batch, batch).get(0);
        String response = client.send(HttpRequest.newBuilder(endpoint).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(retry)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        System.out.println("answers: retry of a sent batch -> " + response.substring(0, response.indexOf(",\"items\"")) + "}");
    }

    private static List<String> answerBodies(String tag, String survey, List<TouchpointId> touchpoints, int rows, int batch) {
        List<String> bodies = new ArrayList<>();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            body.append(body.isEmpty() ? "{\"items\":[" : ",");
            body.append("{\"sourceId\":\"").append(tag).append('-').append(i).append("\",\"survey\":\"").append(survey)
                    .append("\",\"touchpoint\":\"").append(touchpoints.get(i % touchpoints.size())).append("\",\"at\":\"")
                    .append(base.plusSeconds(i * 37L)).append("\",\"person\":\"").append(person(i))
                    .append("\",\"answers\":{\"nps\":[\"").append(score(i)).append("\"],\"beter\":[\"").append(comment(i)).append("\"]}}");
            if ((i + 1) % batch == 0 || i == rows - 1) {
                bodies.add(body.append("]}").toString());
                body.setLength(0);
            }
        }
        return bodies;
    }

    /** COPYs the same responses and answers as the API would store; returns the nanoseconds the two COPYs took. */
    private static long copyAnswers(EmbeddedPostgres postgres, String tag, String survey, List<TouchpointId> touchpoints, int rows)
            throws Exception {
        StringBuilder responses = new StringBuilder();
        StringBuilder answers = new StringBuilder();
        StringBuilder keys = new StringBuilder();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < rows; i++) {
            String id = java.util.UUID.randomUUID().toString();
            Instant at = base.plusSeconds(i * 37L);
            responses.append(id).append(',').append(survey).append(',').append(touchpoints.get(i % touchpoints.size())).append(',')
                    .append(person(i)).append(",api:").append(tag).append('-').append(i).append(",IMPORT,nl,COMPLETED,")
                    .append(at).append(',').append(at).append(',').append(at).append(',').append(at).append('\n');
            keys.append("api:").append(tag).append('-').append(i).append(',').append(id).append(',').append(at).append('\n');
            answers.append(id).append(",nps,").append(score(i)).append(",,").append(at).append('\n');
            answers.append(id).append(",beter,,\"").append(comment(i)).append("\",").append(at).append('\n');
        }
        long start = System.nanoTime();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("copy listening_response (id, survey_id, touchpoint_id, person_key, source_ref, channel, language, status, "
                    + "invited_at, started_at, completed_at, created_at) from stdin with (format csv)", new StringReader(responses.toString()));
            copy.copyIn("copy listening_response_key (source_ref, id, created_at) from stdin with (format csv)",
                    new StringReader(keys.toString()));
            copy.copyIn("copy listening_answer (response_id, question_key, score, text_value, response_created_at) from stdin "
                    + "with (format csv)",
                    new StringReader(answers.toString()));
        }
        return System.nanoTime() - start;
    }

    private static int score(int i) {
        return (int) ((i * 2654435761L >>> 7) % 11);
    }

    private static String comment(int i) {
        return "Meer uitleg over de route van dag " + (i % 9 + 1);
    }

    // ---- (b) journey-map scores ----------------------------------------------------------------

    private static void scores(ConfigurableApplicationContext app, List<TouchpointId> touchpoints, int answers) throws Exception {
        DataSource dataSource = app.getBean(DataSource.class);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        LocalDate first = LocalDate.of(2024, 11, 25);
        int days = 730;
        List<String> ids = touchpoints.stream().map(TouchpointId::toString).toList();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table bench_answer (touchpoint_id uuid not null, local_day date not null, "
                    + "question_key varchar(100) not null, answer_value integer not null)");
            // Answers spread at random (seeded, so every run has the same data) over touchpoints and two years of
            // days, with an NPS-like skew towards high values.
            statement.execute("select setseed(0.42)");
            statement.execute("insert into bench_answer select (array['" + String.join("','", ids) + "'])[1 + floor(random() * "
                    + ids.size() + ")::int]::uuid, date '" + first + "' + floor(random() * " + days + ")::int, 'nps', "
                    + "least(10, floor(random() * 8)::int + floor(random() * 4)::int) from generate_series(1, " + answers + ") g");
            statement.execute("analyze bench_answer");
            // The histograms the same answers would have produced when each was recorded.
            statement.execute("insert into score_question (question_key, scale) values ('nps', 'NPS') on conflict do nothing");
            statement.execute("insert into score_histogram (touchpoint_id, local_day, week_start, month_start, question_key, answer_value, "
                    + "answer_count) select touchpoint_id, local_day, date_trunc('week', local_day)::date, "
                    + "date_trunc('month', local_day)::date, question_key, answer_value, count(*) from bench_answer "
                    + "group by touchpoint_id, local_day, question_key, answer_value");
            StringBuilder weekColumns = new StringBuilder();
            StringBuilder weekSums = new StringBuilder();
            for (int value = 0; value <= 10; value++) {
                weekColumns.append(", c").append(value);
                weekSums.append(", sum(case when answer_value = ").append(value).append(" then answer_count else 0 end)");
            }
            statement.execute("insert into score_week (touchpoint_id, week_start, question_key" + weekColumns + ") "
                    + "select touchpoint_id, week_start, question_key" + weekSums + " from score_histogram "
                    + "group by touchpoint_id, week_start, question_key");
            statement.execute("analyze score_histogram");
            statement.execute("analyze score_week");
        }
        System.out.printf(Locale.ROOT, "scores: generated %d raw answers and their histograms in %.0f s%n", answers,
                (System.nanoTime() - start) / 1e9);

        ScoreHistograms histograms = app.getBean(ScoreHistograms.class);
        LocalDate last = first.plusDays(days - 1);
        ScoreQuery query = new ScoreQuery(Set.of(), first, last, "nps", Grouping.WEEK, true);
        List<ScoreSlice> fromHistograms = histograms.summarise(query);
        Map<String, Histogram> fromRaw = raw(jdbc, first, last);
        check(fromHistograms, fromRaw);

        double[] histogramMs = new double[7];
        double[] rawMs = new double[3];
        for (int i = 0; i < histogramMs.length; i++) {
            long t = System.nanoTime();
            histograms.summarise(query).forEach(ScoreSlice::score);
            histogramMs[i] = (System.nanoTime() - t) / 1e6;
        }
        for (int i = 0; i < rawMs.length; i++) {
            long t = System.nanoTime();
            raw(jdbc, first, last).values().forEach(Histogram::score);
            rawMs[i] = (System.nanoTime() - t) / 1e6;
        }
        double histogram = median(histogramMs);
        double rawMedian = median(rawMs);
        System.out.printf(Locale.ROOT, "scores: %d answers, %d touchpoints x %d weeks; histograms %.1f ms (median of %d); "
                + "GROUP BY over raw answers %.0f ms (median of %d); speed-up %.0fx (target >= 20x and < 100 ms); "
                + "load average %.1f on %d cores%n", answers,
                touchpoints.size(), fromHistograms.size() / touchpoints.size(), histogram, histogramMs.length, rawMedian, rawMs.length,
                rawMedian / histogram, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        // A speed-up: the baseline's time over the histograms' time, so that higher is better as in the other ratios.
        System.out.printf(Locale.ROOT, "RESULT journey-scores ratio=%.4f value=%.3f unit=ms baseline=%.3f%n",
                rawMedian / histogram, histogram, rawMedian);
    }

    /** The same journey-map question answered from raw answers: counts per touchpoint, week and value. */
    private static Map<String, Histogram> raw(JdbcTemplate jdbc, LocalDate from, LocalDate to) {
        Map<String, Histogram> result = new HashMap<>();
        jdbc.query("select touchpoint_id, date_trunc('week', local_day)::date, answer_value, count(*) from bench_answer "
                + "where question_key = 'nps' and local_day between ? and ? group by 1, 2, 3", rs -> {
                    String key = rs.getString(1) + "/" + rs.getObject(2, LocalDate.class);
                    result.merge(key, Histogram.empty(ScoreScale.NPS).plus(rs.getInt(3), rs.getLong(4)), Histogram::plus);
                }, java.sql.Date.valueOf(from), java.sql.Date.valueOf(to));
        return result;
    }

    private static void check(List<ScoreSlice> fromHistograms, Map<String, Histogram> fromRaw) {
        if (fromHistograms.size() != fromRaw.size()) {
            throw new IllegalStateException("histograms give " + fromHistograms.size() + " slices, raw answers " + fromRaw.size());
        }
        for (ScoreSlice slice : fromHistograms) {
            Histogram raw = fromRaw.get(slice.touchpoint() + "/" + slice.periodStart());
            if (!slice.histogram().equals(raw)) {
                throw new IllegalStateException("slice " + slice + " differs from raw " + raw);
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private JourneyBenchmarks() {
    }
}
