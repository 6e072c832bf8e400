package nl.buitenin.signals.internal.listenin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.RequestValues;

/** A listen-in entry as typed on the page or sent to the API: every wrong field is named at once. */
public record ListenInForm(@Nullable String day, @Nullable String kind, @Nullable String hours, @Nullable String note) {

    public static final int NOTE_LENGTH = 500;
    public static final double MAXIMUM_HOURS = 24;

    /** The checked values. */
    public record Checked(LocalDate day, ListenInKind kind, double hours, @Nullable String note) {
    }

    /** Checks the form against today (no day in the future, none before 2000). */
    public Checked check(LocalDate today) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        LocalDate date = RequestValues.collecting(errors, () -> RequestValues.require(
                RequestValues.date("day", day, "signals.invalid.listenIn.day"), "day", "signals.invalid.listenIn.dayMissing"));
        if (date != null && (date.isAfter(today) || date.getYear() < 2000)) {
            errors.add(InvalidInputException.FieldError.of("day", "signals.invalid.listenIn.dayRange", date.toString()));
        }
        ListenInKind chosen = RequestValues.collecting(errors,
                () -> RequestValues.requiredChoice("kind", kind, ListenInKind.class, "signals.invalid.listenIn.kind"));
        Double h = RequestValues.collecting(errors, () -> RequestValues.require(
                RequestValues.decimal("hours", hours, "signals.invalid.listenIn.hours"), "hours", "signals.invalid.listenIn.hours", ""));
        if (h != null && (h.isNaN() || h <= 0 || h > MAXIMUM_HOURS)) {
            errors.add(InvalidInputException.FieldError.of("hours", "signals.invalid.listenIn.hoursRange", hours));
        }
        String text = RequestValues.given(note);
        if (text != null && text.length() > NOTE_LENGTH) {
            errors.add(InvalidInputException.FieldError.of("note", "signals.invalid.listenIn.note", NOTE_LENGTH));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Checked(date, chosen, h, text);
    }
}
