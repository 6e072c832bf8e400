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
    TOO_LONG_AFTER_CONTACT,
    /** No consent for the purpose "offers" (offers). */
    NO_OFFER_CONSENT,
    /** The person's interest in the topic is below the threshold, or there is none (offers). */
    NO_INTEREST,
    /** The person already bought what the topic is about, or removed the interest (offers). */
    INTEREST_CLOSED,
    /** An offer on this topic was sent within the topic's period already (offers). */
    TOPIC_CAP,
    /** A survey invitation went out recently; no offer right behind it (offers). */
    RECENT_SURVEY,
    /** The shared contact budget of this week is used up (every kind together). */
    BUDGET_WEEK,
    /** The shared contact budget of this month is used up (every kind together). */
    BUDGET_MONTH,
    /** The shared contact budget of this quarter is used up (every kind together). */
    BUDGET_QUARTER,
    /** This kind's own share of the budget (per week, month or quarter) is used up. */
    KIND_BUDGET
}
