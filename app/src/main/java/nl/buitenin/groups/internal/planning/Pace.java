package nl.buitenin.groups.internal.planning;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The pace a guide likes to walk at, or a group walks at on a trip. */
public enum Pace {
    BRISK,
    RELAXED;

    /** Reads "brisk"/"stevig" or "relaxed"/"rustig" in any case; empty when the text is none of them. */
    public static Optional<Pace> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "brisk", "stevig" -> Optional.of(BRISK);
            case "relaxed", "rustig" -> Optional.of(RELAXED);
            default -> Optional.empty();
        };
    }

    public String messageKey() {
        return "groups.planning.pace." + name().toLowerCase(Locale.ROOT);
    }
}
