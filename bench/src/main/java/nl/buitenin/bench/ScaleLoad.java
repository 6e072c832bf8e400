package nl.buitenin.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.BuiteninApplication;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.access.Users;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.demand.internal.DemandProperties;
import nl.buitenin.demand.internal.volume.InteractionCounts;
import nl.buitenin.insight.AnswerCount;
import nl.buitenin.insight.Grouping;
import nl.buitenin.insight.Histogram;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreQuery;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.insight.ScoreSlice;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.InteractionsRecorded.Interaction;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.LocalizedText;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.MonthlyPartitions;
import nl.buitenin.privacy.PersonKey;

/**
 * The load of the scale benchmark: the application (in this JVM) migrates the schema and creates the journey, surveys,
 * user and API key; then the generated history goes in by COPY, chunk by chunk, and the roll-ups by the application's
 * own writers, and both are checked against the raw rows. See {@link ScaleBenchmark} and BENCHMARKS.md.
 */
final class ScaleLoad {

    private static final int CHUNK = 200_000;

    private final List<String> table;

    /** @param table where the load's lines of the benchmark's table go */
    ScaleLoad(List<String> table) {
        this.table = table;
    }

    // ---- 1. the load ---------------------------------------------------------------------------------------------------

    /** What the application process needs from the load: ids, the API key, the surveys, the period. */
    record Setup(List<UUID> touchpoints, UUID kafkaTouchpoint, UUID ingestTouchpoint, ScaleData.SurveySpec answerSurvey,
            String apiKey, LocalDate first, LocalDate last, ZoneId zone) {

        /** As written next to a kept database ({@code --keep-database}). */
        Properties properties() {
            Properties saved = new Properties();
            saved.setProperty("touchpoints", String.join(",", touchpoints.stream().map(UUID::toString).toList()));
            saved.setProperty("kafkaTouchpoint", kafkaTouchpoint.toString());
            saved.setProperty("ingestTouchpoint", ingestTouchpoint.toString());
            saved.setProperty("answerSurvey", answerSurvey.id().toString());
            saved.setProperty("answerQuestions", String.join(",", answerSurvey.questions().stream()
                    .map(q -> q.key() + ":" + q.min() + ":" + q.max()).toList()));
            saved.setProperty("apiKey", apiKey);
            saved.setProperty("first", first.toString());
            saved.setProperty("last", last.toString());
            saved.setProperty("zone", zone.getId());
            return saved;
        }

        /** Read back for {@code --reuse}. */
        static Setup from(Properties saved) {
            List<ScaleData.Question> questions = Arrays.stream(saved.getProperty("answerQuestions").split(",")).map(q -> q.split(":"))
                    .map(q -> new ScaleData.Question(q[0], Integer.parseInt(q[1]), Integer.parseInt(q[2]))).toList();
            return new Setup(Arrays.stream(saved.getProperty("touchpoints").split(",")).map(UUID::fromString).toList(),
                    UUID.fromString(saved.getProperty("kafkaTouchpoint")), UUID.fromString(saved.getProperty("ingestTouchpoint")),
                    new ScaleData.SurveySpec(UUID.fromString(saved.getProperty("answerSurvey")), questions), saved.getProperty("apiKey"),
                    LocalDate.parse(saved.getProperty("first")), LocalDate.parse(saved.getProperty("last")),
                    ZoneId.of(saved.getProperty("zone")));
        }
    }

    Setup load(String url, DataSource dataSource, long interactions, long answers) throws Exception {
        long start = System.nanoTime();
        Path setupDir = Files.createTempDirectory("buitenin-scale-setup");
        ConfigurableApplicationContext app = new SpringApplication(BuiteninApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--buitenin.data-dir=" + setupDir, "--logging.level.root=WARN");
        try {
            ScaleBenchmark.log("schema migrated by the application (Flyway) in %.0f s", (System.nanoTime() - start) / 1e9);
            ScaleData.checkColumns(dataSource, "interaction", ScaleData.INTERACTION_COLUMNS);
            ScaleData.checkColumns(dataSource, "listening_response", ScaleData.RESPONSE_COLUMNS);
            ScaleData.checkColumns(dataSource, "listening_answer", ScaleData.ANSWER_COLUMNS);

            JdbcJourneys journeys = app.getBean(JdbcJourneys.class);
            JourneyId journey = journeys.createJourney(new Names("Klantreis wandelvakantie", "Walking holiday journey"));
            String[][] stages = {{"Oriënteren", "Orienting"}, {"Boeken", "Booking"}, {"Reizen", "Travelling"}, {"Na de reis", "After the trip"}};
            List<UUID> touchpoints = new ArrayList<>();
            UUID kafkaTouchpoint = null;
            UUID ingestTouchpoint = null;
            for (int s = 0; s < stages.length; s++) {
                StageId stage = journeys.addStage(journey, new Names(stages[s][0], stages[s][1]));
                for (int t = 0; t < 5; t++) {
                    int n = s * 5 + t + 1;
                    touchpoints.add(journeys.addTouchpoint(stage, new Names("Contactmoment " + n, "Touchpoint " + n),
                            Channel.values()[n % Channel.values().length], null).value());
                }
                if (s == stages.length - 1) {
                    kafkaTouchpoint = journeys.addTouchpoint(stage, new Names("Koppeling Kafka", "Kafka feed"), Channel.values()[0], null).value();
                    ingestTouchpoint = journeys.addTouchpoint(stage, new Names("Koppeling API", "API feed"), Channel.values()[1], null).value();
                }
            }
            List<ScaleData.SurveySpec> surveys = List.of(
                    survey(app, "Uw wandelvakantie", new Object[] {"nps", QuestionType.NPS}),
                    survey(app, "Uw boeking", new Object[] {"nps", QuestionType.NPS}, new Object[] {"csat-boeking", QuestionType.CSAT}),
                    survey(app, "Uw contact met ons", new Object[] {"nps", QuestionType.NPS}, new Object[] {"ces-contact", QuestionType.CES}));
            app.getBean(Users.class).create(new Users.NewUser(ScaleBenchmark.USER, "Analist schaalmeting", ScaleBenchmark.PASSWORD, Set.of(Role.ANALYST), null, "nl", false));
            String key = app.getBean(ApiKeys.class).issue("schaalmeting", Set.of(Scope.INGEST, Scope.READ), null).plainText();
            ZoneId zone = app.getBean(Organisations.class).current().timeZone();
            // The history ends at the start of today (in the organisation's zone): the default period of the map and the
            // API (the last 12 weeks up to today) is then full, and no row is in the future.
            Instant end = LocalDate.now(zone).atStartOfDay(zone).toInstant();
            ScaleData generator = new ScaleData(touchpoints, end, zone, 4_000_000);

            TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            loadInteractions(app, dataSource, generator, transaction, interactions);
            loadAnswers(app, dataSource, generator, transaction, surveys, answers);

            long vacuum = System.nanoTime();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                // What autovacuum does some time after a load: statistics, and the visibility map that index-only scans need.
                for (String t : List.of("interaction", "interaction_day", "listening_response", "listening_answer", "score_histogram", "score_week",
                        "demand_volume", "demand_counted_interaction")) {
                    statement.execute("vacuum analyze " + t);
                }
            }
            ScaleBenchmark.log("vacuum analyze of the loaded tables: %.0f s", (System.nanoTime() - vacuum) / 1e9);
            sizes(dataSource);
            return new Setup(touchpoints, kafkaTouchpoint, ingestTouchpoint, surveys.get(1), key, generator.firstDay(),
                    generator.lastDay(), zone);
        } finally {
            app.close();
            ScaleBenchmark.deleteTree(setupDir);
        }
    }

    private static ScaleData.SurveySpec survey(ConfigurableApplicationContext app, String title, Object[]... questions) {
        List<SurveyQuestion> asked = new ArrayList<>();
        List<ScaleData.Question> spec = new ArrayList<>();
        for (Object[] q : questions) {
            QuestionType type = (QuestionType) q[1];
            asked.add(new SurveyQuestion((String) q[0], type, new LocalizedText("Vraag " + q[0], "Question " + q[0]), List.of(), true));
            spec.add(new ScaleData.Question((String) q[0], type.min(), type.max()));
        }
        SurveyDefinition definition = new SurveyDefinition(new LocalizedText(title, title), null, asked,
                new LocalizedText("Bedankt.", "Thank you."), List.of(), List.of());
        Survey survey = Survey.draft(definition, Instant.now());
        survey.publish(Instant.now());
        app.getBean(JdbcSurveys.class).add(survey);
        return new ScaleData.SurveySpec(survey.id().value(), spec);
    }

    private void loadInteractions(ConfigurableApplicationContext app, DataSource dataSource, ScaleData generator,
            TransactionTemplate transaction, long total) throws Exception {
        InteractionCounts counts = app.getBean(InteractionCounts.class);
        // Two years of history belong in monthly partitions, as an installation running for two years has them (its
        // partition job makes each month ahead of time); without this every COPYed row would stay in the default one.
        MonthlyPartitions partitions = app.getBean(MonthlyPartitions.class);
        Set<InteractionKind> counted = app.getBean(DemandProperties.class).interactionKinds();
        SplittableRandom random = new SplittableRandom(20);
        long[] perDay = generator.perDay(total);
        long copyNanos = 0;
        long countNanos = 0;
        long expectedCounted = 0;
        long sequence = 0;
        long started = System.nanoTime();
        List<ScaleData.Row> chunk = new ArrayList<>(CHUNK);
        LocalDate first = generator.firstDay();
        for (int d = 0; d < ScaleData.DAYS; d++) {
            LocalDate day = first.plusDays(d);
            for (long i = 0; i < perDay[d]; i++) {
                double u = random.nextDouble();
                String kind = u < 0.85 ? "CONTACT" : u < 0.95 ? "VISIT" : "PURCHASE";
                chunk.add(new ScaleData.Row("crm-" + (sequence++), generator.touchpoint(random), generator.timeOn(day, random), day,
                        generator.person(random), kind));
                if (counted.contains(InteractionKind.valueOf(kind))) {
                    expectedCounted++;
                }
                if (chunk.size() == CHUNK) {
                    long[] t = writeInteractions(dataSource, counts, transaction, chunk);
                    copyNanos += t[0];
                    countNanos += t[1];
                    chunk.clear();
                    partitions.createAhead(3);
                    if (sequence % (CHUNK * 25L) == 0) {
                        ScaleBenchmark.log("interactions: %d of %d (%.0f s)", sequence, total, (System.nanoTime() - started) / 1e9);
                    }
                }
            }
        }
        if (!chunk.isEmpty()) {
            long[] t = writeInteractions(dataSource, counts, transaction, chunk);
            copyNanos += t[0];
            countNanos += t[1];
        }
        partitions.createAhead(3);
        long waiting = new JdbcTemplate(dataSource).queryForObject("select count(*) from interaction_default", Long.class);
        ScaleBenchmark.log("interactions: %d monthly partitions, %d rows left in the default partition",
                partitions.partitions("interaction").size() - 1, waiting);
        double seconds = (System.nanoTime() - started) / 1e9;
        long stored = new JdbcTemplate(dataSource).queryForObject("select count(*) from interaction", Long.class);
        long inDays = new JdbcTemplate(dataSource).queryForObject("select coalesce(sum(interactions), 0) from interaction_day", Long.class);
        if (inDays != stored) {
            throw new IllegalStateException("the counts per touchpoint and day hold " + inDays + " interactions, the table " + stored);
        }
        long inDemand = new JdbcTemplate(dataSource).queryForObject(
                "select coalesce(sum(offered), 0) from demand_volume where source = 'interactions'", Long.class);
        ScaleBenchmark.log("interactions: %d stored in %.0f s (COPY %.0f s, %.0f rows/s; demand's counts %.0f s); check: %d contacts counted in "
                + "demand_volume, %d expected", stored, seconds, copyNanos / 1e9, total / (copyNanos / 1e9), countNanos / 1e9,
                inDemand, expectedCounted);
        if (stored != total || inDemand != expectedCounted) {
            throw new IllegalStateException("the load of interactions is incomplete: " + stored + " stored of " + total
                    + ", " + inDemand + " counted of " + expectedCounted);
        }
        table.add(String.format(Locale.ROOT, "| load: interactions by COPY, with demand's counts by the app's writer | %.0f rows/s "
                + "(%.0f min in all) | | | information |", total / seconds, seconds / 60));
    }

    /**
     * COPYs one chunk, then counts it per touchpoint and day and into demand's intervals as the application does;
     * returns both times.
     */
    private static long[] writeInteractions(DataSource dataSource, InteractionCounts counts, TransactionTemplate transaction,
            List<ScaleData.Row> chunk) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            try (ScaleData.Copy copy = new ScaleData.Copy(connection, "interaction", ScaleData.INTERACTION_COLUMNS)) {
                for (ScaleData.Row row : chunk) {
                    ScaleData.interaction(copy.out(), row);
                }
            }
        }
        long copied = System.nanoTime() - start;
        start = System.nanoTime();
        // The journey map's counts per touchpoint and day, which the application's writer keeps with every insert.
        try (Connection connection = dataSource.getConnection()) {
            ScaleData.addDays(connection, chunk);
        }
        List<Interaction> events = new ArrayList<>(chunk.size());
        for (ScaleData.Row row : chunk) {
            events.add(new Interaction(new TouchpointId(row.touchpoint()), new PersonKey(row.person()), row.at(), row.sourceId(),
                    InteractionKind.valueOf(row.kind()), null, null, null, null, null));
        }
        // The listener gets batches of at most the API's 5 000; the counts are the same for any split.
        for (int from = 0; from < events.size(); from += 5_000) {
            List<Interaction> batch = events.subList(from, Math.min(events.size(), from + 5_000));
            transaction.executeWithoutResult(status -> counts.countAll(batch));
        }
        return new long[] {copied, System.nanoTime() - start};
    }

    private void loadAnswers(ConfigurableApplicationContext app, DataSource dataSource, ScaleData generator,
            TransactionTemplate transaction, List<ScaleData.SurveySpec> surveys, long total) throws Exception {
        ScoreHistograms histograms = app.getBean(ScoreHistograms.class);
        // As for interactions: responses and answers belong in their months' partitions, not all in the default one (until
        // 2026-12-06 they stayed there, 3.8 GB at the full size).
        MonthlyPartitions partitions = app.getBean(MonthlyPartitions.class);
        Map<String, ScoreScale> scales = Map.of("nps", ScoreScale.NPS, "csat-boeking", ScoreScale.CSAT, "ces-contact", ScoreScale.CES);
        SplittableRandom random = new SplittableRandom(21);
        long[] perDay = generator.perDay(total);
        long copyNanos = 0;
        long histogramNanos = 0;
        long given = 0;
        long responses = 0;
        long started = System.nanoTime();
        List<ScaleData.Response> chunk = new ArrayList<>();
        int chunkAnswers = 0;
        LocalDate first = generator.firstDay();
        for (int d = 0; d < ScaleData.DAYS; d++) {
            LocalDate day = first.plusDays(d);
            long today = 0;
            while (today < perDay[d]) {
                double u = random.nextDouble();
                ScaleData.SurveySpec survey = surveys.get(u < 0.5 ? 0 : u < 0.8 ? 1 : 2);
                if (today + survey.questions().size() > perDay[d]) {
                    survey = surveys.get(0);
                }
                UUID touchpoint = generator.touchpoint(random);
                int index = generator.touchpointIndex(touchpoint);
                int[] scores = new int[survey.questions().size()];
                for (int q = 0; q < scores.length; q++) {
                    scores[q] = ScaleData.score(survey.questions().get(q), index, random);
                }
                chunk.add(new ScaleData.Response(new UUID(random.nextLong(), random.nextLong()), survey, touchpoint,
                        generator.person(random), "import:gen-" + (responses++), generator.timeOn(day, random), day, scores));
                today += scores.length;
                chunkAnswers += scores.length;
                if (chunkAnswers >= CHUNK) {
                    long[] t = writeAnswers(dataSource, histograms, transaction, scales, chunk);
                    copyNanos += t[0];
                    histogramNanos += t[1];
                    given += chunkAnswers;
                    chunk.clear();
                    chunkAnswers = 0;
                    partitions.createAhead(3);
                }
            }
        }
        if (!chunk.isEmpty()) {
            long[] t = writeAnswers(dataSource, histograms, transaction, scales, chunk);
            copyNanos += t[0];
            histogramNanos += t[1];
            given += chunkAnswers;
        }
        partitions.createAhead(3);
        double seconds = (System.nanoTime() - started) / 1e9;
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long waiting = jdbc.queryForObject("select count(*) from listening_response_default", Long.class)
                + jdbc.queryForObject("select count(*) from listening_answer_default", Long.class);
        ScaleBenchmark.log("answers: %d monthly partitions, %d rows left in the default partitions",
                partitions.partitions("listening_response").size() - 1, waiting);
        long stored = jdbc.queryForObject("select count(*) from listening_answer", Long.class);
        long counted = jdbc.queryForObject("select coalesce(sum(answer_count), 0) from score_histogram", Long.class);
        ScaleBenchmark.log("answers: %d answers in %d responses stored in %.0f s (COPY %.0f s, %.0f answers/s; histograms %.0f s); check: %d counted "
                + "in score_histogram", stored, responses, seconds, copyNanos / 1e9, given / (copyNanos / 1e9), histogramNanos / 1e9, counted);
        if (stored != total || counted != total) {
            throw new IllegalStateException("the load of answers is incomplete: " + stored + " stored and " + counted
                    + " counted of " + total);
        }
        checkHistograms(histograms, jdbc, generator, scales);
        table.add(String.format(Locale.ROOT, "| load: answers by COPY, with the score histograms by the app's writer | %.0f answers/s "
                + "(%.0f min in all) | | | information |", total / seconds, seconds / 60));
    }

    private static long[] writeAnswers(DataSource dataSource, ScoreHistograms histograms, TransactionTemplate transaction,
            Map<String, ScoreScale> scales, List<ScaleData.Response> chunk) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            ScaleData.copyResponses(connection, chunk);
            connection.commit();
        }
        long copied = System.nanoTime() - start;
        start = System.nanoTime();
        // Summed per touchpoint, day, question and value, as listening's Completions hands a batch to the histograms.
        Map<List<Object>, Long> cells = new HashMap<>();
        for (ScaleData.Response r : chunk) {
            for (int q = 0; q < r.scores().length; q++) {
                cells.merge(List.of(r.touchpoint(), r.day(), r.survey().questions().get(q).key(), r.scores()[q]), 1L, Long::sum);
            }
        }
        List<AnswerCount> counts = new ArrayList<>(cells.size());
        cells.forEach((cell, n) -> counts.add(new AnswerCount(new TouchpointId((UUID) cell.get(0)), (LocalDate) cell.get(1),
                (String) cell.get(2), scales.get((String) cell.get(2)), (Integer) cell.get(3), n)));
        transaction.executeWithoutResult(status -> histograms.recordAll(counts));
        return new long[] {copied, System.nanoTime() - start};
    }

    /**
     * The histograms the application's writer built, read through the application's own summary, against a GROUP BY
     * over the raw answers of a sample: four whole weeks in the middle of the two years, per touchpoint, week and question.
     */
    private static void checkHistograms(ScoreHistograms histograms, JdbcTemplate jdbc, ScaleData generator, Map<String, ScoreScale> scales) {
        LocalDate from = generator.firstDay().plusDays(ScaleData.DAYS / 2);
        from = from.minusDays(from.getDayOfWeek().getValue() - 1);
        LocalDate to = from.plusWeeks(4).minusDays(1);
        Map<String, Histogram> raw = new HashMap<>();
        String zone = generator.zone().getId();
        jdbc.query("select r.touchpoint_id, (r.completed_at at time zone '" + zone + "')::date as day, a.question_key, a.score, count(*) "
                + "from listening_response r join listening_answer a on a.response_id = r.id "
                + "where r.completed_at >= ? and r.completed_at < ? group by 1, 2, 3, 4", rs -> {
                    LocalDate day = rs.getObject(2, LocalDate.class);
                    String k = rs.getString(1) + "/" + day.minusDays(day.getDayOfWeek().getValue() - 1) + "/" + rs.getString(3);
                    raw.merge(k, Histogram.empty(scales.get(rs.getString(3))).plus(rs.getInt(4), rs.getLong(5)), Histogram::plus);
                }, Timestamp.from(from.atStartOfDay(ZoneId.of(zone)).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant()));
        List<ScoreSlice> slices = histograms.summarise(new ScoreQuery(Set.of(), from, to, null, Grouping.WEEK, true));
        if (slices.size() != raw.size() || slices.isEmpty()) {
            throw new IllegalStateException("histograms give " + slices.size() + " slices for " + from + " to " + to + ", raw answers " + raw.size());
        }
        for (ScoreSlice slice : slices) {
            Histogram expected = raw.get(slice.touchpoint() + "/" + slice.periodStart() + "/" + slice.questionKey());
            if (!slice.histogram().equals(expected)) {
                throw new IllegalStateException("histogram " + slice + " differs from the GROUP BY of the raw answers: " + expected);
            }
        }
        ScaleBenchmark.log("answers: check: the histograms of %s to %s (%d slices per touchpoint, week and question) equal a GROUP BY of the raw answers",
                from, to, slices.size());
    }

    private static void sizes(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.query("select relname, pg_size_pretty(pg_total_relation_size(c.oid)) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname = current_schema() and c.relkind in ('r', 'p') order by pg_total_relation_size(c.oid) desc limit 8",
                rs -> {
                    ScaleBenchmark.log("size: %s %s", rs.getString(1), rs.getString(2));
                });
        ScaleBenchmark.log("size: database %s", jdbc.queryForObject("select pg_size_pretty(pg_database_size(current_database()))", String.class));
    }
}
