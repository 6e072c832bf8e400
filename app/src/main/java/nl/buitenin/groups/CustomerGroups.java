package nl.buitenin.groups;

import java.time.Instant;
import java.util.Set;

import nl.buitenin.privacy.PersonKey;

/**
 * The groups a person belonged to at a moment, for modules that compare groups (before and after a split, costs
 * against gains). Memberships are personal data held for {@link #PURPOSE}: a caller reads them under that purpose.
 */
public interface CustomerGroups {

    /** The purpose of the processing register that memberships and attributes are held for. */
    nl.buitenin.privacy.PurposeId PURPOSE = new nl.buitenin.privacy.PurposeId("customer-groups");

    /** The groups the person was a member of at {@code at} (from inclusive, to exclusive). */
    Set<GroupId> of(PersonKey person, Instant at);
}
