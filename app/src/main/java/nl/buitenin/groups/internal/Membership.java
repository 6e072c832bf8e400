package nl.buitenin.groups.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.groups.GroupId;
import nl.buitenin.privacy.PersonKey;

/**
 * A person in a group from {@code from} up to (not including) {@code to}; open (still a member) when {@code to} is null.
 *
 * @param origin   how the membership came about
 * @param sourceId the sender's id of the row it came from (API or CSV), null for one a rule made
 */
public record Membership(UUID id, GroupId group, PersonKey person, Instant from, @Nullable Instant to, Origin origin,
        @Nullable String sourceId) {

    public enum Origin {
        /** Sent through the API or a CSV file: the person's own choice for a group they choose, else the organisation's. */
        GIVEN,
        /** Made by the group's rule from the person's attributes. */
        RULE,
        /** Chosen by the person themselves, on the answer page or their own page. */
        CHOSEN,
        /** In a segment the segment finder proposed and an analyst adopted. */
        FOUND
    }

    /** Whether the person was in the group at that moment. */
    public boolean covers(Instant at) {
        return !at.isBefore(from) && (to == null || at.isBefore(to));
    }
}
