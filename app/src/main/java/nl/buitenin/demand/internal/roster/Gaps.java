package nl.buitenin.demand.internal.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import nl.buitenin.demand.internal.DemandFigures;
import nl.buitenin.demand.internal.erlang.Performance;
import nl.buitenin.demand.internal.erlang.Staffing;
import nl.buitenin.demand.internal.erlang.StaffingGoal;
import nl.buitenin.demand.internal.erlang.Workload;
import nl.buitenin.demand.internal.volume.Intervals;

/**
 * The roster against the plan, interval by interval: the agents the plan needs (its scheduled count, shrinkage included)
 * against the agents rostered, and what the rostered agents achieve on the forecast contacts under the same model (Erlang
 * C, or Erlang A when the goal has a patience). The rostered agents lose the same shrinkage as the plan assumes: of 10
 * rostered with 30 % shrinkage, 7 answer. Plain Java, so the gap of an interval can be checked by hand.
 *
 * <p>A day that needs agents but has no roster entry at all is "not rostered" and has no gaps: it is told apart rather
 * than read as a day with nobody planned. On a day with a roster, an interval that is not on it counts as 0 agents.
 */
public final class Gaps {

    private Gaps() {
    }

    /**
     * One interval of a rostered day.
     *
     * @param calls              contacts forecast
     * @param needed             agents the plan schedules (0 where no contacts are forecast)
     * @param rostered           agents on the roster
     * @param onPhones           of those, the agents answering after shrinkage
     * @param serviceLevel       share answered within the target time with {@code onPhones} agents
     * @param asaSeconds         their average speed of answer; null when the queue grows without end
     * @param abandonProbability share hanging up (Erlang A), else null
     */
    public record Gap(ZonedDateTime start, double calls, int needed, int rostered, int onPhones, double serviceLevel,
            @Nullable Double asaSeconds, @Nullable Double abandonProbability) {

        /** Agents rostered minus agents needed: negative when short, positive when over. */
        public int difference() {
            return rostered - needed;
        }

        public boolean isShort() {
            return rostered < needed;
        }

        public boolean isOver() {
            return rostered > needed;
        }

        public int shortBy() {
            return Math.max(0, needed - rostered);
        }

        public int overBy() {
            return Math.max(0, rostered - needed);
        }
    }

    /**
     * @param days        the plan's days
     * @param rostered    those of them with at least one roster entry
     * @param notRostered those of them that need agents (contacts are forecast) but have no roster entry; a day that
     *                    needs nobody (closed, or the phone is off at weekends) and has no roster is neither
     * @param intervals   per rostered day, every interval with contacts forecast or agents rostered
     */
    public record Result(List<LocalDate> days, List<LocalDate> rostered, List<LocalDate> notRostered, List<Gap> intervals) {

        public Result {
            days = List.copyOf(days);
            rostered = List.copyOf(rostered);
            notRostered = List.copyOf(notRostered);
            intervals = List.copyOf(intervals);
        }

        public boolean anyRoster() {
            return !rostered.isEmpty();
        }

        /** The same for the first {@code count} days only (the start page's coming week). */
        public Result firstDays(int count) {
            List<LocalDate> first = days.subList(0, Math.min(count, days.size()));
            LocalDate last = first.isEmpty() ? LocalDate.MIN : first.get(first.size() - 1);
            return new Result(first, rostered.stream().filter(d -> !d.isAfter(last)).toList(),
                    notRostered.stream().filter(d -> !d.isAfter(last)).toList(),
                    intervals.stream().filter(g -> !g.start().toLocalDate().isAfter(last)).toList());
        }

        public List<Gap> on(LocalDate day) {
            return intervals.stream().filter(g -> g.start().toLocalDate().equals(day)).toList();
        }

        public long shortIntervals() {
            return intervals.stream().filter(Gap::isShort).count();
        }

        public long overIntervals() {
            return intervals.stream().filter(Gap::isOver).count();
        }

        /** The interval short of the most agents (the earliest of equals), or null when none is short. */
        public @Nullable Gap largestShort() {
            return intervals.stream().filter(Gap::isShort)
                    .max(Comparator.comparingInt(Gap::shortBy).thenComparing(Gap::start, Comparator.reverseOrder())).orElse(null);
        }

        /** Agent hours missing over all short intervals. */
        public double shortAgentHours(int intervalMinutes) {
            return intervals.stream().mapToInt(Gap::shortBy).sum() * intervalMinutes / 60.0;
        }
    }

    /**
     * @param plan    the staffing plan for the forecast days
     * @param roster  agents per interval start (any range; entries outside the plan's days are not read)
     */
    public static Result of(DemandFigures.Plan plan, Map<Instant, Integer> roster, ZoneId zone, int minutes) {
        Map<Instant, DemandFigures.PlanInterval> planned = new HashMap<>();
        plan.intervals().forEach(i -> planned.put(i.start().toInstant(), i));
        Set<LocalDate> rosteredDays = new HashSet<>();
        roster.keySet().forEach(start -> rosteredDays.add(start.atZone(zone).toLocalDate()));
        StaffingGoal goal = plan.goal();
        Set<LocalDate> neededDays = new HashSet<>();
        plan.intervals().forEach(i -> neededDays.add(i.start().toLocalDate()));
        List<LocalDate> daysRostered = new ArrayList<>();
        List<LocalDate> notRostered = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        for (LocalDate day : plan.days()) {
            if (!rosteredDays.contains(day)) {
                if (neededDays.contains(day)) {
                    notRostered.add(day);
                }
                continue;
            }
            daysRostered.add(day);
            for (ZonedDateTime start : Intervals.startsOf(day, zone, minutes)) {
                DemandFigures.PlanInterval interval = planned.get(start.toInstant());
                int rostered = roster.getOrDefault(start.toInstant(), 0);
                if (interval == null && rostered == 0) {
                    continue;
                }
                double calls = interval == null ? 0 : interval.calls();
                int needed = interval == null ? 0 : interval.scheduled();
                int onPhones = answering(rostered, goal.shrinkage());
                Performance p = Staffing.evaluate(new Workload(calls, minutes * 60.0, plan.ahtSeconds()), onPhones, goal);
                gaps.add(new Gap(start, calls, needed, rostered, onPhones, p.serviceLevel(),
                        Double.isInfinite(p.asaSeconds()) ? null : p.asaSeconds(), p.modelsPatience() ? p.abandonProbability() : null));
            }
        }
        return new Result(plan.days(), daysRostered, notRostered, gaps);
    }

    /** Rostered agents left answering after shrinkage: whole agents only (the tolerance keeps 10 × 0.7 at 7). */
    static int answering(int rostered, double shrinkage) {
        return (int) Math.floor(rostered * (1 - shrinkage) + 1e-9);
    }
}
