package nl.buitenin.organisation;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * The organisation's settings. Intervals of demand and days of scores are counted in its time zone.
 */
public record Organisation(String name, PersonWord personWord, String defaultLanguage, ZoneId timeZone) {

    public Organisation {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("name", "must be 1 to 200 characters"));
        }
        if (personWord == null) {
            errors.add(new FieldError("personWord", "choose one of " + List.of(PersonWord.values())));
        }
        if (!Objects.equals(defaultLanguage, "nl") && !Objects.equals(defaultLanguage, "en")) {
            errors.add(new FieldError("defaultLanguage", "must be nl or en"));
        }
        if (timeZone == null) {
            errors.add(new FieldError("timeZone", "must be a time zone such as Europe/Amsterdam"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        name = name.trim();
    }

    /** Parses a time zone name, naming the field when it is not one. */
    public static ZoneId zone(String name) {
        try {
            return ZoneId.of(name == null ? "" : name.trim());
        } catch (RuntimeException e) {
            throw new InvalidInputException("timeZone", "'" + name + "' is not a time zone; use a name such as Europe/Amsterdam");
        }
    }

    public static PersonWord personWord(String name) {
        try {
            return PersonWord.valueOf(name == null ? "" : name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("personWord", "choose one of " + List.of(PersonWord.values()));
        }
    }
}
