package nl.buitenin.demand.web;

import java.util.ArrayList;
import java.util.List;

import nl.buitenin.demand.internal.erlang.ServiceTarget;
import nl.buitenin.demand.internal.erlang.StaffingGoal;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RequestValues;

/**
 * The staffing goal as typed in the form or the query string: percentages as numbers (80, 85), times in
 * seconds. Empty optional fields mean "no limit" / "nobody hangs up".
 */
record StaffingForm(String target, String aht, String patience, String maxAsa, String maxOccupancy, String shrinkage) {

    static StaffingForm defaults() {
        return new StaffingForm("80/20", "", "", "", "85", "30");
    }

    StaffingForm {
        target = blankTo(target, "80/20");
        maxOccupancy = blankTo(maxOccupancy, "100");
        shrinkage = blankTo(shrinkage, "0");
    }

    StaffingGoal goal() {
        List<FieldError> errors = new ArrayList<>();
        ServiceTarget serviceTarget = null;
        try {
            serviceTarget = ServiceTarget.parse(target);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        Double asa = seconds("maxAsa", maxAsa, errors);
        Double patienceSeconds = seconds("patience", patience, errors);
        Double occupancy = percent("maxOccupancy", maxOccupancy, errors);
        Double shrink = percent("shrinkage", shrinkage, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new StaffingGoal(serviceTarget, asa, occupancy, shrink, patienceSeconds);
    }

    Double ahtSeconds() {
        List<FieldError> errors = new ArrayList<>();
        Double value = seconds("aht", aht, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return value;
    }

    private static Double seconds(String field, String text, List<FieldError> errors) {
        Double value = RequestValues.collecting(errors, () -> RequestValues.decimal(field, text, "demand.invalid.seconds"));
        if (value != null && (!(value > 0) || Double.isInfinite(value))) {
            errors.add(FieldError.of(field, "demand.invalid.positiveSeconds"));
            return null;
        }
        return value;
    }

    private static Double percent(String field, String text, List<FieldError> errors) {
        try {
            return Double.parseDouble(text.trim().replace(',', '.').replace("%", "")) / 100;
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "demand.invalid.percentage", text));
            return 0.0;
        }
    }

    private static String blankTo(String value, String fallback) {
        String given = RequestValues.given(value);
        return given == null ? fallback : given;
    }
}
