package nl.buitenin.loop;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import nl.buitenin.loop.ThemeTagging.Tagger;

/**
 * A theme tag as a learner sees it: on what, which theme, who or what tagged it ({@code kind}, {@code taggedBy},
 * when), the suggester's {@code confidence} (null for a person's tag or a suggester that gave none), and its
 * {@code state}. {@code decidedBy}/{@code decidedAt} say who confirmed or rejected a suggestion and when (null
 * while it waits, and for a person's own tag).
 */
public record ThemeTag(TagSubject subject, ThemeId theme, Tagger kind, String taggedBy, @Nullable Double confidence,
        State state, Instant taggedAt, @Nullable String decidedBy, @Nullable Instant decidedAt) {

    /**
     * SUGGESTED: an automatic tag nobody has reviewed. CONFIRMED: a person's tag, or a suggestion an analyst
     * accepted. REJECTED: an analyst said the theme is wrong; the tag is gone, the rejection is remembered.
     */
    public enum State { SUGGESTED, CONFIRMED, REJECTED }
}
