package nl.buitenin.insight.internal;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.insight.AnswerCount;
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

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    /** Scales never change once a key has one, so they are safe to keep. */
    private final Map<String, ScoreScale> scales = new ConcurrentHashMap<>();

    JdbcScoreHistograms(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    @Override
    @Transactional
    public void record(TouchpointId touchpoint, LocalDate day, String questionKey, ScoreScale scale, int value) {
        recordAll(List.of(new AnswerCount(touchpoint, day, questionKey, scale, value, 1)));
    }

    /**
     * Adds the counts to the daily rows, then to the weekly rows, each set in a fixed order (touchpoint, day
     * or week, question, value), so that two transactions over overlapping rows wait for each other instead
     * of deadlocking. Each row: update first (the common case), insert when absent; when another transaction
     * inserted it in between, the insert does nothing and the update is repeated.
     */
    @Override
    @Transactional
    public void recordAll(Collection<AnswerCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        Map<DayRow, Long> days = new TreeMap<>();
        Map<WeekRow, long[]> weeks = new TreeMap<>();
        for (AnswerCount count : counts) {
            requireScale(count.questionKey(), count.scale());
            days.merge(new DayRow(count.touchpoint().value(), count.day(), count.questionKey(), count.value()), count.count(), Long::sum);
            weeks.computeIfAbsent(new WeekRow(count.touchpoint().value(), Grouping.WEEK.periodStart(count.day(), count.day()),
                    count.questionKey()), w -> new long[WEEK_COLUMNS.size()])[count.value() - count.scale().min()] += count.count();
        }
        List<Object[]> dayUpdates = new ArrayList<>(days.size());
        days.forEach((row, n) -> dayUpdates.add(new Object[] {n, row.touchpoint(), Date.valueOf(row.day()), row.question(), row.value()}));
        upsert("update score_histogram set answer_count = answer_count + ? "
                        + "where touchpoint_id = ? and local_day = ? and question_key = ? and answer_value = ?", dayUpdates,
                "insert into score_histogram (touchpoint_id, local_day, week_start, month_start, question_key, answer_value, "
                        + "answer_count) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                update -> {
                    LocalDate day = ((Date) update[2]).toLocalDate();
                    return new Object[] {update[1], update[2], Date.valueOf(Grouping.WEEK.periodStart(day, day)),
                            Date.valueOf(Grouping.MONTH.periodStart(day, day)), update[3], update[4], update[0]};
                });
        List<Object[]> weekUpdates = new ArrayList<>(weeks.size());
        weeks.forEach((row, columns) -> {
            Object[] update = new Object[columns.length + 3];
            for (int i = 0; i < columns.length; i++) {
                update[i] = columns[i];
            }
            update[columns.length] = row.touchpoint();
            update[columns.length + 1] = Date.valueOf(row.week());
            update[columns.length + 2] = row.question();
            weekUpdates.add(update);
        });
        upsert(WEEK_UPDATE, weekUpdates, WEEK_INSERT, update -> {
            Object[] insert = new Object[update.length];
            insert[0] = update[WEEK_COLUMNS.size()];
            insert[1] = update[WEEK_COLUMNS.size() + 1];
            insert[2] = update[WEEK_COLUMNS.size() + 2];
            System.arraycopy(update, 0, insert, 3, WEEK_COLUMNS.size());
            return insert;
        });
    }

    private static final String WEEK_UPDATE = "update score_week set "
            + String.join(", ", WEEK_COLUMNS.stream().map(c -> c + " = " + c + " + ?").toList())
            + " where touchpoint_id = ? and week_start = ? and question_key = ?";
    private static final String WEEK_INSERT = "insert into score_week (touchpoint_id, week_start, question_key, "
            + String.join(", ", WEEK_COLUMNS) + ") values (?, ?, ?" + ", ?".repeat(WEEK_COLUMNS.size()) + ") on conflict do nothing";

    /** Batched update of every row; insert of those that were absent; update again of those another transaction inserted first. */
    private void upsert(String update, List<Object[]> updates, String insert, java.util.function.Function<Object[], Object[]> asInsert) {
        int[] updated = batches.batchUpdate(update, updates);
        List<Object[]> absent = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                absent.add(updates.get(i));
            }
        }
        if (absent.isEmpty()) {
            return;
        }
        int[] inserted = batches.batchUpdate(insert, absent.stream().map(asInsert).toList());
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == 0) {
                batches.update(update, absent.get(i));
            }
        }
    }

    private record DayRow(UUID touchpoint, LocalDate day, String question, int value) implements Comparable<DayRow> {
        @Override
        public int compareTo(DayRow other) {
            return Comparator.comparing(DayRow::touchpoint).thenComparing(DayRow::day).thenComparing(DayRow::question)
                    .thenComparingInt(DayRow::value).compare(this, other);
        }
    }

    private record WeekRow(UUID touchpoint, LocalDate week, String question) implements Comparable<WeekRow> {
        @Override
        public int compareTo(WeekRow other) {
            return Comparator.comparing(WeekRow::touchpoint).thenComparing(WeekRow::week).thenComparing(WeekRow::question)
                    .compare(this, other);
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
