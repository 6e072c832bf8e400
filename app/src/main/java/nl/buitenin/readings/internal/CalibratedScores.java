package nl.buitenin.readings.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import nl.buitenin.insight.readings.ScaleCalibration;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.Stage;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.ScoredResponse;
import nl.buitenin.listening.ScoredResponses;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.privacy.StaffReads;

/**
 * Per touchpoint, team, month or week, the mean score of one question type over a period, raw and calibrated for the
 * respondents' own use of the scale ({@link ScaleCalibration}), each with n and a 95 % bootstrap interval. A person's
 * history (their person key, personal data) is used only where the purpose "service improvement" allows it, asked for
 * everyone at once per computation ({@link PurposeGuard#allowed}, each person's read or refusal logged, their data dated
 * by their earliest answer in the period); anonymous answers and those of people it refuses count on the population scale, like a
 * person with one answer. The team of a response is read only under the purpose "quality of service — staff"
 * ({@link StaffReads}, one logged read per computation, teams only, never staff members). A unit whose answers come
 * from fewer people than the small-cell minimum is hidden, and the raw and calibrated order of the visible units is
 * compared pair by pair.
 */
@Service
public class CalibratedScores {

    /** The types a mean score is read for (choice and open questions have no scale). */
    public static final List<QuestionType> TYPES = List.of(QuestionType.NPS, QuestionType.CSAT, QuestionType.CES,
            QuestionType.RATING_5, QuestionType.RATING_10);

    /** What is compared: the units the answers are grouped into. */
    public enum Compare {
        TOUCHPOINTS, TEAMS, MONTHS, WEEKS;

        /** The key of the choice's name. */
        public String messageKey() {
            return key("readings.calibration.by");
        }

        /** The key of a text that differs by what is compared: {@code base} and the choice, such as {@code ….unit.teams}. */
        public String key(String base) {
            return base + "." + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One thing compared: a touchpoint, a team, a month or a week, with its name in Dutch and English.
     *
     * @param key        the touchpoint's id, the team's name, the month (2026-03) or the week's Monday (2026-03-02)
     * @param touchpoint the touchpoint, when touchpoints are compared
     */
    public record Unit(String key, @Nullable Touchpoint touchpoint, String nameNl, String nameEn) {

        static Unit of(Touchpoint touchpoint) {
            return new Unit(touchpoint.id().value().toString(), touchpoint, touchpoint.nameNl(), touchpoint.nameEn());
        }

        static Unit team(String team) {
            return new Unit(team, null, team, team);
        }

        static Unit month(YearMonth month) {
            return new Unit(month.toString(), null, MONTH.withLocale(DUTCH).format(month), MONTH.withLocale(Locale.ENGLISH).format(month));
        }

        static Unit week(LocalDate monday) {
            return new Unit(monday.toString(), null, week(monday, DUTCH), week(monday, Locale.ENGLISH));
        }

        private static String week(LocalDate monday, Locale locale) {
            DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", locale);
            return day.format(monday) + " – " + DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(monday.plusDays(6));
        }

        public String name(Locale locale) {
            return "nl".equals(locale.getLanguage()) ? nameNl : nameEn;
        }
    }

    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLLL yyyy");

    /** Bootstrap resamples over persons: enough for a 95 % interval to two decimals, a second or less on the demo. */
    static final int RESAMPLES = 200;
    private static final long SEED = 1;

    /** A mean with its 95 % interval, on the question's scale. */
    public record Mean(double value, double lower, double upper) {
    }

    /**
     * One unit: its answers and the people behind them (an anonymous answer counts as one person), and the means, both
     * null when hidden.
     */
    public record Row(Unit unit, long n, long people, boolean hidden, int fewerThan, @Nullable Mean raw,
            @Nullable Mean calibrated) {
    }

    /** Two visible units the calibration puts in the other order: raw, {@code rawHigher} scores higher. */
    public record Swap(Unit rawHigher, Unit calibratedHigher) {
    }

    /**
     * The figures of a period and question type.
     *
     * @param withHistory people whose own scale was estimated (two answers or more, purpose allowed)
     * @param population  answers read on the population scale: anonymous, refused by the purpose, or a person's only one
     * @param outside     answers without a unit (teams: no team, or recorded before the staff purpose's retention): they
     *                    count for the raters' histories, as a group of their own that is not shown
     * @param refused     true when teams were asked for and the staff purpose does not allow reading them
     */
    public record Figures(LocalDate from, LocalDate to, QuestionType type, Compare by, List<Row> rows, List<Swap> swaps,
            long withHistory, long population, long outside, boolean refused) {
    }

    private final ScoredResponses responses;
    private final Journeys journeys;
    private final PurposeGuard purposes;
    private final SmallCellRule smallCells;
    private final Organisations organisations;
    private final StaffReads staffReads;

    CalibratedScores(ScoredResponses responses, Journeys journeys, PurposeGuard purposes, SmallCellRule smallCells,
            Organisations organisations, StaffReads staffReads) {
        this.responses = responses;
        this.journeys = journeys;
        this.purposes = purposes;
        this.smallCells = smallCells;
        this.organisations = organisations;
        this.staffReads = staffReads;
    }

    /** Per touchpoint, as {@link #of(LocalDate, LocalDate, QuestionType, Compare)}. */
    public Figures of(LocalDate from, LocalDate to, @Nullable QuestionType type) {
        return of(from, to, type, Compare.TOUCHPOINTS);
    }

    /**
     * The figures of [from, to] (whole days in the organisation's time zone) for the type, per unit of {@code by};
     * without a type, the type answered at the most touchpoints in the period (NPS first on a tie).
     */
    public Figures of(LocalDate from, LocalDate to, @Nullable QuestionType type, Compare by) {
        ZoneId zone = organisations.current().timeZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<ScoredResponse> read = responses.between(start, end, Set.of());
        QuestionType chosen = type != null ? type : busiest(read);
        Instant teamsSince = null;
        if (by == Compare.TEAMS) {
            if (!staffReads.mayRead()) {
                return new Figures(from, to, chosen, by, List.of(), List.of(), 0, 0, 0, true);
            }
            teamsSince = staffReads.check("calibrated scores per team, " + from + " to " + to);
        }
        // One batched purpose check for everyone whose history would be used, with the moment of their earliest answer.
        Map<PersonKey, Instant> earliest = new HashMap<>();
        for (ScoredResponse response : read) {
            if (response.person() != null && response.first(chosen).isPresent()
                    && (by != Compare.TOUCHPOINTS || response.touchpoint() != null)) {
                earliest.merge(response.person(), response.completedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Set<PersonKey> allowed = earliest.isEmpty() ? Set.of() : purposes.allowed(PurposeId.SERVICE_IMPROVEMENT, earliest,
                "own use of the scale for calibrated scores");
        List<ScaleCalibration.Answer> answers = new ArrayList<>();
        Map<String, Unit> units = new HashMap<>();
        Map<String, Set<Object>> people = new HashMap<>();
        long outside = 0;
        for (ScoredResponse response : read) {
            Optional<CompletedResponse.Score> score = response.first(chosen);
            if (score.isEmpty() || (by == Compare.TOUCHPOINTS && response.touchpoint() == null)) {
                continue;
            }
            Unit unit = unit(response, by, zone, teamsSince);
            PersonKey person = response.person();
            String key = person != null && allowed.contains(person) ? person.value() : null;
            // Answers without a unit (no team) still tell how their people score: a group of their own, not shown.
            answers.add(new ScaleCalibration.Answer(key, unit == null ? OUTSIDE : unit.key(), score.get().value()));
            if (unit == null) {
                outside++;
                continue;
            }
            units.putIfAbsent(unit.key(), unit);
            // An answer whose person may not be used counts as a person of its own (the key is not grouped on).
            people.computeIfAbsent(unit.key(), t -> new HashSet<>()).add(key != null ? key : response.response());
        }
        if (units.isEmpty()) {
            return new Figures(from, to, chosen, by, List.of(), List.of(), 0, 0, outside, false);
        }
        ScaleCalibration.Result result = ScaleCalibration.calibrate(answers, RESAMPLES, SEED);
        Map<String, ScaleCalibration.Target> byTarget = new HashMap<>();
        result.targets().forEach(t -> byTarget.put(t.target(), t));
        List<Row> rows = new ArrayList<>();
        for (Unit unit : ordered(by, units)) {
            ScaleCalibration.Target target = byTarget.get(unit.key());
            long count = people.get(unit.key()).size();
            if (smallCells.hides(count)) {
                rows.add(new Row(unit, target.n(), count, true, smallCells.k(), null, null));
            } else {
                rows.add(new Row(unit, target.n(), count, false, smallCells.k(),
                        new Mean(target.rawMean(), target.rawLow(), target.rawHigh()),
                        new Mean(target.calibratedMean(), target.low(), target.high())));
            }
        }
        Map<String, Integer> answersOf = new HashMap<>();
        answers.stream().filter(a -> a.person() != null).forEach(a -> answersOf.merge(a.person(), 1, Integer::sum));
        long withHistory = answersOf.values().stream().filter(n -> n >= 2).count();
        long population = answers.stream().filter(a -> a.person() == null || answersOf.get(a.person()) < 2).count();
        return new Figures(from, to, chosen, by, rows, swaps(rows), withHistory, population, outside, false);
    }

    /** The target name of answers without a unit; no team name, id or date is empty. */
    private static final String OUTSIDE = "";

    /** The response's unit, or null when it has none (no team, or its team is past the staff purpose's retention). */
    private static @Nullable Unit unit(ScoredResponse response, Compare by, ZoneId zone, @Nullable Instant teamsSince) {
        LocalDate day = response.completedAt().atZone(zone).toLocalDate();
        return switch (by) {
            case TOUCHPOINTS -> new Unit(response.touchpoint().value().toString(), null, "", "");
            case TEAMS -> response.team() == null || response.team().isBlank() || response.completedAt().isBefore(teamsSince)
                    ? null : Unit.team(response.team());
            case MONTHS -> Unit.month(YearMonth.from(day));
            case WEEKS -> Unit.week(day.with(DayOfWeek.MONDAY));
        };
    }

    /** The units in their order: touchpoints in journey order, teams by name, periods by time. */
    private List<Unit> ordered(Compare by, Map<String, Unit> units) {
        if (by == Compare.TOUCHPOINTS) {
            return touchpoints().stream().filter(t -> units.containsKey(t.id().value().toString())).map(Unit::of).toList();
        }
        return List.copyOf(new TreeMap<>(units).values());
    }

    /** Every pair of visible units whose raw order the calibration turns round, the largest change first. */
    static List<Swap> swaps(List<Row> rows) {
        List<Row> visible = rows.stream().filter(r -> !r.hidden()).toList();
        record Turned(Swap swap, double change) {
        }
        List<Turned> turned = new ArrayList<>();
        for (int i = 0; i < visible.size(); i++) {
            for (int j = i + 1; j < visible.size(); j++) {
                Row a = visible.get(i);
                Row b = visible.get(j);
                double raw = a.raw().value() - b.raw().value();
                double calibrated = a.calibrated().value() - b.calibrated().value();
                if (raw > 0 && calibrated < 0) {
                    turned.add(new Turned(new Swap(a.unit(), b.unit()), raw - calibrated));
                } else if (raw < 0 && calibrated > 0) {
                    turned.add(new Turned(new Swap(b.unit(), a.unit()), calibrated - raw));
                }
            }
        }
        return turned.stream().sorted(Comparator.comparingDouble(Turned::change).reversed()).map(Turned::swap).toList();
    }

    /** The type answered at the most touchpoints; NPS, then the order of {@link #TYPES}, on a tie. */
    private static QuestionType busiest(List<ScoredResponse> read) {
        Map<QuestionType, Set<TouchpointId>> at = new EnumMap<>(QuestionType.class);
        for (ScoredResponse response : read) {
            if (response.touchpoint() != null) {
                response.scores().forEach(s -> at.computeIfAbsent(s.type(), t -> new HashSet<>()).add(response.touchpoint()));
            }
        }
        QuestionType best = TYPES.get(0);
        for (QuestionType type : TYPES) {
            if (at.getOrDefault(type, Set.of()).size() > at.getOrDefault(best, Set.of()).size()) {
                best = type;
            }
        }
        return best;
    }

    /** Every touchpoint in journey order (archived journeys last), each once. */
    private List<Touchpoint> touchpoints() {
        Map<TouchpointId, Touchpoint> ordered = new LinkedHashMap<>();
        for (Journey journey : journeys.allIncludingArchived()) {
            for (Stage stage : journey.stages()) {
                stage.touchpoints().forEach(t -> ordered.putIfAbsent(t.id(), t));
            }
        }
        return List.copyOf(ordered.values());
    }
}
