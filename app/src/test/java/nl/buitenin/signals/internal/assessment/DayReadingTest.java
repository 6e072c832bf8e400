package nl.buitenin.signals.internal.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.readings.Comparison;

/**
 * The results of a round against numbers worked out here by hand or from the definitions, not by the code under test:
 * a capability's score is the mean over colleagues of each colleague's mean over the statements they answered, with the
 * Student t interval; small departments are hidden, and with them the smallest others until the hidden ones hold k
 * colleagues; the management/front-line gap is Welch's.
 */
class DayReadingTest {

    @Test
    void aCapabilityIsTheMeanOverColleaguesOfTheirOwnMeanWithAStudentInterval() {
        // Sensing has three statements. Colleague 1 answers 4 and 4 ("weet ik niet" on the third): 4.0. Colleague 2 answers
        // 3 and 4: 3.5. Colleague 3 answers 2, 2 and 2: 2.0. Mean (4 + 3.5 + 2) / 3 = 3.1667.
        List<AssessmentAnswer> answers = List.of(
                answer("Boekingen", StaffLevel.FRONT_LINE, Map.of("sensing.shift", 4, "sensing.upward", 4)),
                answer("Boekingen", StaffLevel.FRONT_LINE, Map.of("sensing.shift", 3, "sensing.competitors", 4)),
                answer("Boekingen", StaffLevel.FRONT_LINE, Map.of("sensing.shift", 2, "sensing.upward", 2, "sensing.competitors", 2,
                        "linking.reach", 5)));
        DayReading reading = DayReading.of(answers, 3);
        Estimate sensing = reading.score(DayArea.SENSING, reading.organisation()).orElseThrow();
        // By hand: deviations 0.8333, 0.3333, -1.1667; s² = (0.6944 + 0.1111 + 1.3611) / 2 = 1.0833, s = 1.04083;
        // t(2 df, 0.975) = 4.302653 (published tables); margin = 4.302653 × 1.04083 / √3 = 2.58557.
        assertThat(sensing.n()).isEqualTo(3);
        assertThat(sensing.value()).isCloseTo(3.16667, within(1e-4));
        assertThat(sensing.lower()).isCloseTo(3.16667 - 2.58557, within(1e-4));
        assertThat(sensing.upper()).isCloseTo(3.16667 + 2.58557, within(1e-4));
        // Linking: one colleague answered, so no interval can be given and nothing is shown.
        assertThat(reading.score(DayArea.LINKING, reading.organisation())).isEmpty();
        assertThat(reading.score(DayArea.CHANNEL, reading.organisation())).isEmpty();
    }

    @Test
    void aDepartmentBelowKIsHiddenWithTheSmallestOtherSoItCannotBeWorkedOutFromTheTotal() {
        assertThat(DayReading.hiddenDepartments(sizes("Directie", 3L, "Administratie", 6L, "Boekingen", 21L), 5))
                .containsExactlyInAnyOrder("Directie", "Administratie");
        // Two small ones already hold five colleagues together: nothing else needs hiding.
        assertThat(DayReading.hiddenDepartments(sizes("Directie", 3L, "Stafbureau", 2L, "Boekingen", 21L), 5))
                .containsExactlyInAnyOrder("Directie", "Stafbureau");
        // One colleague alone, then the smallest other (9; a tie broken by name) until at least 5 are hidden.
        assertThat(DayReading.hiddenDepartments(sizes("A", 1L, "C", 9L, "B", 9L, "D", 12L), 5)).containsExactlyInAnyOrder("A", "B");
        assertThat(DayReading.hiddenDepartments(sizes("Reisadvies", 5L, "Boekingen", 21L), 5)).isEmpty();

        List<AssessmentAnswer> answers = new ArrayList<>();
        answers.addAll(times(3, answer("Directie", StaffLevel.MANAGEMENT, Map.of("sensing.shift", 5))));
        answers.addAll(times(6, answer("Administratie", StaffLevel.SUPPORT, Map.of("sensing.shift", 3))));
        answers.addAll(times(21, answer("Boekingen", StaffLevel.FRONT_LINE, Map.of("sensing.shift", 2))));
        DayReading reading = DayReading.of(answers, 5);
        for (DayReading.Unit unit : reading.units()) {
            boolean shouldHide = !unit.organisation() && Set.of("Directie", "Administratie").contains(unit.department());
            assertThat(unit.hidden()).as(unit.department()).isEqualTo(shouldHide);
            if (shouldHide) {
                assertThat(reading.score(DayArea.SENSING, unit)).as(unit.department()).isEmpty();
            }
        }
        assertThat(reading.organisation().respondents()).isEqualTo(30);
        assertThat(reading.score(DayArea.SENSING, reading.organisation()).orElseThrow().value()).isCloseTo((15 + 18 + 42) / 30.0, within(1e-9));
        // Management has three colleagues: the gap is not shown.
        assertThat(reading.gaps()).allSatisfy(g -> assertThat(g.hidden()).isTrue());
    }

    @Test
    void theGapIsWelchsDifferenceOfTheTwoLevels() {
        double[] management = {4, 5, 4, 5, 3};
        double[] frontLine = {2, 3, 2, 3, 2, 3};
        List<AssessmentAnswer> answers = new ArrayList<>();
        for (double m : management) {
            answers.add(answer("Teamleiders", StaffLevel.MANAGEMENT, Map.of("conditions.goal", (int) m)));
        }
        for (double f : frontLine) {
            answers.add(answer("Boekingen", StaffLevel.FRONT_LINE, Map.of("conditions.goal", (int) f)));
        }
        DayReading.Gap gap = DayReading.of(answers, 5).gaps().stream().filter(g -> g.area() == DayArea.CONDITIONS).findFirst().orElseThrow();
        Comparison c = gap.comparison();
        assertThat(gap.hidden()).isFalse();
        // Written out: means 4.2 and 2.5; variances 0.7 and 0.3; se = √(0.7/5 + 0.3/6) = √0.19 = 0.435890;
        // Welch df = 0.19² / ((0.14²)/4 + (0.05²)/5) = 0.0361 / (0.0049 + 0.0005) = 6.685185;
        // t(6.685, 0.975) = 2.3912 (interpolated from tables: 2.447 at 6, 2.365 at 7); difference 1.7 ± 1.0423.
        assertThat(c.first().value()).isCloseTo(4.2, within(1e-9));
        assertThat(c.second().value()).isCloseTo(2.5, within(1e-9));
        assertThat(c.difference().value()).isCloseTo(1.7, within(1e-9));
        assertThat(c.difference().upper() - c.difference().value()).isCloseTo(2.3912 * 0.435890, within(0.01));
        assertThat(c.difference().lower()).isGreaterThan(0);
        assertThat(c.difference().pValue()).isLessThan(0.01);
        // The other capabilities were not answered by enough colleagues on either side.
        assertThat(DayReading.of(answers, 5).gaps().stream().filter(g -> g.area() == DayArea.SENSING).findFirst().orElseThrow().comparison())
                .isNull();
    }

    @Test
    void theGapLeavesOutDepartmentsWhoseLevelsCouldBeWorkedOut() {
        // Three directors (hidden) next to eight team leads: the management total would give the directors away.
        // "Reisadvies" has two managers among ten front-line staff: its own total minus its front line would give them away.
        List<AssessmentAnswer> answers = new ArrayList<>();
        answers.addAll(times(3, answer("Directie", StaffLevel.MANAGEMENT, Map.of("sensing.shift", 5))));
        answers.addAll(times(8, answer("Teamleiders", StaffLevel.MANAGEMENT, Map.of("sensing.shift", 4))));
        answers.addAll(times(2, answer("Reisadvies", StaffLevel.MANAGEMENT, Map.of("sensing.shift", 1))));
        answers.addAll(times(10, answer("Reisadvies", StaffLevel.FRONT_LINE, Map.of("sensing.shift", 3))));
        answers.addAll(times(6, answer("Boekingen", StaffLevel.FRONT_LINE, Map.of("sensing.shift", 2))));
        answers.addAll(times(4, answer("Reisleiding", StaffLevel.FRONT_LINE, Map.of("sensing.shift", 3))));
        answers.addAll(times(3, answer("Reisleiding", StaffLevel.FRONT_LINE, Map.of("sensing.shift", 2))));
        DayReading reading = DayReading.of(answers, 5);
        // Directie is hidden, and Boekingen (the smallest shown) with it, so that the two cannot be told apart.
        assertThat(reading.units().stream().filter(DayReading.Unit::hidden).map(DayReading.Unit::department))
                .containsExactlyInAnyOrder("Directie", "Boekingen");
        assertThat(DayReading.comparableDepartments(answers, Set.of("Directie", "Boekingen"), 5))
                .containsExactlyInAnyOrder("Teamleiders", "Reisleiding");
        DayReading.Gap sensing = reading.gaps().stream().filter(g -> g.area() == DayArea.SENSING).findFirst().orElseThrow();
        assertThat(sensing.management()).isEqualTo(8);
        assertThat(sensing.frontLine()).isEqualTo(7);
        // Team leads 4.0 against (4 × 3 + 3 × 2) / 7 = 2.5714.
        assertThat(sensing.comparison().first().value()).isCloseTo(4.0, within(1e-9));
        assertThat(sensing.comparison().second().value()).isCloseTo(18 / 7.0, within(1e-9));
    }

    private static Map<String, Long> sizes(Object... pairs) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            sizes.put((String) pairs[i], (Long) pairs[i + 1]);
        }
        return sizes;
    }

    private static AssessmentAnswer answer(String department, StaffLevel level, Map<String, Integer> scores) {
        return new AssessmentAnswer(department, level, new LinkedHashMap<>(scores));
    }

    private static List<AssessmentAnswer> times(int n, AssessmentAnswer answer) {
        return java.util.Collections.nCopies(n, answer);
    }
}
