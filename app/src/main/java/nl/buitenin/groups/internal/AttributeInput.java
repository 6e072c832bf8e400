package nl.buitenin.groups.internal;

import org.jspecify.annotations.Nullable;

/**
 * One attribute of a person as another system sends it (API item or CSV row).
 *
 * @param sourceId the sender's id of this row, so that sending it again changes nothing
 * @param person   the person's key
 * @param name     the attribute: a lower-case letter, then letters, digits or _ (pace, age_band, trips)
 * @param value    its value from {@code at} on, at most 100 characters
 * @param at       from when it holds, ISO-8601 with offset
 */
public record AttributeInput(@Nullable String sourceId, @Nullable String person, @Nullable String name, @Nullable String value,
        @Nullable String at) {
}
