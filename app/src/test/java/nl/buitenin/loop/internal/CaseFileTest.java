package nl.buitenin.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;

class CaseFileTest {

    static final Instant OPENED = Instant.parse("2026-03-09T09:00:00Z");
    static final Instant DEADLINE = Instant.parse("2026-03-11T23:00:00Z");

    static CaseFile newComplaint() {
        return CaseFile.open(CaseSource.complaint("c-1"), CaseType.COMPLAINT, null, null, null, "Klantenservice", null,
                "De groep liep te snel", OPENED, DEADLINE);
    }

    @Test
    void goesFromNewThroughContactedAndResolvedToClosed() {
        CaseFile c = newComplaint();
        c.callBack(CallbackOutcome.NOT_REACHED, OPENED.plusSeconds(3600));
        assertThat(c.status()).isEqualTo(CaseStatus.NEW);
        c.callBack(CallbackOutcome.REACHED, OPENED.plusSeconds(7200));
        assertThat(c.status()).isEqualTo(CaseStatus.CONTACTED);
        assertThat(c.firstContactAt()).isEqualTo(OPENED.plusSeconds(7200));
        c.resolve("Tegoedbon", OPENED.plusSeconds(9000));
        c.close(OPENED.plusSeconds(10000));
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.followedUpInTime()).isTrue();
    }

    @Test
    void refusesToCloseACaseThatIsNotResolved() {
        CaseFile c = newComplaint();
        assertThatThrownBy(() -> c.close(OPENED)).isInstanceOf(ConflictException.class).hasMessageContaining("close");
    }

    @Test
    void refusesACallBackOnAResolvedCaseUntilItIsReopened() {
        CaseFile c = newComplaint();
        c.resolve("Uitgelegd", OPENED.plusSeconds(60));
        assertThatThrownBy(() -> c.callBack(CallbackOutcome.REACHED, OPENED.plusSeconds(120)))
                .isInstanceOf(ConflictException.class);
        c.reopen(OPENED.plusSeconds(180));
        assertThat(c.status()).isEqualTo(CaseStatus.NEW);
        assertThat(c.reopenCount()).isEqualTo(1);
        c.callBack(CallbackOutcome.REACHED, OPENED.plusSeconds(240));
        assertThat(c.status()).isEqualTo(CaseStatus.CONTACTED);
    }

    @Test
    void refusesToReopenAnOpenCase() {
        assertThatThrownBy(() -> newComplaint().reopen(OPENED)).isInstanceOf(ConflictException.class);
    }

    @Test
    void resolvingNeedsAnOutcome() {
        assertThatThrownBy(() -> newComplaint().resolve(" ", OPENED)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("outcome");
    }

    @Test
    void escalatesOnlyWhenOverdueAndOnlyOnce() {
        CaseFile c = newComplaint();
        assertThatThrownBy(() -> c.escalateTo(null, DEADLINE.minusSeconds(1))).isInstanceOf(ConflictException.class);
        c.escalateTo(null, DEADLINE.plusSeconds(1));
        assertThat(c.escalatedAt()).isEqualTo(DEADLINE.plusSeconds(1));
        assertThatThrownBy(() -> c.escalateTo(null, DEADLINE.plusSeconds(2))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aContactAfterTheDeadlineIsNotInTime() {
        CaseFile c = newComplaint();
        c.callBack(CallbackOutcome.REACHED, DEADLINE.plusSeconds(1));
        assertThat(c.followedUpInTime()).isFalse();
    }

    /** The page shows a step only when the case would accept it: what it says it can do is what it does. */
    @Test
    void tellsWhichStepsItAcceptsInEveryStatus() {
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(accepts(status, c -> c.resolve("Uitgelegd", OPENED))).as("work on " + status).isEqualTo(inStatus(status).canWork());
            assertThat(accepts(status, c -> c.callBack(CallbackOutcome.REACHED, OPENED))).as("call back on " + status)
                    .isEqualTo(inStatus(status).canWork());
            assertThat(accepts(status, c -> c.close(OPENED))).as("close " + status).isEqualTo(inStatus(status).canClose());
            assertThat(accepts(status, c -> c.reopen(OPENED))).as("reopen " + status).isEqualTo(inStatus(status).canReopen());
        }
        assertThat(java.util.Arrays.stream(CaseStatus.values()).filter(s -> inStatus(s).canWork()))
                .containsExactly(CaseStatus.NEW, CaseStatus.CONTACTED);
        assertThat(java.util.Arrays.stream(CaseStatus.values()).filter(s -> inStatus(s).canClose())).containsExactly(CaseStatus.RESOLVED);
        assertThat(java.util.Arrays.stream(CaseStatus.values()).filter(s -> inStatus(s).canReopen()))
                .containsExactly(CaseStatus.RESOLVED, CaseStatus.CLOSED);
    }

    private static CaseFile inStatus(CaseStatus status) {
        return new CaseFile(nl.buitenin.loop.CaseId.random(), CaseSource.complaint("c-1"), CaseType.COMPLAINT, null, null, null,
                "Klantenservice", null, status, "De groep liep te snel", OPENED, DEADLINE, null, null, null, null, 0, null, 0);
    }

    private static boolean accepts(CaseStatus status, java.util.function.Consumer<CaseFile> step) {
        try {
            step.accept(inStatus(status));
            return true;
        } catch (ConflictException refused) {
            return false;
        }
    }
}
