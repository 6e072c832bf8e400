package nl.buitenin.readings.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.readings.Comparison;
import nl.buitenin.insight.readings.Difference;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.readings.internal.Pilot;
import nl.buitenin.readings.internal.PilotControl;
import nl.buitenin.readings.internal.PilotReadings;
import nl.buitenin.readings.internal.PilotState;

/**
 * A pilot as its page shows it: names instead of ids, numbers already written in the reader's language, and which
 * plain-words sentences apply. The result is only filled in for a finished pilot.
 */
record PilotView(Pilot pilot, PilotState state, List<PilotNames.Named> touchpoints, List<PilotNames.Named> controlTouchpoints,
        boolean periodControl, LocalDate controlFrom, LocalDate controlTo, PlanView plan, ProgressView progress,
        @Nullable ResultView result) {

    record PlanView(String windowDays, String expectedPilot, String expectedControl, String perGroup, @Nullable String minimumDifference) {
    }

    record ProgressView(String pilotAnswers, String expectedPilot, String controlAnswers, long daysLeft, int percent) {
    }

    /**
     * @param direction    "higher", "lower" or "same": the pilot group's score against the control's
     * @param lowPower     not significant, and the difference these groups could find with 80 % power is larger than
     *                     the one seen: the pilot could easily have missed a real effect of that size
     */
    record ResultView(String pilotN, String controlN, String fewest, boolean tooFew, @Nullable GroupView pilotGroup,
            @Nullable GroupView controlGroup, @Nullable String difference, @Nullable String lower, @Nullable String upper,
            @Nullable String p, boolean significant, String direction, boolean lowPower, @Nullable String detectable,
            @Nullable String largestFitting) {
    }

    record GroupView(String score, String lower, String upper) {
    }

    /**
     * @param count a count of answers as the page writes it: the number, or "fewer than k" under the small-cell rule
     */
    static PilotView of(Pilot pilot, LocalDate today, PilotReadings readings, Map<TouchpointId, PilotNames.Named> names, PilotNames naming,
            PilotNumbers numbers, java.util.function.LongFunction<String> count) {
        PilotReadings.Plan plan = readings.plan(pilot);
        PlanView planView = new PlanView(numbers.whole(plan.windowDays()), numbers.whole(plan.expectedPilot()),
                numbers.whole(plan.expectedControl()), numbers.whole(plan.perGroup()),
                plan.minimumDifference() == null ? null : numbers.planned(plan.minimumDifference()));
        PilotReadings.Progress progress = readings.progress(pilot, today);
        int percent = plan.expectedPilot() == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * progress.pilotAnswers() / plan.expectedPilot()));
        ProgressView progressView = new ProgressView(count.apply(progress.pilotAnswers()), numbers.whole(plan.expectedPilot()),
                count.apply(progress.controlAnswers()), progress.daysLeft(), percent);
        ResultView result = readings.result(pilot, today).map(r -> result(r, numbers, count)).orElse(null);
        return new PilotView(pilot, pilot.state(today), naming.of(pilot.touchpoints(), names), naming.of(pilot.controlTouchpoints(), names),
                pilot.control() == PilotControl.PERIOD_BEFORE, pilot.controlFrom(), pilot.controlTo(), planView, progressView, result);
    }

    private static ResultView result(PilotReadings.Result r, PilotNumbers numbers, java.util.function.LongFunction<String> count) {
        Comparison comparison = r.comparison();
        if (comparison == null) {
            return new ResultView(count.apply(r.pilotN()), count.apply(r.controlN()), numbers.whole(r.fewest()), true, null, null,
                    null, null, null, null, false, "same", false, null, null);
        }
        Difference d = comparison.difference();
        boolean significant = d.excludesZero();
        String direction = d.value() > 0 ? "higher" : d.value() < 0 ? "lower" : "same";
        Double detectable = r.detectableDifference();
        boolean lowPower = !significant && detectable != null && detectable > Math.abs(d.value());
        double largest = Math.max(Math.abs(d.lower()), Math.abs(d.upper()));
        return new ResultView(numbers.whole(r.pilotN()), numbers.whole(r.controlN()), numbers.whole(r.fewest()), false,
                group(comparison.first(), numbers), group(comparison.second(), numbers), numbers.value(Math.abs(d.value())),
                numbers.value(d.lower()), numbers.value(d.upper()), numbers.p(d.pValue()), significant, direction, lowPower,
                detectable == null ? null : numbers.planned(detectable), numbers.value(largest));
    }

    private static GroupView group(Estimate estimate, PilotNumbers numbers) {
        return new GroupView(numbers.value(estimate.value()), numbers.value(estimate.lower()), numbers.value(estimate.upper()));
    }
}
