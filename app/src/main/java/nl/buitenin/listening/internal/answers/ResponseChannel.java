package nl.buitenin.listening.internal.answers;

/** How a response came in. */
public enum ResponseChannel {
    /** An invitation by e-mail with a personal link. */
    EMAIL,
    /** A link shown in a page of the organisation's own site or app. */
    WIDGET,
    /** Imported from another survey tool. */
    IMPORT,
    /** Written down by staff: a phone or field note, a focus group. */
    NOTE
}
