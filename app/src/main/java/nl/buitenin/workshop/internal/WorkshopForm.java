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
 * commas), whether it is anonymous, and optionally the user names of colleagues invited to join without the code. {@link #check} names every wrong field at once.
 */
public record WorkshopForm(@Nullable String journey, @Nullable String title, @Nullable String day, @Nullable String departments,
        boolean anonymous, @Nullable String invited) {

    static final int MAX_DEPARTMENTS = 20;

    record Checked(JourneyId journey, String title, LocalDate day, List<String> departments, boolean anonymous, List<String> invited) {
    }

    Checked check(java.util.function.Predicate<String> known) {
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
        List<String> checkedInvited = RequestValues.collecting(errors, () -> invited(invited, known));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Checked(journeyId, checkedTitle, checkedDay, checkedDepartments, anonymous, checkedInvited);
    }

    /** The invited user names, each once; one that is not a user is refused by name. */
    static List<String> invited(@Nullable String raw, java.util.function.Predicate<String> known) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : (raw == null ? "" : raw).split("[\\s,;]+")) {
            if (part.isBlank()) {
                continue;
            }
            if (!known.test(part)) {
                throw InvalidInputException.of("invited", "workshop.invalid.invitee", part.length() > 40 ? part.substring(0, 40) + "…" : part);
            }
            names.add(part);
        }
        return List.copyOf(names);
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
