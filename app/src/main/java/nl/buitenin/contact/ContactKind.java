package nl.buitenin.contact;

/** What was (or would be) sent: a first invitation, or a reminder of one. Both count against the caps. */
public enum ContactKind {
    INVITATION,
    REMINDER
}
