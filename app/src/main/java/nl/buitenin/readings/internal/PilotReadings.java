package nl.buitenin.readings.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import nl.buitenin.insight.readings.Comparison;
import nl.buitenin.insight.readings.Comparisons;
import nl.buitenin.insight.readings.MinimumDetectable;
import nl.buitenin.insight.readings.NpsCounts;
import nl.buitenin.insight.readings.Sample;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.ScoredResponse;
import nl.buitenin.listening.ScoredResponses;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.SmallCellRule;

/**
 * What a pilot can show, how far it is and, once it has ended, what it showed. Scores are read through {@code
 * listening.ScoredResponses} (a response counts on the day it was completed, in the organisation's time zone) and
 * compared with insight's {@link Comparisons} and {@link MinimumDetectable}, the same code as {@code buitenin compare}.
 * <ul>
 * <li>Plan: the answers of the measure at the pilot's and the control's touchpoints in the {@value #PLAN_WINDOW_DAYS}
 * days before the pilot was defined (or before its start, if earlier), per day, times the pilot's length. Two groups
 * of unequal size a and b have about the power of two groups of 2ab/(a + b) (their harmonic mean); the minimum
 * detectable difference is for that many per group, with the spread of the pilot touchpoints' recent answers.</li>
 * <li>Progress: answers counted so far; the effect is not read before the end (a fixed horizon: looking at it as
 * it grows and stopping when it looks significant finds effects that are not there far more often than 5 %).</li>
 * <li>Result: pilot group minus control group, with the 95 % interval and p-value.</li>
 * </ul>
 */
@Service
public class PilotReadings {

    static final int PLAN_WINDOW_DAYS = 56;

    private final ScoredResponses scored;
    private final Organisations organisations;
    private final SmallCellRule smallCells;

    PilotReadings(ScoredResponses scored, Organisations organisations, SmallCellRule smallCells) {
        this.scored = scored;
        this.organisations = organisations;
        this.smallCells = smallCells;
    }

    /**
     * The plan of a pilot.
     *
     * @param perGroup           the equal group size with the same power as the expected groups
     * @param minimumDifference  the smallest true difference found with 80 % power at 5 % significance, in the unit
     *                           of the measure (NPS points, percentage points, scale points); null when the recent
     *                           answers are too few to plan from
     */
    public record Plan(int windowDays, long recentPilot, long recentControl, long expectedPilot, long expectedControl, int perGroup,
            @Nullable Double minimumDifference) {
    }

    /** Answers so far in each group, and the days of the pilot done and left (today counted as left). */
    public record Progress(long pilotAnswers, long controlAnswers, long daysDone, long daysLeft) {
    }

    /**
     * The outcome of a finished pilot.
     *
     * @param comparison          pilot minus control; null when a group has too few answers to be shown or compared
     * @param detectableDifference the minimum difference these group sizes could find with 80 % power (for reading a
     *                            result that is not significant); null when it cannot be computed
     */
    public record Result(long pilotN, long controlN, int fewest, @Nullable Comparison comparison, @Nullable Double detectableDifference) {
    }

    public LocalDate today() {
        return LocalDate.now(zone());
    }

    public Plan plan(Pilot pilot) {
        LocalDate end = pilot.createdOn().isBefore(pilot.startsOn()) ? pilot.createdOn() : pilot.startsOn();
        LocalDate from = end.minusDays(PLAN_WINDOW_DAYS);
        LocalDate to = end.minusDays(1);
        List<Integer> pilotValues = values(pilot, pilot.touchpoints(), from, to);
        List<Integer> controlValues = values(pilot, pilot.controlGroup(), from, to);
        long expectedPilot = Math.round((double) pilotValues.size() / PLAN_WINDOW_DAYS * pilot.days());
        long expectedControl = Math.round((double) controlValues.size() / PLAN_WINDOW_DAYS * pilot.days());
        int perGroup = equalGroups(expectedPilot, expectedControl);
        List<Integer> spread = pilotValues.size() >= 2 ? pilotValues : controlValues;
        return new Plan(PLAN_WINDOW_DAYS, pilotValues.size(), controlValues.size(), expectedPilot, expectedControl, perGroup,
                minimumDifference(pilot.measure(), perGroup, spread).orElse(null));
    }

    public Progress progress(Pilot pilot, LocalDate today) {
        LocalDate last = today.isAfter(pilot.endsOn()) ? pilot.endsOn() : today;
        long pilotAnswers = today.isBefore(pilot.startsOn()) ? 0 : values(pilot, pilot.touchpoints(), pilot.startsOn(), last).size();
        LocalDate controlLast = today.isAfter(pilot.controlTo()) ? pilot.controlTo() : today;
        long controlAnswers = today.isBefore(pilot.controlFrom()) ? 0
                : values(pilot, pilot.controlGroup(), pilot.controlFrom(), controlLast).size();
        long done = Math.max(0, Math.min(pilot.days(), ChronoUnit.DAYS.between(pilot.startsOn(), today)));
        return new Progress(pilotAnswers, controlAnswers, done, pilot.days() - done);
    }

    /** The result, only once the pilot has ended: before, there is none to read (a fixed horizon). */
    public Optional<Result> result(Pilot pilot, LocalDate today) {
        if (pilot.state(today) != PilotState.FINISHED) {
            return Optional.empty();
        }
        List<Integer> pilotValues = values(pilot, pilot.touchpoints(), pilot.startsOn(), pilot.endsOn());
        List<Integer> controlValues = values(pilot, pilot.controlGroup(), pilot.controlFrom(), pilot.controlTo());
        int fewest = Math.max(2, smallCells.k());
        if (pilotValues.size() < fewest || controlValues.size() < fewest) {
            return Optional.of(new Result(pilotValues.size(), controlValues.size(), fewest, null, null));
        }
        Comparison comparison = compare(pilot.measure(), pilotValues, controlValues);
        int perGroup = equalGroups(pilotValues.size(), controlValues.size());
        return Optional.of(new Result(pilotValues.size(), controlValues.size(), fewest, comparison,
                minimumDifference(pilot.measure(), perGroup, controlValues).orElse(null)));
    }

    /** Pilot minus control, by the measure's own method. */
    static Comparison compare(PilotMeasure measure, List<Integer> pilot, List<Integer> control) {
        return switch (measure) {
            case NPS -> Comparisons.nps(nps(pilot), nps(control));
            case CSAT -> Comparisons.shares(topTwo(pilot), pilot.size(), topTwo(control), control.size());
            default -> Comparisons.means(sample(pilot), sample(control));
        };
    }

    /** The equal group size with about the power of groups of a and b: their harmonic mean, rounded down. */
    static int equalGroups(long a, long b) {
        if (a <= 0 || b <= 0) {
            return 0;
        }
        return (int) Math.floor(2.0 * a * b / (a + b));
    }

    static Optional<Double> minimumDifference(PilotMeasure measure, int perGroup, List<Integer> baseline) {
        if (perGroup < 2 || baseline.size() < 2) {
            return Optional.empty();
        }
        double difference = switch (measure) {
            case NPS -> {
                NpsCounts counts = nps(baseline);
                yield MinimumDetectable.npsDifference(perGroup, counts.promoterShare(), counts.detractorShare());
            }
            case CSAT -> MinimumDetectable.shareDifference(perGroup, 100.0 * topTwo(baseline) / baseline.size());
            default -> MinimumDetectable.meanDifference(perGroup, sample(baseline).standardDeviation());
        };
        return difference > 0 ? Optional.of(difference) : Optional.empty();
    }

    /** The measure's score in each completed response at the touchpoints, completed from {@code from} to {@code to} (included). */
    private List<Integer> values(Pilot pilot, List<TouchpointId> touchpoints, LocalDate from, LocalDate to) {
        if (touchpoints.isEmpty() || to.isBefore(from)) {
            return List.of();
        }
        ZoneId zone = zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Set<TouchpointId> wanted = new HashSet<>(touchpoints);
        return scored.between(start, end, wanted).stream()
                .filter(r -> r.touchpoint() != null && wanted.contains(r.touchpoint()))
                .map((ScoredResponse r) -> r.first(pilot.measure().question()))
                .flatMap(Optional::stream).map(CompletedResponse.Score::value).toList();
    }

    private static NpsCounts nps(List<Integer> values) {
        long promoters = values.stream().filter(v -> v >= 9).count();
        long detractors = values.stream().filter(v -> v <= 6).count();
        return new NpsCounts(promoters, values.size() - promoters - detractors, detractors);
    }

    private static long topTwo(List<Integer> values) {
        return values.stream().filter(v -> v >= 4).count();
    }

    private static Sample sample(List<Integer> values) {
        return Sample.of(values.stream().mapToDouble(Integer::doubleValue).toArray());
    }

    private ZoneId zone() {
        return organisations.current().timeZone();
    }
}
