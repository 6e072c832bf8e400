package nl.buitenin.insight.internal;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.insight.Grouping;
import nl.buitenin.insight.Histogram;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreQuery;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.insight.ScoreSlice;
import nl.buitenin.journey.TouchpointId;

@Repository
class JdbcScoreHistograms implements ScoreHistograms {

    /** score_week's count columns: c0 counts the scale's lowest value. */
    private static final List<String> WEEK_COLUMNS = IntStream.range(0, 11).mapToObj(i -> "c" + i).toList();

    static {
        for (ScoreScale scale : ScoreScale.values()) {
            if (scale.size() > WEEK_COLUMNS.size()) {
                throw new IllegalStateException("score_week has no column for every value of " + scale);
            }
        }
    }

    private static final Pattern QUESTION_KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final JdbcClient jdbc;
    /** Scales never change once a key has one, so they are safe to keep. */
    private final Map<String, ScoreScale> scales = new ConcurrentHashMap<>();

    JdbcScoreHistograms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void record(TouchpointId touchpoint, LocalDate day, String questionKey, ScoreScale scale, int value) {
        record(touchpoint, day, questionKey, scale, value, 1);
    }

    @Override
    @Transactional
    public void record(TouchpointId touchpoint, LocalDate day, String questionKey, ScoreScale scale, int value, long count) {
        if (count < 1) {
            throw new IllegalArgumentException("a count of answers is at least 1, got " + count);
        }
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(scale, "scale");
        if (questionKey == null || !QUESTION_KEY.matcher(questionKey).matches()) {
            throw new IllegalArgumentException("a question key is 1 to 100 lower-case letters, digits, dots, dashes or underscores: " + questionKey);
        }
        scale.requireValue(value);
        requireScale(questionKey, scale);
        LocalDate week = Grouping.WEEK.periodStart(day, day);
        count("update score_histogram set answer_count = answer_count + :n "
                        + "where touchpoint_id = :t and local_day = :d and question_key = :q and answer_value = :v",
                "insert into score_histogram (touchpoint_id, local_day, week_start, month_start, question_key, answer_value, "
                        + "answer_count) values (:t, :d, :w, :m, :q, :v, :n) on conflict do nothing",
                touchpoint, day, week, questionKey, value, count);
        String column = WEEK_COLUMNS.get(value - scale.min());
        count("update score_week set " + column + " = " + column + " + :n "
                        + "where touchpoint_id = :t and week_start = :w and question_key = :q",
                "insert into score_week (touchpoint_id, week_start, question_key, " + column + ") "
                        + "values (:t, :w, :q, :n) on conflict do nothing",
                touchpoint, day, week, questionKey, value, count);
    }

    /**
     * Adds to a count row, creating it when absent. Update first (the common case), then insert;
     * when another transaction inserted the row in between, the insert does nothing and the update is repeated.
     */
    private void count(String update, String insert, TouchpointId touchpoint, LocalDate day, LocalDate week, String questionKey,
            int value, long count) {
        Map<String, Object> params = Map.of("t", touchpoint.value(), "d", Date.valueOf(day), "w", Date.valueOf(week),
                "m", Date.valueOf(Grouping.MONTH.periodStart(day, day)), "q", questionKey, "v", value, "n", count);
        if (jdbc.sql(update).params(params).update() == 0 && jdbc.sql(insert).params(params).update() == 0) {
            jdbc.sql(update).params(params).update();
        }
    }

    private void requireScale(String questionKey, ScoreScale scale) {
        ScoreScale known = scales.get(questionKey);
        if (known == null) {
            jdbc.sql("insert into score_question (question_key, scale) values (:q, :s) on conflict do nothing")
                    .param("q", questionKey).param("s", scale.name()).update();
            known = ScoreScale.valueOf(jdbc.sql("select scale from score_question where question_key = :q")
                    .param("q", questionKey).query(String.class).single());
            scales.put(questionKey, known);
        }
        if (known != scale) {
            throw new IllegalArgumentException("question " + questionKey + " is counted on the " + known + " scale, not " + scale);
        }
    }

    @Override
    public List<ScoreSlice> summarise(ScoreQuery query) {
        Map<SliceKey, long[]> slices = new LinkedHashMap<>();
        LocalDate firstWeek = query.from().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate lastWeek = query.to().plusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        boolean byWeeks = query.grouping() == Grouping.WEEK || query.grouping() == Grouping.TOTAL;
        if (byWeeks && !lastWeek.isBefore(firstWeek)) {
            // Whole weeks from the weekly roll-up, the days of partial weeks at either end from the daily counts.
            addWeeks(slices, query, firstWeek, lastWeek);
            if (query.from().isBefore(firstWeek)) {
                addDays(slices, query, query.from(), firstWeek.minusDays(1));
            }
            if (lastWeek.plusDays(6).isBefore(query.to())) {
                addDays(slices, query, lastWeek.plusDays(7), query.to());
            }
        } else {
            addDays(slices, query, query.from(), query.to());
        }
        Map<TouchpointId, String> sortKeys = new HashMap<>();
        return slices.entrySet().stream()
                .map(e -> new ScoreSlice(e.getKey().touchpoint(), e.getKey().question(), e.getKey().start(),
                        new Histogram(e.getKey().scale(), e.getValue())))
                .sorted(Comparator.comparing((ScoreSlice s) -> s.touchpoint() == null ? "" : sortKeys.computeIfAbsent(s.touchpoint(), TouchpointId::toString))
                        .thenComparing(ScoreSlice::questionKey).thenComparing(ScoreSlice::periodStart))
                .toList();
    }

    /**
     * Adds the whole weeks [firstWeek, lastWeek] from score_week. Its rows are the journey map's slices
     * (touchpoint, week, question) with a column per scale value, so per-touchpoint weeks are read as they
     * are; other groupings sum the columns.
     */
    private void addWeeks(Map<SliceKey, long[]> slices, ScoreQuery query, LocalDate firstWeek, LocalDate lastWeek) {
        boolean rowsAreSlices = query.perTouchpoint() && query.grouping() == Grouping.WEEK;
        String period = query.grouping() == Grouping.WEEK ? "h.week_start" : "null";
        StringBuilder sql = new StringBuilder("select ").append(query.perTouchpoint() ? "h.touchpoint_id" : "null")
                .append(", h.question_key, ").append(period);
        for (String column : WEEK_COLUMNS) {
            sql.append(rowsAreSlices ? ", h." + column : ", sum(h." + column + ")");
        }
        sql.append(" from score_week h where h.week_start between :from and :to");
        where(sql, query);
        if (!rowsAreSlices) {
            sql.append(" group by ").append(query.perTouchpoint() ? "h.touchpoint_id, " : "").append("h.question_key")
                    .append(query.grouping() == Grouping.WEEK ? ", h.week_start" : "");
        }
        Map<UUID, TouchpointId> touchpoints = new HashMap<>();
        statement(sql, query, firstWeek, lastWeek).query(rs -> {
            String question = rs.getString(2);
            ScoreScale scale = scaleOf(question);
            SliceKey key = key(rs.getObject(1, UUID.class), question, scale,
                    period.equals("null") ? query.from() : rs.getObject(3, LocalDate.class), touchpoints);
            long[] counts = slices.computeIfAbsent(key, k -> new long[scale.size()]);
            for (int i = 0; i < counts.length; i++) {
                counts[i] += rs.getLong(4 + i);
            }
        });
    }

    private static SliceKey key(UUID touchpoint, String question, ScoreScale scale, LocalDate start, Map<UUID, TouchpointId> touchpoints) {
        return new SliceKey(touchpoint == null ? null : touchpoints.computeIfAbsent(touchpoint, TouchpointId::new), question, scale, start);
    }

    private static void where(StringBuilder sql, ScoreQuery query) {
        if (!query.touchpoints().isEmpty()) {
            sql.append(" and h.touchpoint_id in (:t)");
        }
        if (query.questionKey() != null) {
            sql.append(" and h.question_key = :q");
        }
    }

    private JdbcClient.StatementSpec statement(StringBuilder sql, ScoreQuery query, LocalDate from, LocalDate to) {
        var statement = jdbc.sql(sql.toString()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to));
        if (!query.touchpoints().isEmpty()) {
            statement = statement.param("t", query.touchpoints().stream().map(TouchpointId::value).toList());
        }
        if (query.questionKey() != null) {
            statement = statement.param("q", query.questionKey());
        }
        return statement;
    }

    /** Adds the summed daily counts over [from, to] to the slices. */
    private void addDays(Map<SliceKey, long[]> slices, ScoreQuery query, LocalDate from, LocalDate to) {
        String period = switch (query.grouping()) {
            case TOTAL -> null;
            case DAY -> "h.local_day";
            case WEEK -> "h.week_start";
            case MONTH -> "h.month_start";
        };
        boolean rowsAreSlices = query.perTouchpoint() && query.grouping() == Grouping.DAY;
        StringBuilder sql = new StringBuilder("select ")
                .append(query.perTouchpoint() ? "h.touchpoint_id" : "null").append(", h.question_key, ")
                .append(period == null ? "null" : period).append(", h.answer_value, ")
                .append(rowsAreSlices ? "h.answer_count" : "sum(h.answer_count)")
                .append(" from score_histogram h where h.local_day between :from and :to");
        where(sql, query);
        if (!rowsAreSlices) {
            List<String> groupBy = new ArrayList<>();
            if (query.perTouchpoint()) {
                groupBy.add("h.touchpoint_id");
            }
            groupBy.add("h.question_key");
            if (period != null) {
                groupBy.add(period);
            }
            groupBy.add("h.answer_value");
            sql.append(" group by ").append(String.join(", ", groupBy));
        }
        Map<UUID, TouchpointId> touchpoints = new HashMap<>();
        statement(sql, query, from, to).query(rs -> {
            String question = rs.getString(2);
            ScoreScale scale = scaleOf(question);
            SliceKey key = key(rs.getObject(1, UUID.class), question, scale,
                    period == null ? query.from() : rs.getObject(3, LocalDate.class), touchpoints);
            int value = scale.requireValue(rs.getInt(4));
            // Counts are summed in place and become immutable histograms once, at the end.
            slices.computeIfAbsent(key, k -> new long[scale.size()])[value - scale.min()] += rs.getLong(5);
        });
    }

    /** The scale a question's answers are counted on; every counted question has one. */
    private ScoreScale scaleOf(String questionKey) {
        return scales.computeIfAbsent(questionKey, key -> ScoreScale.valueOf(jdbc.sql("select scale from score_question where question_key = :q")
                .param("q", key).query(String.class).single()));
    }

    private record SliceKey(TouchpointId touchpoint, String question, ScoreScale scale, LocalDate start) {
    }
}
