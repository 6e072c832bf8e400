package nl.buitenin.loop;

import java.util.Objects;
import java.util.UUID;

/** Identifies a theme of the organisation's root-cause taxonomy, such as "wachttijd telefoon". */
public record ThemeId(UUID value) {

    public ThemeId {
        Objects.requireNonNull(value, "theme id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
