package nl.buitenin.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.buitenin.privacy.SmallCellRule;

/** The figures of a hand-made set of cases, counted by hand. */
class LoopFiguresTest {

    static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant DEADLINE = Instant.parse("2026-03-04T23:00:00Z");
    static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");

    static int people;

    /** The facts of a case of a person of its own. */
    static LoopFigures.CaseFacts facts(String type, Double hoursToContact, boolean resolved, boolean reopened,
            boolean eligible, boolean told) {
        return facts("p_" + ++people, "Klantenservice", type, hoursToContact, resolved, reopened, eligible, told);
    }

    static LoopFigures.CaseFacts facts(String who, String team, String type, Double hoursToContact, boolean resolved,
            boolean reopened, boolean eligible, boolean told) {
        Instant contact = hoursToContact == null ? null : OPENED.plusSeconds((long) (hoursToContact * 3600));
        return new LoopFigures.CaseFacts(team, null, YearMonth.of(2026, 3), type, OPENED, DEADLINE, contact,
                resolved, reopened, true, eligible, told, who);
    }

    @Test
    void countsEachFigureOverItsOwnDenominator() {
        List<LoopFigures.CaseFacts> cases = new ArrayList<>();
        cases.add(facts("complaint", 2.0, true, false, true, true));     // in time
        cases.add(facts("detractor", 10.0, true, true, true, false));    // in time, reopened
        cases.add(facts("detractor", 100.0, true, false, false, false)); // contact after the deadline
        cases.add(facts("complaint", null, false, false, true, true));   // never contacted, deadline passed
        cases.add(facts("question", 1.0, false, false, false, false));   // not a follow-up type
        LoopFigures.Row row = LoopFigures.row("Klantenservice", cases, NOW);

        assertThat(row.followedUpInTime().successes()).isEqualTo(2);
        assertThat(row.followedUpInTime().n()).isEqualTo(4);
        // Median of 1, 2, 10, 100 hours: (2 + 10) / 2.
        assertThat(row.timeToFirstContact().hours()).isCloseTo(6.0, within(1e-9));
        assertThat(row.timeToFirstContact().n()).isEqualTo(4);
        assertThat(row.toldBack().successes()).isEqualTo(2);
        assertThat(row.toldBack().n()).isEqualTo(3);
        assertThat(row.reopened().successes()).isEqualTo(1);
        assertThat(row.reopened().n()).isEqualTo(3);
    }

    @Test
    void anEmptyGroupHasNoSharesAndNoMedian() {
        LoopFigures.Row row = LoopFigures.row("-", List.of(), NOW);
        assertThat(row.followedUpInTime()).isNull();
        assertThat(row.timeToFirstContact().hours()).isNull();
        assertThat(row.timeToFirstContact().n()).isZero();
    }

    @Test
    void aFigureAboutFewerThanKPeopleIsHiddenAndAboutKPeopleShown() {
        SmallCellRule five = new SmallCellRule(5);
        for (int people = 1; people <= 4; people++) {
            List<LoopFigures.CaseFacts> cases = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                cases.add(facts("complaint", 2.0, true, i == 0, true, true));
            }
            LoopFigures.Row row = LoopFigures.row("Klein", cases, NOW, five);
            for (Share share : List.of(row.followedUpInTime(), row.toldBack(), row.reopened())) {
                assertThat(share.hidden()).as("%d people", people).isTrue();
                assertThat(share.fewerThan()).isEqualTo(5);
                assertThat(share.n()).isZero();
                assertThat(share.successes()).isZero();
                assertThat(share.value()).isZero();
            }
            assertThat(row.timeToFirstContact().hidden()).isTrue();
            assertThat(row.timeToFirstContact().hours()).isNull();
        }
        List<LoopFigures.CaseFacts> fivePeople = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fivePeople.add(facts("complaint", 2.0, true, i == 0, true, true));
        }
        LoopFigures.Row shown = LoopFigures.row("Vijf", fivePeople, NOW, five);
        assertThat(shown.followedUpInTime().hidden()).isFalse();
        assertThat(shown.followedUpInTime().n()).isEqualTo(5);
        assertThat(shown.reopened().successes()).isEqualTo(1);
        assertThat(shown.timeToFirstContact().hidden()).isFalse();
        assertThat(shown.timeToFirstContact().n()).isEqualTo(5);
        // No cases at all: no figure, which is not the same as a hidden one.
        LoopFigures.Row none = LoopFigures.row("Leeg", List.of(), NOW, five);
        assertThat(none.followedUpInTime()).isNull();
        assertThat(none.timeToFirstContact().hidden()).isFalse();
        assertThat(none.timeToFirstContact().n()).isZero();
    }

    @Test
    void peopleAreCountedOnceHoweverManyCasesTheyHave() {
        List<LoopFigures.CaseFacts> cases = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            cases.add(facts(i % 2 == 0 ? "p_anna" : "p_bram", "Klantenservice", "complaint", 2.0, true, false, true, true));
        }
        LoopFigures.Row row = LoopFigures.row("Klantenservice", cases, NOW, new SmallCellRule(5));
        assertThat(row.followedUpInTime().hidden()).as("8 cases of 2 people").isTrue();
        assertThat(row.timeToFirstContact().hidden()).isTrue();
    }

    @Test
    void whenOneGroupIsHiddenTheSmallestOtherIsHiddenTooSoTheTotalDoesNotGiveItAway() {
        SmallCellRule five = new SmallCellRule(5);
        List<LoopFigures.Row> groups = new ArrayList<>();
        groups.add(LoopFigures.row("A", people("a", 2), NOW, five));
        groups.add(LoopFigures.row("B", people("b", 6), NOW, five));
        groups.add(LoopFigures.row("C", people("c", 20), NOW, five));
        List<LoopFigures.Row> rows = LoopFigures.complementary(groups, 5);
        assertThat(rows.get(0).followedUpInTime().hidden()).isTrue();
        assertThat(rows.get(1).followedUpInTime().hidden()).as("the smallest other group").isTrue();
        assertThat(rows.get(2).followedUpInTime().hidden()).isFalse();
        assertThat(rows.get(2).followedUpInTime().n()).isEqualTo(20);
        // Two hidden groups already protect each other: nothing more is hidden.
        groups.add(LoopFigures.row("D", people("d", 3), NOW, five));
        List<LoopFigures.Row> two = LoopFigures.complementary(groups, 5);
        assertThat(two.get(1).followedUpInTime().hidden()).isFalse();
        assertThat(two.get(3).followedUpInTime().hidden()).isTrue();
    }

    private static List<LoopFigures.CaseFacts> people(String prefix, int count) {
        List<LoopFigures.CaseFacts> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(facts(prefix + i, prefix, "complaint", 2.0, true, false, true, true));
        }
        return cases;
    }
}
