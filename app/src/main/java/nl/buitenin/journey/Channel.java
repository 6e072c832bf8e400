package nl.buitenin.journey;

import java.util.Locale;

/** The ways a person meets the organisation. */
public enum Channel {
    LOCATION,
    WEB,
    APP,
    PHONE,
    EMAIL,
    SOCIAL,
    CHAT,
    HOME_VISIT;

    public String messageKey() {
        return "channel." + name().toLowerCase(Locale.ROOT);
    }
}
