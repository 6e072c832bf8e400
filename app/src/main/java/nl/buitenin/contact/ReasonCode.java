package nl.buitenin.contact;

/** Why a person may not be asked now; every rule that objects adds its code. */
public enum ReasonCode {
    NO_CONSENT,
    DO_NOT_ASK,
    CHANNEL_NOT_PREFERRED,
    NOT_SAMPLED,
    RECONTACT_WINDOW,
    QUARTER_CAP,
    YEAR_CAP,
    QUIET_HOURS,
    QUIET_DAY,
    REMINDER_NOT_WANTED,
    OPEN_CASE,
    RECENT_OPERATIONAL_CONTACT,
    /** The person chose not to be contacted on any channel (told-back messages). */
    DO_NOT_CONTACT,
    /** The person is no longer known: they were erased (told-back messages). */
    PERSON_UNKNOWN,
    /**
     * An invitation held back by quiet time whose next allowed moment is more than the policy's maximum delay after the
     * contact it is about: the answer would no longer be about a recent contact.
     */
    TOO_LONG_AFTER_CONTACT
}
