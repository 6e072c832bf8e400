package nl.buitenin.signals.internal.missed;

import java.util.Locale;

/** Why what was asked for could not be offered. */
public enum MissedReason {
    NOT_IN_RANGE, SOLD_OUT, TOO_EXPENSIVE, NOT_POSSIBLE, OTHER;

    public String messageKey() {
        return "signals.missed.reason." + name().toLowerCase(Locale.ROOT);
    }
}
