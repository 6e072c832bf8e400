package nl.buitenin.privacy;

import java.time.Instant;

/**
 * Reading staff references per staff member: who served the person in an interaction or a response (a pseudonym such as
 * {@code mw-014}) is personal data of staff, read per staff member (grouping scores by who served, showing a staff
 * member to their team lead) only under the purpose {@link PurposeId#SERVICE_QUALITY_STAFF}. Figures per team need no
 * such read. In the Netherlands such staff monitoring needs the works council's consent (WOR art. 27): the organisation
 * registers the purpose once that consent is there, and retires it when it ends.
 * <p>
 * A computation asks {@link #check} once before it groups by staff member (not once per row): the read is logged in the
 * access log with what was computed, and the answer is the earliest moment whose staff references may be read.
 */
public interface StaffReads {

    /** Whether staff references may be read per staff member now (the purpose is registered and not retired); not logged. */
    boolean mayRead();

    /**
     * Allows and logs one computation that reads staff references per staff member, or refuses it (also logged).
     *
     * @param what what is computed, for the access log (such as "score gaming per staff member, team Klantenservice")
     * @return the earliest moment whose staff references may be read: data recorded before it is past the purpose's retention
     * @throws PurposeRefusedException when the purpose is not registered or retired
     */
    Instant check(String what);

    /**
     * As {@link #check(String)} for another registered purpose under which staff data is read per staff member, such as
     * planning guides ({@code guide-planning}): allowed and logged while the purpose is registered and not retired.
     *
     * @return the earliest moment whose data may be read under that purpose
     * @throws PurposeRefusedException when the purpose is not registered or retired
     */
    Instant check(PurposeId purpose, String what);

    /** Whether staff data may be read under the purpose now; not logged. */
    boolean mayRead(PurposeId purpose);
}
