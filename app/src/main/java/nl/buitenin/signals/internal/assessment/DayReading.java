package nl.buitenin.signals.internal.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Intervals;
import nl.buitenin.insight.readings.Comparison;
import nl.buitenin.insight.readings.Comparisons;
import nl.buitenin.insight.readings.Sample;

/**
 * The results of one round, computed from its anonymous answers. A colleague's score on a capability is the mean of
 * the statements of that capability they answered ("weet ik niet" left out); a capability's score is the mean of
 * those over the colleagues who answered any of its statements, with the Student t interval — each colleague counts
 * once, however many statements they answered.
 * <p>
 * Small cells: a department where fewer than k colleagues answered shows nothing. So that its answers cannot be
 * recovered by subtracting the shown departments from the whole organisation, further departments are hidden — the
 * smallest first — until the hidden ones together hold at least k colleagues (complementary suppression). The gap
 * between management and the front line counts only departments that are shown and whose every level has at least k
 * colleagues ({@link #comparableDepartments}), and is shown only where each level then has at least k colleagues.
 */
public record DayReading(List<Unit> units, Map<DayArea, Area> areas, List<Gap> gaps) {

    /** A column: the whole organisation ({@code department} null) or one department, with how many answered. */
    public record Unit(@Nullable String department, long respondents, boolean hidden) {

        public boolean organisation() {
            return department == null;
        }
    }

    /** A capability's score per unit; an empty estimate is hidden, or rests on one colleague (no interval). */
    public record Area(DayArea area, Map<Unit, Optional<Estimate>> scores) {
    }

    /** Management against the front line on one capability: each level's mean, and their difference (Welch). */
    public record Gap(DayArea area, long management, long frontLine, @Nullable Comparison comparison, boolean hidden) {
    }

    public static DayReading of(List<AssessmentAnswer> answers, int k) {
        Map<String, Long> perDepartment = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        answers.forEach(a -> perDepartment.merge(a.department(), 1L, Long::sum));
        Set<String> hidden = hiddenDepartments(perDepartment, k);
        List<Unit> units = new ArrayList<>();
        units.add(new Unit(null, answers.size(), answers.size() < k));
        perDepartment.forEach((department, n) -> units.add(new Unit(department, n, hidden.contains(department))));
        Map<DayArea, Area> areas = new EnumMap<>(DayArea.class);
        for (DayArea area : DayArea.values()) {
            Map<Unit, Optional<Estimate>> scores = new java.util.LinkedHashMap<>();
            for (Unit unit : units) {
                scores.put(unit, unit.hidden() ? Optional.empty()
                        : estimate(scoresOn(area, answers, a -> unit.organisation() || a.department().equalsIgnoreCase(unit.department()))));
            }
            areas.put(area, new Area(area, scores));
        }
        Set<String> comparable = comparableDepartments(answers, hidden, k);
        List<AssessmentAnswer> compared = answers.stream().filter(a -> comparable.contains(a.department())).toList();
        long management = compared.stream().filter(a -> a.level() == StaffLevel.MANAGEMENT).count();
        long frontLine = compared.stream().filter(a -> a.level() == StaffLevel.FRONT_LINE).count();
        List<Gap> gaps = new ArrayList<>();
        for (DayArea area : DayArea.values()) {
            boolean gapHidden = management < k || frontLine < k;
            Comparison comparison = null;
            if (!gapHidden) {
                double[] first = scoresOn(area, compared, a -> a.level() == StaffLevel.MANAGEMENT);
                double[] second = scoresOn(area, compared, a -> a.level() == StaffLevel.FRONT_LINE);
                if (first.length >= 2 && second.length >= 2) {
                    comparison = Comparisons.means(Sample.of(first), Sample.of(second));
                }
            }
            gaps.add(new Gap(area, management, frontLine, comparison, gapHidden));
        }
        return new DayReading(List.copyOf(units), areas, List.copyOf(gaps));
    }

    /** Departments below k, and then the smallest others until the hidden ones hold at least k colleagues together. */
    static Set<String> hiddenDepartments(Map<String, Long> perDepartment, int k) {
        Set<String> hidden = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        perDepartment.forEach((department, n) -> {
            if (n < k) {
                hidden.add(department);
            }
        });
        long hiddenTotal = hidden.stream().mapToLong(perDepartment::get).sum();
        List<String> shownSmallestFirst = perDepartment.keySet().stream().filter(d -> !hidden.contains(d))
                .sorted(Comparator.comparingLong((String d) -> perDepartment.get(d)).thenComparing(String.CASE_INSENSITIVE_ORDER))
                .toList();
        for (String department : shownSmallestFirst) {
            if (hiddenTotal == 0 || hiddenTotal >= k) {
                break;
            }
            hidden.add(department);
            hiddenTotal += perDepartment.get(department);
        }
        return hidden;
    }

    /**
     * The departments whose answers count in the comparison of levels: shown ones in which every level present has at
     * least k colleagues. Otherwise a level's total minus a department's shown figure would give away a handful of
     * colleagues (three directors next to eight team leads, or two managers in a department of front-line staff).
     */
    static Set<String> comparableDepartments(List<AssessmentAnswer> answers, Set<String> hidden, int k) {
        Map<String, Map<StaffLevel, Long>> cells = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        answers.forEach(a -> cells.computeIfAbsent(a.department(), d -> new EnumMap<>(StaffLevel.class)).merge(a.level(), 1L, Long::sum));
        Set<String> comparable = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        cells.forEach((department, perLevel) -> {
            if (!hidden.contains(department) && perLevel.values().stream().allMatch(n -> n >= k)) {
                comparable.add(department);
            }
        });
        return comparable;
    }

    /** Each matching colleague's mean over the statements of the area they answered. */
    static double[] scoresOn(DayArea area, List<AssessmentAnswer> answers, Predicate<AssessmentAnswer> which) {
        List<Double> scores = new ArrayList<>();
        for (AssessmentAnswer answer : answers) {
            if (!which.test(answer)) {
                continue;
            }
            double sum = 0;
            int n = 0;
            for (DayStatement statement : DayStatement.ALL) {
                Integer score = statement.area() == area ? answer.scores().get(statement.key()) : null;
                if (score != null) {
                    sum += score;
                    n++;
                }
            }
            if (n > 0) {
                scores.add(sum / n);
            }
        }
        return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Optional<Estimate> estimate(double[] scores) {
        if (scores.length < 2) {
            return Optional.empty();
        }
        Sample sample = Sample.of(scores);
        return Optional.of(Intervals.mean(sample.n(), sample.mean(), sample.standardDeviation()));
    }

    /** The score of a unit on a capability, if shown. */
    public Optional<Estimate> score(DayArea area, Unit unit) {
        return areas.get(area).scores().getOrDefault(unit, Optional.empty());
    }

    public Unit organisation() {
        return units.get(0);
    }
}
