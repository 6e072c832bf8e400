package nl.buitenin.assumptions;

import java.util.Locale;

/** What the data says of an assumption, never more than its 95 % interval supports. */
public enum Verdict {
    /** The whole interval lies on the side the assumption expects. */
    CONFIRMED,
    /** The whole interval lies on the other side. */
    REFUTED,
    /** No test chosen, no data, too few answers, or the interval still includes both sides. */
    NOT_YET_TESTABLE;

    public String messageKey() {
        return "assumptions.verdict." + name().toLowerCase(Locale.ROOT);
    }
}
