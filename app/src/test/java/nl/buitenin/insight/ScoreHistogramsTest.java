package nl.buitenin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.testing.DatabaseTest;

@DatabaseTest
class ScoreHistogramsTest {

    @Autowired
    ScoreHistograms histograms;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void weeklySummariesEqualTheHistogramsOfTheRawAnswersOfEachWeek() {
        TouchpointId shop = new TouchpointId(UUID.randomUUID());
        String question = "nps-" + UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(11);
        LocalDate monday = LocalDate.of(2026, 3, 2);
        List<Integer> firstWeek = new ArrayList<>();
        List<Integer> secondWeek = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int day = random.nextInt(14);
            int value = random.nextInt(11);
            histograms.record(shop, monday.plusDays(day), question, ScoreScale.NPS, value);
            (day < 7 ? firstWeek : secondWeek).add(value);
        }
        List<ScoreSlice> weeks = histograms.summarise(new ScoreQuery(Set.of(shop), monday, monday.plusDays(13), question,
                Grouping.WEEK, true));
        assertThat(weeks).extracting(ScoreSlice::periodStart).containsExactly(monday, monday.plusDays(7));
        assertThat(weeks.get(0).histogram()).isEqualTo(Histogram.of(ScoreScale.NPS, ints(firstWeek)));
        assertThat(weeks.get(1).histogram()).isEqualTo(Histogram.of(ScoreScale.NPS, ints(secondWeek)));
        assertThat(weeks.get(0).score().orElseThrow().n()).isEqualTo(firstWeek.size());
    }

    @Test
    void aSliceThatStartsAndEndsMidWeekCountsOnlyItsOwnDays() {
        TouchpointId guide = new TouchpointId(UUID.randomUUID());
        String question = "nps-" + UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(5);
        LocalDate monday = LocalDate.of(2026, 6, 1);
        java.util.Map<LocalDate, List<Integer>> byDay = new java.util.TreeMap<>();
        for (int i = 0; i < 400; i++) {
            LocalDate day = monday.plusDays(random.nextInt(35));
            int value = random.nextInt(11);
            histograms.record(guide, day, question, ScoreScale.NPS, value);
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(value);
        }
        // Wednesday 3 June to Tuesday 23 June: a partial week, two whole weeks (8 and 15 June), and a partial week.
        LocalDate from = monday.plusDays(2);
        LocalDate to = monday.plusDays(22);
        java.util.Map<LocalDate, List<Integer>> expected = new java.util.TreeMap<>();
        List<Integer> all = new ArrayList<>();
        byDay.forEach((day, values) -> {
            if (!day.isBefore(from) && !day.isAfter(to)) {
                expected.computeIfAbsent(Grouping.WEEK.periodStart(day, from), w -> new ArrayList<>()).addAll(values);
                all.addAll(values);
            }
        });
        List<ScoreSlice> weeks = histograms.summarise(new ScoreQuery(Set.of(guide), from, to, question, Grouping.WEEK, true));
        assertThat(weeks).extracting(ScoreSlice::periodStart).containsExactlyElementsOf(expected.keySet());
        for (ScoreSlice week : weeks) {
            assertThat(week.histogram()).isEqualTo(Histogram.of(ScoreScale.NPS, ints(expected.get(week.periodStart()))));
        }
        List<ScoreSlice> total = histograms.summarise(new ScoreQuery(Set.of(guide), from, to, question, Grouping.TOTAL, true));
        assertThat(total).singleElement().extracting(ScoreSlice::histogram).isEqualTo(Histogram.of(ScoreScale.NPS, ints(all)));
    }

    @Test
    void theTotalsOfTheWeeksAreWhatATotalQueryReturns() {
        // Two touchpoints, two questions on different scales, a period that starts and ends mid-week (the journey map's
        // default of 12 weeks ending on a Thursday): the weeks' sums must equal the total the store computes itself.
        TouchpointId web = new TouchpointId(UUID.randomUUID());
        TouchpointId phone = new TouchpointId(UUID.randomUUID());
        String nps = "nps-" + UUID.randomUUID().toString().substring(0, 8);
        String csat = "csat-" + UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(29);
        LocalDate start = LocalDate.of(2026, 1, 5);
        for (int i = 0; i < 600; i++) {
            TouchpointId touchpoint = random.nextBoolean() ? web : phone;
            LocalDate day = start.plusDays(random.nextInt(100));
            if (random.nextBoolean()) {
                histograms.record(touchpoint, day, nps, ScoreScale.NPS, random.nextInt(11));
            } else {
                histograms.record(touchpoint, day, csat, ScoreScale.CSAT, 1 + random.nextInt(5));
            }
        }
        LocalDate to = LocalDate.of(2026, 3, 26);
        LocalDate from = to.minusWeeks(12).plusDays(1);
        for (String question : List.of(nps, csat)) {
            List<ScoreSlice> weeks = histograms.summarise(new ScoreQuery(Set.of(web, phone), from, to, question, Grouping.WEEK, true));
            List<ScoreSlice> total = histograms.summarise(new ScoreQuery(Set.of(web, phone), from, to, question, Grouping.TOTAL, true));

            assertThat(weeks).hasSizeGreaterThan(20);
            assertThat(total).hasSize(2);
            assertThat(ScoreSlice.totals(weeks, from)).isEqualTo(total);
        }
        List<ScoreSlice> bothQuestions = histograms.summarise(new ScoreQuery(Set.of(web, phone), from, to, null, Grouping.WEEK, true));
        assertThat(ScoreSlice.totals(bothQuestions, from))
                .isEqualTo(histograms.summarise(new ScoreQuery(Set.of(web, phone), from, to, null, Grouping.TOTAL, true)));
    }

    @Test
    void summingOverTouchpointsAddsTheirCounts() {
        TouchpointId web = new TouchpointId(UUID.randomUUID());
        TouchpointId phone = new TouchpointId(UUID.randomUUID());
        String question = "csat-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.of(2026, 4, 15);
        histograms.record(web, day, question, ScoreScale.CSAT, 5);
        histograms.record(web, day, question, ScoreScale.CSAT, 4);
        histograms.record(phone, day.plusDays(3), question, ScoreScale.CSAT, 2);
        List<ScoreSlice> total = histograms.summarise(new ScoreQuery(Set.of(web, phone), day.withDayOfMonth(1),
                day.withDayOfMonth(30), question, Grouping.MONTH, false));
        assertThat(total).singleElement().satisfies(slice -> {
            assertThat(slice.touchpoint()).isNull();
            assertThat(slice.periodStart()).isEqualTo(LocalDate.of(2026, 4, 1));
            assertThat(slice.histogram()).isEqualTo(Histogram.of(ScoreScale.CSAT, 5, 4, 2));
        });
    }

    @Test
    void weeksAcrossTouchpointsAddTheirCountsPerScaleValue() {
        // CES runs from 1, so the weekly value columns are offset; the lowest and highest values must land right.
        TouchpointId web = new TouchpointId(UUID.randomUUID());
        TouchpointId phone = new TouchpointId(UUID.randomUUID());
        String question = "ces-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate monday = LocalDate.of(2026, 9, 7);
        histograms.record(web, monday, question, ScoreScale.CES, 1);
        histograms.record(web, monday.plusDays(6), question, ScoreScale.CES, 7);
        histograms.record(phone, monday.plusDays(2), question, ScoreScale.CES, 7);
        histograms.record(phone, monday.plusDays(9), question, ScoreScale.CES, 4);
        LocalDate sunday = monday.plusDays(13);

        List<ScoreSlice> weeks = histograms.summarise(new ScoreQuery(Set.of(web, phone), monday, sunday, question, Grouping.WEEK, false));
        assertThat(weeks).extracting(ScoreSlice::periodStart).containsExactly(monday, monday.plusDays(7));
        assertThat(weeks).extracting(ScoreSlice::touchpoint).containsOnlyNulls();
        assertThat(weeks.get(0).histogram()).isEqualTo(Histogram.of(ScoreScale.CES, 1, 7, 7));
        assertThat(weeks.get(1).histogram()).isEqualTo(Histogram.of(ScoreScale.CES, 4));

        List<ScoreSlice> total = histograms.summarise(new ScoreQuery(Set.of(web, phone), monday, sunday, question, Grouping.TOTAL, false));
        assertThat(total).singleElement().extracting(ScoreSlice::histogram).isEqualTo(Histogram.of(ScoreScale.CES, 1, 7, 7, 4));

        List<ScoreSlice> perTouchpoint = histograms.summarise(new ScoreQuery(Set.of(web, phone), monday, sunday, question, Grouping.TOTAL, true));
        assertThat(perTouchpoint).hasSize(2).anySatisfy(slice -> {
            assertThat(slice.touchpoint()).isEqualTo(web);
            assertThat(slice.histogram()).isEqualTo(Histogram.of(ScoreScale.CES, 1, 7));
        });
    }

    @Test
    void countsJoinTheCallersTransactionAndVanishWithItsRollback() {
        TouchpointId chat = new TouchpointId(UUID.randomUUID());
        String question = "ces-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.of(2026, 5, 5);
        transactions.executeWithoutResult(status -> {
            histograms.record(chat, day, question, ScoreScale.CES, 6);
            status.setRollbackOnly();
        });
        assertThat(histograms.summarise(new ScoreQuery(Set.of(chat), day, day, question, Grouping.TOTAL, true))).isEmpty();
    }

    @Test
    void refusesAValueOffTheScaleAndAKeyOnAnotherScale() {
        TouchpointId app = new TouchpointId(UUID.randomUUID());
        String question = "rating-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.of(2026, 5, 5);
        assertThatThrownBy(() -> histograms.record(app, day, question, ScoreScale.CSAT, 6)).hasMessageContaining("1 to 5");
        histograms.record(app, day, question, ScoreScale.RATING_5, 3);
        assertThatThrownBy(() -> histograms.record(app, day, question, ScoreScale.NPS, 3)).hasMessageContaining("RATING_5");
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
