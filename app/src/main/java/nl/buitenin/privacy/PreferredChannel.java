package nl.buitenin.privacy;

/** How a person prefers to be reached, if at all. */
public enum PreferredChannel {
    EMAIL,
    SMS,
    PHONE,
    /** The person does not want to be contacted on any channel. */
    NONE
}
