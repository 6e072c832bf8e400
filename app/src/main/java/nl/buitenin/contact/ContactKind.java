package nl.buitenin.contact;

/**
 * What was (or would be) sent: a first invitation, or a reminder of one (both count against the caps),
 * or a "you said, we did" message telling a person what was done with what they raised. The last is a
 * promised reply, not a question: it is not held back by the survey caps or the recontact window, but
 * once sent it counts as a recent contact, so no invitation follows it within the operational-contact days.
 */
public enum ContactKind {
    INVITATION,
    REMINDER,
    TOLD_BACK,
    /**
     * An offer on a topic the person showed interest in (a destination, a product), asked for by a marketing or CRM
     * system. It needs consent for the purpose "offers" and a live interest, and it shares the contact budget with
     * the other kinds; the survey caps do not count it.
     */
    OFFER
}
