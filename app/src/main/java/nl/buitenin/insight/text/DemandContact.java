package nl.buitenin.insight.text;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One contact to classify: its reason as written (free text or a code) and when it happened.
 *
 * @param reason the contact reason
 * @param at     when the contact happened; null when unknown (then only the order of a person's contacts counts,
 *               and every earlier one counts as within the window)
 */
public record DemandContact(String reason, @Nullable Instant at) {

    public DemandContact {
        Objects.requireNonNull(reason, "reason");
    }

    /** A contact whose time is not known. */
    public static DemandContact of(String reason) {
        return new DemandContact(reason, null);
    }
}
