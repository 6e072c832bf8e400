package nl.buitenin.assumptions.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import nl.buitenin.assumptions.internal.Assumption;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.readings.PilotTrials;

/** A pilot asked for from an assumption, as text: at the assumption's touchpoint, compared with the days just before. */
final class PilotRequest {

    private PilotRequest() {
    }

    static PilotTrials.NewPilot read(Assumption assumption, @Nullable String name, @Nullable String change, @Nullable String measure,
            @Nullable String startsOn, @Nullable String endsOn) {
        List<FieldError> errors = new ArrayList<>();
        if (assumption.touchpoint() == null) {
            errors.add(FieldError.of("touchpoint", "assumptions.invalid.pilot.touchpoint"));
        }
        LocalDate start = RequestValues.collecting(errors, () -> RequestValues.require(
                RequestValues.date("startsOn", startsOn, "assumptions.invalid.date"), "startsOn", "assumptions.invalid.period.missing"));
        LocalDate end = RequestValues.collecting(errors, () -> RequestValues.require(
                RequestValues.date("endsOn", endsOn, "assumptions.invalid.date"), "endsOn", "assumptions.invalid.period.missing"));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new PilotTrials.NewPilot(name == null ? "" : name, change == null ? "" : change, measure == null ? "" : measure, start, end,
                List.of(assumption.touchpoint()), List.of());
    }
}
