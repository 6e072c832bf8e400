package nl.buitenin.readings.internal;

import java.util.Locale;

/**
 * What a pilot is compared with. An A/B split through the contact policy's sampling (randomised, the strongest
 * design) is not offered yet: the contact policy does not assign people to groups.
 */
public enum PilotControl {
    /** Other touchpoints in the same period. */
    TOUCHPOINTS,
    /** The pilot's own touchpoints in an equally long period just before the start. */
    PERIOD_BEFORE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "readings.pilot.control." + code();
    }
}
