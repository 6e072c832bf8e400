package nl.buitenin.workshop.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.JourneyId;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RequestValues;

/**
 * A new workshop as typed: the journey, a title, the day, the departments taking part (one per line or separated by
 * commas) and whether it is anonymous. {@link #check} names every wrong field at once.
 */
public record WorkshopForm(@Nullable String journey, @Nullable String title, @Nullable String day, @Nullable String departments,
        boolean anonymous) {

    static final int MAX_DEPARTMENTS = 20;

    record Checked(JourneyId journey, String title, LocalDate day, List<String> departments, boolean anonymous) {
    }

    Checked check() {
        List<FieldError> errors = new ArrayList<>();
        JourneyId journeyId = RequestValues.collecting(errors, () -> RequestValues.require(
                RequestValues.id("journey", journey, JourneyId::new, "workshop.invalid.journey"), "journey", "workshop.invalid.journey"));
        String checkedTitle = RequestValues.collecting(errors, () -> {
            String t = RequestValues.required("title", title, "workshop.invalid.title");
            if (t.length() > 200) {
                throw InvalidInputException.of("title", "workshop.invalid.title");
            }
            return t;
        });
        LocalDate checkedDay = RequestValues.collecting(errors, () -> RequestValues.require(
                RequestValues.date("day", day, "workshop.invalid.day"), "day", "workshop.invalid.day"));
        List<String> checkedDepartments = RequestValues.collecting(errors, () -> departments(departments));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Checked(journeyId, checkedTitle, checkedDay, checkedDepartments, anonymous);
    }

    /** The departments, each once (whatever the case), in the order given. */
    static List<String> departments(@Nullable String raw) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (String line : (raw == null ? "" : raw).split("[\\n,;]")) {
            String name = line.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (name.length() > 100) {
                throw InvalidInputException.of("departments", "workshop.invalid.departmentLength", name.substring(0, 30) + "…");
            }
            if (seen.add(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw InvalidInputException.of("departments", "workshop.invalid.departments");
        }
        if (names.size() > MAX_DEPARTMENTS) {
            throw InvalidInputException.of("departments", "workshop.invalid.tooManyDepartments", MAX_DEPARTMENTS);
        }
        return names;
    }
}
