package nl.buitenin.readings.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import nl.buitenin.journey.TouchpointId;

/**
 * A pilot on part of a journey: what changes at which touchpoints from {@code startsOn} to {@code endsOn} (both
 * included, a fixed horizon), the score that measures it and the control it is compared with.
 *
 * @param controlTouchpoints the touchpoints of the control group when {@code control} is {@link PilotControl#TOUCHPOINTS};
 *        empty otherwise
 * @param createdOn the day the pilot was defined: its plan is read from the answers before that day
 */
public record Pilot(UUID id, String name, String change, PilotMeasure measure, LocalDate startsOn, LocalDate endsOn,
        PilotControl control, List<TouchpointId> touchpoints, List<TouchpointId> controlTouchpoints, LocalDate createdOn) {

    public Pilot {
        touchpoints = List.copyOf(touchpoints);
        controlTouchpoints = List.copyOf(controlTouchpoints);
    }

    /** The pilot's length in days, both ends included. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
    }

    /** The control group's first day: the start itself, or as many days before it as the pilot lasts. */
    public LocalDate controlFrom() {
        return control == PilotControl.PERIOD_BEFORE ? startsOn.minusDays(days()) : startsOn;
    }

    /** The control group's last day (included). */
    public LocalDate controlTo() {
        return control == PilotControl.PERIOD_BEFORE ? startsOn.minusDays(1) : endsOn;
    }

    /** The touchpoints whose answers form the control group. */
    public List<TouchpointId> controlGroup() {
        return control == PilotControl.PERIOD_BEFORE ? touchpoints : controlTouchpoints;
    }

    public PilotState state(LocalDate today) {
        if (today.isBefore(startsOn)) {
            return PilotState.PLANNED;
        }
        return today.isAfter(endsOn) ? PilotState.FINISHED : PilotState.RUNNING;
    }
}
