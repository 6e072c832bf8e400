package nl.buitenin.readings.internal;

import java.util.Locale;

/** Where a pilot stands, from its dates and today: the result is read only when it is finished (a fixed horizon). */
public enum PilotState {
    PLANNED,
    RUNNING,
    FINISHED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "readings.pilot.state." + code();
    }
}
