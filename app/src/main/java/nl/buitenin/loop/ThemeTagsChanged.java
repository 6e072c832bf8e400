package nl.buitenin.loop;

import java.util.List;
import java.util.Objects;

/**
 * A person changed what the theme tags say about some texts: tagged a theme by hand, confirmed or rejected a
 * suggestion, or removed a tag. Published once per change (not for the suggester's own suggestions, and not for the
 * demo's back-dated history), so that a model that learns from the tags knows it is out of date; the tags themselves
 * are read through {@link ThemeTagging#allTags}.
 */
public record ThemeTagsChanged(List<TagSubject> subjects) {

    public ThemeTagsChanged {
        subjects = List.copyOf(Objects.requireNonNull(subjects, "subjects"));
    }

    public static ThemeTagsChanged on(TagSubject subject) {
        return new ThemeTagsChanged(List.of(subject));
    }
}
