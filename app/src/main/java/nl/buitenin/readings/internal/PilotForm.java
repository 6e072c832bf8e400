package nl.buitenin.readings.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RequestValues;

/**
 * A pilot as sent by the form or the API, every value as text. {@link #read} checks it all at once and names every
 * wrong field: a name and what changes, a known measure, a start from today on (a pilot defined after it began
 * could be chosen to fit the data already seen), an end after the start and within a year, at least one touchpoint,
 * and a control that does not overlap the pilot.
 */
public record PilotForm(@Nullable String name, @Nullable String change, @Nullable String measure, @Nullable String startsOn,
        @Nullable String endsOn, @Nullable String control, @Nullable List<String> touchpoints,
        @Nullable List<String> controlTouchpoints) {

    static final int NAME_MAX = 200;
    static final int CHANGE_MAX = 2000;
    static final int LONGEST_DAYS = 366;

    public static PilotForm of(Pilot pilot) {
        return new PilotForm(pilot.name(), pilot.change(), pilot.measure().code(), pilot.startsOn().toString(),
                pilot.endsOn().toString(), pilot.control().code(), pilot.touchpoints().stream().map(t -> t.value().toString()).toList(),
                pilot.controlTouchpoints().stream().map(t -> t.value().toString()).toList());
    }

    /** The pilot this form defines, or every wrong field at once. */
    public Pilot read(UUID id, LocalDate today, Touchpoints known) {
        List<FieldError> errors = new ArrayList<>();
        String readName = RequestValues.collecting(errors, () -> text("name", name, NAME_MAX));
        String readChange = RequestValues.collecting(errors, () -> text("change", change, CHANGE_MAX));
        PilotMeasure readMeasure = RequestValues.collecting(errors,
                () -> RequestValues.requiredChoice("measure", measure, PilotMeasure.class, "readings.invalid.pilot.measure"));
        LocalDate start = RequestValues.collecting(errors, () -> RequestValues.require(
                RequestValues.date("startsOn", startsOn, "readings.invalid.pilot.date"), "startsOn", "readings.invalid.pilot.startsOn.missing"));
        LocalDate end = RequestValues.collecting(errors, () -> RequestValues.require(
                RequestValues.date("endsOn", endsOn, "readings.invalid.pilot.date"), "endsOn", "readings.invalid.pilot.endsOn.missing"));
        if (start != null && start.isBefore(today)) {
            errors.add(FieldError.of("startsOn", "readings.invalid.pilot.startsOn.past"));
        }
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                errors.add(FieldError.of("endsOn", "readings.invalid.pilot.endsOn.notAfterStart"));
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > LONGEST_DAYS) {
                errors.add(FieldError.of("endsOn", "readings.invalid.pilot.endsOn.tooLong", LONGEST_DAYS));
            }
        }
        PilotControl readControl = RequestValues.collecting(errors,
                () -> RequestValues.requiredChoice("control", control, PilotControl.class, "readings.invalid.pilot.control"));
        List<TouchpointId> pilotGroup = touchpoints("touchpoints", touchpoints, known, errors);
        if (pilotGroup.isEmpty() && errors.stream().noneMatch(e -> "touchpoints".equals(e.field()))) {
            errors.add(FieldError.of("touchpoints", "readings.invalid.pilot.touchpoints.missing"));
        }
        List<TouchpointId> controlGroup = List.of();
        if (readControl == PilotControl.TOUCHPOINTS) {
            controlGroup = touchpoints("controlTouchpoints", controlTouchpoints, known, errors);
            if (controlGroup.isEmpty() && errors.stream().noneMatch(e -> "controlTouchpoints".equals(e.field()))) {
                errors.add(FieldError.of("controlTouchpoints", "readings.invalid.pilot.controlTouchpoints.missing"));
            }
            Set<TouchpointId> both = new LinkedHashSet<>(controlGroup);
            both.retainAll(pilotGroup);
            if (!both.isEmpty()) {
                errors.add(FieldError.of("controlTouchpoints", "readings.invalid.pilot.controlTouchpoints.overlap",
                        known.byId(both.iterator().next()).map(t -> t.nameNl() + " / " + t.nameEn()).orElse("")));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Pilot(id, readName, readChange, readMeasure, start, end, readControl, pilotGroup, controlGroup, today);
    }

    private static String text(String field, @Nullable String raw, int max) {
        String value = RequestValues.required(field, raw, "readings.invalid.pilot." + field + ".missing");
        if (value.length() > max) {
            throw InvalidInputException.of(field, "readings.invalid.pilot." + field + ".tooLong", max);
        }
        return value;
    }

    /** The touchpoints named (each once, in the order given), every one a touchpoint in use. */
    private static List<TouchpointId> touchpoints(String field, @Nullable List<String> raw, Touchpoints known, List<FieldError> errors) {
        Set<TouchpointId> read = new LinkedHashSet<>();
        if (raw == null) {
            return List.of();
        }
        for (int i = 0; i < raw.size(); i++) {
            String item = raw.get(i);
            if (RequestValues.blank(item)) {
                continue;
            }
            String at = field + "[" + i + "]";
            TouchpointId id = RequestValues.collecting(errors, () -> RequestValues.id(at, item, TouchpointId::new,
                    "readings.invalid.pilot.touchpoint"));
            if (id == null) {
                continue;
            }
            if (known.byId(id).filter(t -> !t.archived()).isEmpty()) {
                errors.add(FieldError.of(at, "readings.invalid.pilot.touchpoint", item));
            } else {
                read.add(id);
            }
        }
        return List.copyOf(read);
    }
}
