package nl.buitenin.platform;

/** The groups of the main menu, in the order shown; each has a name in both languages ({@link #messageKey()}). */
public enum MenuGroup {
    /** Journeys, surveys, the journey map, the contact policy: hearing what people say. */
    LISTEN,
    /** Cases, themes, comments, improvement actions, figures: acting on it. */
    IMPROVE,
    /** Demand and staffing. */
    PLAN,
    /** Persons, purposes, requests, retention. */
    PRIVACY,
    /** Users, API keys, the organisation's settings. */
    ADMIN;

    public String messageKey() {
        return "nav.group." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
