package nl.buitenin.loop;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/** What other modules may ask of the cases: open one for something a person said, and whether one is open. */
public interface Cases {

    /**
     * Opens a case for the source, or returns the case it already opened: the same source never opens two.
     * The deadline follows from the type's SLA in working days in the organisation's time zone.
     *
     * @param person     may be null for an anonymous complaint
     * @param touchpoint may be null when unknown
     * @param summary    what the person said; personal data, scrubbed on erasure
     */
    CaseId openFor(CaseSource source, CaseType type, @Nullable PersonKey person, @Nullable TouchpointId touchpoint,
            String summary);

    /** Whether the person has a case that is not closed, so that the contact policy can hold back a survey. */
    boolean hasOpenCase(PersonKey person);

    /**
     * What the person said when the case was opened (its summary, as scrubbed on erasure); empty for an unknown case.
     * Personal data: a reader checks the purpose with {@code privacy.PurposeGuard} first when the case has a person.
     */
    Optional<String> summary(CaseId caseId);
}
