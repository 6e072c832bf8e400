package nl.buitenin.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import nl.buitenin.privacy.PersonKey;

/** Reads recorded interactions. Days are days in the organisation's time zone, both ends included. */
public interface Interactions {

    /**
     * One interaction of a person without its reason or staff: where, what and when (customer groups derive attributes
     * such as "purchases in the last 12 months" from these).
     */
    record Occurred(String sourceId, TouchpointId touchpoint, InteractionKind kind, Instant at) {
    }

    /**
     * Every interaction of the person, oldest first (ties by source id). Personal data: the caller reads it under a
     * purpose it has checked.
     */
    List<Occurred> historyOf(PersonKey person);

    /**
     * {@link #historyOf} for many people at once (a few statements, not one per person): each person's history in the
     * same order, an empty list for a person without interactions. Personal data, as {@link #historyOf}.
     */
    Map<PersonKey, List<Occurred>> historiesOf(Collection<PersonKey> persons);

    /**
     * {@link #historiesOf}, each history from {@code since} (included) on: on PostgreSQL the months before it are not
     * read at all (their partitions are pruned). Personal data, as {@link #historyOf}.
     */
    Map<PersonKey, List<Occurred>> historiesOf(Collection<PersonKey> persons, Instant since);

    /** When the person had contact at any touchpoint since the given moment, newest first. */
    List<Instant> recentContacts(PersonKey person, Instant since);

    /**
     * The person's contacts with a reason from {@code since} (included) to {@code until} (excluded), oldest first. The
     * reasons are personal data: the caller reads them under a purpose it has checked.
     */
    List<ReasonedContact> reasonsOf(PersonKey person, Instant since, Instant until);

    /**
     * Every contact with a reason from {@code since} (included) to {@code until} (excluded), oldest first, for reading
     * a history that came in without events (the demo's). Personal data: read under a purpose the caller checks.
     */
    List<ReasonedContact> withReasons(Instant since, Instant until);

    /**
     * The contacts with these source ids that still have a reason (a few hundred at most per call), in no particular order;
     * an unknown id, or a contact whose reason is gone (retention), is absent. Personal data: read under a purpose the
     * caller checks.
     */
    List<ReasonedContact> withReasons(Collection<String> sourceIds);

    /**
     * When each of the given interactions (by source id) happened; unknown ids are absent. Lets a reader place an answer
     * against the contact it is about (how soon after the contact it was given).
     */
    Map<String, Instant> occurredAt(Collection<String> sourceIds);

    /** When a known person had an interaction (no touchpoint, kind or reason): what counting volumes per person needs. */
    record Moment(PersonKey person, Instant at) {
    }

    /**
     * Every known person with at least one interaction, in the order of their keys: for evaluating a rule over what the
     * interactions say for everybody they say it of (a rule created or changed). Personal data: the caller reads them
     * under a purpose it has checked.
     */
    List<PersonKey> persons();

    /**
     * The interactions of known persons from {@code since} (included) to {@code until} (excluded), oldest first, for
     * counting volumes per group of people. Personal data: the caller reads them under a purpose it has checked.
     */
    List<Moment> momentsOfPersons(Instant since, Instant until);

    /**
     * The purchases (kind {@link InteractionKind#PURCHASE}) of known persons from {@code since} (included) to
     * {@code until} (excluded), oldest first, for counting repeat purchase per group of people. Personal data: the caller
     * reads them under a purpose it has checked.
     */
    List<Moment> purchasesOfPersons(Instant since, Instant until);

    /**
     * The contacts (kind {@link InteractionKind#CONTACT}) of known persons on one channel from {@code since} (included) to
     * {@code until} (excluded), oldest first, for the contact demand of a group of people (the agents its phone calls
     * need). Personal data: the caller reads them under a purpose it has checked.
     */
    List<Moment> contactsOfPersons(Instant since, Instant until, Channel channel);

    /** Interactions per touchpoint over a period; touchpoints without any are absent. */
    Map<TouchpointId, Long> volumes(LocalDate from, LocalDate to);

    /** Interactions per touchpoint per day over a period, for the given touchpoints; days without any are absent. */
    List<DailyVolume> dailyVolumes(Collection<TouchpointId> touchpoints, LocalDate from, LocalDate to);
}
