package nl.buitenin.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Purpose limitation for modules that read personal data about a person themselves, such as free-text
 * comments or case notes. Every read names a registered purpose and is logged.
 */
public interface PurposeGuard {

    /**
     * Allows and logs a read of {@code what} about the person for the purpose, or refuses it.
     *
     * @throws PurposeRefusedException when the purpose is unknown or retired, processes no personal data,
     *                                 the person's data is past the purpose's retention, or the purpose
     *                                 rests on consent the person has not given
     */
    void check(PurposeId purpose, PersonKey person, String what);

    /**
     * As {@link #check(PurposeId, PersonKey, String)}, for data recorded at a known moment: refused
     * when that moment is past the purpose's retention.
     */
    void check(PurposeId purpose, PersonKey person, String what, Instant recordedAt);

    /**
     * As {@link #check(PurposeId, PersonKey, String, Instant)} for many people at once (each with the moment their data
     * was recorded), in one transaction: each person is decided by the same rules, and each read or refusal is logged
     * as that method logs it. Returns the people whose data may be read; nobody is refused by an exception.
     */
    Set<PersonKey> allowed(PurposeId purpose, Map<PersonKey, Instant> recordedAt, String what);

    /** Whether the purpose allows using the person's data at all ("may we invite?"); not logged as a read. */
    boolean mayUse(PurposeId purpose, PersonKey person);
}
