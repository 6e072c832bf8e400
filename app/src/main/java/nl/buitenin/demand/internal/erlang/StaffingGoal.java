package nl.buitenin.demand.internal.erlang;

import java.util.ArrayList;
import java.util.List;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * What an interval must achieve, and what agents lose to breaks, training and absence.
 *
 * @param target          the service level to reach
 * @param maxAsaSeconds   the longest acceptable average speed of answer, or null for none
 * @param maxOccupancy    the highest acceptable occupancy (1 for no limit)
 * @param shrinkage       the share of paid time not spent answering (0 for none)
 * @param patienceSeconds the callers' average patience for Erlang A, or null for Erlang C (nobody hangs up)
 */
public record StaffingGoal(ServiceTarget target, Double maxAsaSeconds, double maxOccupancy, double shrinkage,
        Double patienceSeconds) {

    public StaffingGoal {
        List<FieldError> errors = new ArrayList<>();
        if (target == null) {
            errors.add(FieldError.of("target", "demand.invalid.targetRequired"));
        }
        if (maxAsaSeconds != null && !(maxAsaSeconds > 0)) {
            errors.add(FieldError.of("maxAsa", "demand.invalid.positiveSecondsGot", String.valueOf(maxAsaSeconds)));
        }
        if (!(maxOccupancy > 0 && maxOccupancy <= 1)) {
            errors.add(FieldError.of("maxOccupancy", "demand.invalid.occupancy", String.valueOf(maxOccupancy * 100)));
        }
        if (!(shrinkage >= 0 && shrinkage < 1)) {
            errors.add(FieldError.of("shrinkage", "demand.invalid.shrinkage", String.valueOf(shrinkage * 100)));
        }
        if (patienceSeconds != null && (!(patienceSeconds > 0) || patienceSeconds.isInfinite())) {
            errors.add(FieldError.of("patience", "demand.invalid.positiveSecondsGot", String.valueOf(patienceSeconds)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * The goal the staffing page opens with (its form's defaults, {@code StaffingForm.defaults()}): 80 % within 20 s, at
     * most 85 % occupancy, 30 % shrinkage, nobody hangs up. The start page's gaps use it too.
     */
    public static StaffingGoal usual() {
        return new StaffingGoal(new ServiceTarget(0.80, 20), null, 0.85, 0.30, null);
    }

    public static StaffingGoal serviceLevel(ServiceTarget target) {
        return new StaffingGoal(target, null, 1, 0, null);
    }

    /** Agents to schedule so that {@code onPhones} remain after shrinkage. */
    public int scheduled(int onPhones) {
        // A tiny tolerance keeps 14 / (1 - 0.3) = 20.000000000000004 at 20.
        return (int) Math.ceil(onPhones / (1 - shrinkage) - 1e-9);
    }

    boolean isMetBy(Performance performance) {
        return performance.serviceLevel() >= target.share()
                && (maxAsaSeconds == null || performance.asaSeconds() <= maxAsaSeconds)
                && performance.occupancy() <= maxOccupancy;
    }
}
