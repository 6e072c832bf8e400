package nl.buitenin.assumptions.internal;

import java.util.Locale;

/** Why a verdict is what it is; each has a sentence in both languages. */
public enum Why {
    /** Confirmed or refuted: the interval lies wholly on one side. */
    INTERVAL,
    /** No test chosen yet. */
    NO_TEST,
    /** No answers, comments or contacts in the period. */
    NO_DATA,
    /** Fewer than the small-cell rule's k: no figure is shown, so none is judged. */
    TOO_FEW,
    /** The interval still includes both the expected and the other side. */
    UNDECIDED,
    /** The pilot has not ended: its result is read only at the end. */
    PILOT_RUNNING;

    public String messageKey() {
        return "assumptions.why." + name().toLowerCase(Locale.ROOT);
    }
}
