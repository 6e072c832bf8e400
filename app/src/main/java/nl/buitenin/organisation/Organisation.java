package nl.buitenin.organisation;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * The organisation's settings. Intervals of demand and days of scores are counted in its time zone; texts a person
 * reads address them in its {@link Register} (formal "u" or informal "je").
 */
public record Organisation(String name, PersonWord personWord, String defaultLanguage, ZoneId timeZone, Register register) {

    /** Settings in the formal register, the default of a new installation. */
    public Organisation(String name, PersonWord personWord, String defaultLanguage, ZoneId timeZone) {
        this(name, personWord, defaultLanguage, timeZone, Register.FORMAL);
    }

    public Organisation {
        register = register == null ? Register.FORMAL : register;
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(FieldError.of("name", "organisation.invalid.name"));
        }
        if (personWord == null) {
            errors.add(FieldError.of("personWord", "organisation.invalid.personWord", List.of(PersonWord.values()).toString()));
        }
        if (!Objects.equals(defaultLanguage, "nl") && !Objects.equals(defaultLanguage, "en")) {
            errors.add(FieldError.of("defaultLanguage", "organisation.invalid.language"));
        }
        if (timeZone == null) {
            errors.add(FieldError.of("timeZone", "organisation.invalid.timeZone"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        name = name.trim();
    }

    /** Parses a time zone name, naming the field when it is not one. */
    public static ZoneId zone(@Nullable String name) {
        try {
            return ZoneId.of(name == null ? "" : name.trim());
        } catch (RuntimeException e) {
            throw InvalidInputException.of("timeZone", "organisation.invalid.notATimeZone", name);
        }
    }

    /** Parses a register name (FORMAL or INFORMAL, any case; blank is formal), naming the field when it is not one. */
    public static Register register(@Nullable String name) {
        try {
            return Register.of(name);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("register", "organisation.invalid.register");
        }
    }

    public static PersonWord personWord(@Nullable String name) {
        try {
            return PersonWord.valueOf(name == null ? "" : name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("personWord", "organisation.invalid.personWord", List.of(PersonWord.values()).toString());
        }
    }
}
