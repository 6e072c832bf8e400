package nl.buitenin.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The figures of a hand-made set of cases, counted by hand. */
class LoopFiguresTest {

    static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant DEADLINE = Instant.parse("2026-03-04T23:00:00Z");
    static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");

    static LoopFigures.CaseFacts facts(String type, Double hoursToContact, boolean resolved, boolean reopened,
            boolean eligible, boolean told) {
        Instant contact = hoursToContact == null ? null : OPENED.plusSeconds((long) (hoursToContact * 3600));
        return new LoopFigures.CaseFacts("Klantenservice", null, YearMonth.of(2026, 3), type, OPENED, DEADLINE, contact,
                resolved, reopened, true, eligible, told);
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
}
