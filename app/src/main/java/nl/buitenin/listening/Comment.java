package nl.buitenin.listening;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * A free-text answer of a completed response. The text is personal data: a reader checks the purpose
 * with {@code privacy.PurposeGuard} before showing it.
 *
 * @param person     who answered; null for an anonymous response
 * @param touchpoint the touchpoint the survey was about; null when unknown
 * @param at         when the response was completed
 */
public record Comment(UUID response, @Nullable PersonKey person, @Nullable TouchpointId touchpoint, Instant at, String questionKey, String text) {
}
