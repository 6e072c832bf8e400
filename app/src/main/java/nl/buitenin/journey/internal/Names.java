package nl.buitenin.journey.internal;

import java.util.ArrayList;
import java.util.List;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/** A name in Dutch and in English, each 1 to 200 characters; every page shows one of the two. */
public record Names(String nl, String en) {

    static final int MAX = 200;

    public Names {
        List<FieldError> errors = new ArrayList<>();
        check("nameNl", nl, errors);
        check("nameEn", en, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        nl = nl.strip();
        en = en.strip();
    }

    private static void check(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank() || value.strip().length() > MAX) {
            errors.add(FieldError.of(field, "journey.invalid.name", MAX));
        }
    }
}
