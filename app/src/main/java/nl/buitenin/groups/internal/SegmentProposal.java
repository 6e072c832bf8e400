package nl.buitenin.groups.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.groups.GroupId;

/**
 * A segment the segment finder proposed: its size, a name an analyst may change, what sets it apart (most first), and
 * the search it came from (k segments chosen by the mean silhouette among the people read).
 */
public record SegmentProposal(UUID id, UUID run, int position, long size, String nameNl, String nameEn, State state,
        @Nullable GroupId group, int k, double silhouette, long people, Instant createdAt, List<Trait> traits) {

    public enum State { PROPOSED, ADOPTED, DISMISSED }

    /**
     * One thing that sets the segment apart: a score (mean inside and outside), a theme (share of the people who raised
     * it, 0–1), a numeric attribute (mean) or an attribute's value (share with that value, 0–1).
     */
    public record Trait(Kind kind, String labelNl, String labelEn, @Nullable String value, double inside, double outside) {

        public enum Kind { SCORE, THEME, NUMBER, VALUE }

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? labelEn : labelNl;
        }
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameNl;
    }
}
