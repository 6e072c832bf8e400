package nl.buitenin.privacy;

import java.time.Instant;

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
     * Allows and logs one read, for the purpose, of personal data that is not keyed by a person's key — pseudonymous
     * staff references, read once per computation over many of them — or refuses it.
     *
     * @throws PurposeRefusedException when the purpose is unknown or retired, or processes no personal data
     */
    void checkUnkeyed(PurposeId purpose, String what);

    /** Whether the purpose allows using the person's data at all ("may we invite?"); not logged as a read. */
    boolean mayUse(PurposeId purpose, PersonKey person);
}
