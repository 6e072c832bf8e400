package nl.buitenin.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The generated history of the scale benchmark: interactions and answered surveys over two years up to a given end,
 * in time order (as a real feed arrives), spread over the days with growth, a weekly and a yearly rhythm and office
 * hours, over touchpoints of unequal size. Seeded: every run generates the same rows.
 *
 * <p>The rows are written with COPY into the application's own tables. The column lists are checked against the
 * schema before the first row (every column named must exist, every required column without a default must be named),
 * so a change of schema, such as the monthly partitions, fails here with the table and column named instead of halfway
 * through a load of an hour.
 */
final class ScaleData {

    static final int DAYS = 730;
    static final String INTERACTION_COLUMNS = "source_id, touchpoint_id, occurred_at, local_day, person_key, kind";
    static final String RESPONSE_COLUMNS = "id, survey_id, touchpoint_id, person_key, source_ref, channel, language, status, "
            + "invited_at, started_at, completed_at, created_at";
    static final String RESPONSE_KEY_COLUMNS = "source_ref, id, created_at";
    static final String ANSWER_COLUMNS = "response_id, question_key, score, response_created_at";
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    /** A survey version and the scored questions it asks: key and the lowest and highest value. */
    record SurveySpec(UUID id, List<Question> questions) {
    }

    record Question(String key, int min, int max) {
    }

    /** One interaction as generated. */
    record Row(String sourceId, UUID touchpoint, Instant at, LocalDate day, String person, String kind) {
    }

    /** One answered survey as generated: its scores in the order of the survey's questions. */
    record Response(UUID id, SurveySpec survey, UUID touchpoint, String person, String sourceRef, Instant at, LocalDate day,
            int[] scores) {
    }

    private final List<UUID> touchpoints;
    private final double[] touchpointWeights;
    private final Instant end;
    private final ZoneId zone;
    private final int persons;

    ScaleData(List<UUID> touchpoints, Instant end, ZoneId zone, int persons) {
        this.touchpoints = touchpoints;
        this.end = end;
        this.zone = zone;
        this.persons = persons;
        // Touchpoints of unequal size, as a contact centre and a web form are: Zipf-like weights, cumulated.
        touchpointWeights = new double[touchpoints.size()];
        double sum = 0;
        for (int i = 0; i < touchpoints.size(); i++) {
            sum += 1.0 / Math.pow(i + 1, 0.8);
            touchpointWeights[i] = sum;
        }
        for (int i = 0; i < touchpointWeights.length; i++) {
            touchpointWeights[i] /= sum;
        }
    }

    ZoneId zone() {
        return zone;
    }

    LocalDate firstDay() {
        return lastDay().minusDays(DAYS - 1);
    }

    LocalDate lastDay() {
        return end.atZone(zone).toLocalDate().minusDays(1);
    }

    /** How many of {@code total} rows fall on day {@code d} (0 is the first): growth, week and year rhythm. */
    long[] perDay(long total) {
        double[] weight = new double[DAYS];
        double sum = 0;
        LocalDate first = firstDay();
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = first.plusDays(d);
            int dow = day.getDayOfWeek().getValue();
            double week = dow == 7 ? 0.35 : dow == 6 ? 0.6 : dow == 1 ? 1.25 : 1.0;
            double year = 1 + 0.2 * Math.sin(2 * Math.PI * day.getDayOfYear() / 365.0);
            weight[d] = (1 + 0.6 * d / DAYS) * week * year;
            sum += weight[d];
        }
        long[] counts = new long[DAYS];
        long given = 0;
        for (int d = 0; d < DAYS; d++) {
            counts[d] = Math.round(total * weight[d] / sum);
            given += counts[d];
        }
        counts[DAYS - 1] += total - given;
        return counts;
    }

    /** A time on the day: mostly office hours (8 to 18), some evening, little at night. */
    Instant timeOn(LocalDate day, SplittableRandom random) {
        double u = random.nextDouble();
        int second;
        if (u < 0.8) {
            second = 8 * 3600 + random.nextInt(10 * 3600);
        } else if (u < 0.97) {
            second = 18 * 3600 + random.nextInt(5 * 3600);
        } else {
            second = random.nextInt(8 * 3600);
        }
        return day.atStartOfDay(zone).plusSeconds(second).toInstant();
    }

    UUID touchpoint(SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < touchpointWeights.length; i++) {
            if (u < touchpointWeights[i]) {
                return touchpoints.get(i);
            }
        }
        return touchpoints.get(touchpoints.size() - 1);
    }

    int touchpointIndex(UUID touchpoint) {
        return touchpoints.indexOf(touchpoint);
    }

    String person(SplittableRandom random) {
        return person(random.nextInt(persons));
    }

    static String person(long n) {
        StringBuilder key = new StringBuilder("p_");
        long x = n * 0x9E3779B97F4A7C15L;
        for (int c = 0; c < 26; c++) {
            key.append(BASE32.charAt((int) ((x >>> ((c * 5) % 60)) & 31)));
        }
        return key.toString();
    }

    /** A score on a question, skewed high as real scores are, with a level of its own per touchpoint. */
    static int score(Question question, int touchpointIndex, SplittableRandom random) {
        int range = question.max() - question.min();
        double level = 0.55 + 0.35 * ((touchpointIndex * 7) % 11) / 10.0;
        double x = level + 0.28 * (random.nextDouble() + random.nextDouble() - 1);
        int value = question.min() + (int) Math.round(Math.max(0, Math.min(1, x)) * range);
        return value;
    }

    // ---- the schema check --------------------------------------------------------------------------------------------

    /** Fails with the table and column named when the column list does not fit the table in the database. */
    static void checkColumns(DataSource dataSource, String table, String columns) throws SQLException {
        Set<String> named = new HashSet<>();
        for (String column : columns.split(",")) {
            named.add(column.strip());
        }
        Set<String> present = new HashSet<>();
        List<String> required = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection.createStatement().executeQuery("select column_name, is_nullable, column_default "
                        + "from information_schema.columns where table_schema = current_schema() and table_name = '" + table + "'")) {
            while (rs.next()) {
                present.add(rs.getString(1));
                if ("NO".equals(rs.getString(2)) && rs.getString(3) == null) {
                    required.add(rs.getString(1));
                }
            }
        }
        if (present.isEmpty()) {
            throw new IllegalStateException("table " + table + " is not in the schema");
        }
        for (String column : named) {
            if (!present.contains(column)) {
                throw new IllegalStateException("table " + table + " has no column " + column + " (it has " + present + ")");
            }
        }
        for (String column : required) {
            if (!named.contains(column)) {
                throw new IllegalStateException("table " + table + " requires column " + column + ", which the generator does not fill");
            }
        }
    }

    // ---- COPY ----------------------------------------------------------------------------------------------------------

    /** A COPY in CSV into a table, as one statement and one transaction. */
    static final class Copy implements AutoCloseable {
        private final PGCopyOutputStream stream;
        private final Writer out;

        Copy(Connection connection, String table, String columns) throws SQLException {
            stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                    "copy " + table + " (" + columns + ") from stdin with (format csv)", 1 << 16);
            out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        }

        Writer out() {
            return out;
        }

        @Override
        public void close() throws IOException {
            out.flush();
            try {
                stream.endCopy();
            } catch (SQLException e) {
                throw new IOException("COPY failed: " + e.getMessage(), e);
            }
        }
    }

    static void interaction(Writer out, Row row) throws IOException {
        out.append(row.sourceId()).append(',').append(row.touchpoint().toString()).append(',').append(row.at().toString()).append(',')
                .append(row.day().toString()).append(',').append(row.person()).append(',').append(row.kind()).append('\n');
    }

    /** COPY of the responses and their answers on the connection, in its transaction. */
    static void copyResponses(Connection connection, List<Response> responses) throws SQLException, IOException {
        try (Copy copy = new Copy(connection, "listening_response", RESPONSE_COLUMNS)) {
            for (Response r : responses) {
                response(copy.out(), r);
            }
        }
        // One claim per source reference, as the application's writer makes (listening_response_key).
        try (Copy copy = new Copy(connection, "listening_response_key", RESPONSE_KEY_COLUMNS)) {
            for (Response r : responses) {
                copy.out().append(r.sourceRef()).append(',').append(r.id().toString()).append(',').append(r.at().toString()).append('\n');
            }
        }
        try (Copy copy = new Copy(connection, "listening_answer", ANSWER_COLUMNS)) {
            for (Response r : responses) {
                answers(copy.out(), r);
            }
        }
    }

    static void response(Writer out, Response r) throws IOException {
        String at = r.at().toString();
        out.append(r.id().toString()).append(',').append(r.survey().id().toString()).append(',').append(r.touchpoint().toString())
                .append(',').append(r.person()).append(',').append(r.sourceRef()).append(",IMPORT,nl,COMPLETED,").append(at).append(',')
                .append(at).append(',').append(at).append(',').append(at).append('\n');
    }

    static void answers(Writer out, Response r) throws IOException {
        String id = r.id().toString();
        List<Question> questions = r.survey().questions();
        for (int q = 0; q < questions.size(); q++) {
            out.append(id).append(',').append(questions.get(q).key()).append(',').append(Integer.toString(r.scores()[q])).append(',')
                    .append(r.at().toString()).append('\n');
        }
    }

    /**
     * Adds the rows to the counts per touchpoint and day ({@code interaction_day}), as the application's writer of
     * interactions does for what it inserts: one upsert per touchpoint and day, in a fixed order.
     */
    static void addDays(Connection connection, List<Row> rows) throws SQLException {
        Map<UUID, TreeMap<LocalDate, Long>> perDay = new TreeMap<>();
        for (Row row : rows) {
            perDay.computeIfAbsent(row.touchpoint(), t -> new TreeMap<>()).merge(row.day(), 1L, Long::sum);
        }
        try (PreparedStatement add = connection.prepareStatement("insert into interaction_day (touchpoint_id, local_day, "
                + "interactions) values (?, ?, ?) on conflict (touchpoint_id, local_day) "
                + "do update set interactions = interaction_day.interactions + excluded.interactions")) {
            for (var touchpoint : perDay.entrySet()) {
                for (var day : touchpoint.getValue().entrySet()) {
                    add.setObject(1, touchpoint.getKey());
                    add.setObject(2, day.getKey());
                    add.setLong(3, day.getValue());
                    add.addBatch();
                }
            }
            add.executeBatch();
        }
    }
}
