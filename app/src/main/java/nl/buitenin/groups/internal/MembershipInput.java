package nl.buitenin.groups.internal;

import org.jspecify.annotations.Nullable;

/**
 * One membership as another system sends it (API item or CSV row).
 *
 * @param sourceId the sender's id of this row, so that sending it again changes nothing
 * @param person   the person's key
 * @param group    the group's id
 * @param from     when the person joined, ISO-8601 with offset; absent to end a membership at {@code to}
 * @param to       when the membership ended (optional)
 */
public record MembershipInput(@Nullable String sourceId, @Nullable String person, @Nullable String group, @Nullable String from,
        @Nullable String to) {
}
