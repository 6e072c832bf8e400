package nl.buitenin.loop.internal;

import java.util.Locale;

/** The life cycle of a case: new → contacted → resolved → closed; a resolved or closed case may be reopened. */
public enum CaseStatus {
    NEW, CONTACTED, RESOLVED, CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }

    public String messageKey() {
        return "loop.status." + name().toLowerCase(Locale.ROOT);
    }
}
