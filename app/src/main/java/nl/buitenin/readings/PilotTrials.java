package nl.buitenin.readings;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.TouchpointId;

/**
 * Pilots for other modules: a module that turns a doubt into a pilot (an assumption not yet testable) defines one here
 * and reads its result once it has ended. The plan is checked like on the pilot form (a start from today on, an end
 * within a year); the result is read only after the end (a fixed horizon).
 */
public interface PilotTrials {

    /**
     * A pilot's plan: compared with {@code controlTouchpoints} over the same days when given, else with the pilot's
     * touchpoints over the same number of days just before.
     *
     * @param measure nps, csat, ces, rating_5 or rating_10
     */
    record NewPilot(String name, String change, String measure, LocalDate startsOn, LocalDate endsOn, List<TouchpointId> touchpoints,
            List<TouchpointId> controlTouchpoints) {

        public NewPilot {
            touchpoints = List.copyOf(touchpoints);
            controlTouchpoints = List.copyOf(controlTouchpoints);
        }
    }

    /**
     * What a pilot shows: whether it has ended, the answers in each group, and once ended with enough answers in both
     * groups the difference pilot minus control with its 95 % interval, in the measure's unit.
     */
    record Reading(UUID pilot, String name, boolean finished, long pilotN, long controlN, @Nullable Double difference, @Nullable Double lower,
            @Nullable Double upper) {
    }

    /** Defines the pilot; refused with every wrong field named, as the pilot form is. */
    UUID define(NewPilot pilot);

    /** The pilot's reading; empty when there is no such pilot. */
    Optional<Reading> reading(UUID pilot);
}
