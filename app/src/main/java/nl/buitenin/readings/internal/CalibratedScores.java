package nl.buitenin.readings.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

/**
 * Per touchpoint, the mean score of one question type over a period, raw and calibrated for the respondents' own use
 * of the scale ({@link ScaleCalibration}), each with n and a 95 % bootstrap interval. A person's history (their person
 * key, personal data) is used only where the purpose "service improvement" allows it, asked once per person per
 * computation; anonymous answers and those of people it refuses count on the population scale, like a person with one
 * answer. A touchpoint whose answers come from fewer people than the small-cell minimum is hidden, and the raw and
 * calibrated order of the visible touchpoints is compared pair by pair.
 */
@Service
public class CalibratedScores {

    /** The types a mean score is read for (choice and open questions have no scale). */
    public static final List<QuestionType> TYPES = List.of(QuestionType.NPS, QuestionType.CSAT, QuestionType.CES,
            QuestionType.RATING_5, QuestionType.RATING_10);

    /** Bootstrap resamples over persons: enough for a 95 % interval to two decimals, a second or less on the demo. */
    static final int RESAMPLES = 200;
    private static final long SEED = 1;

    /** A mean with its 95 % interval, on the question's scale. */
    public record Mean(double value, double lower, double upper) {
    }

    /**
     * One touchpoint: its answers and the people behind them (an anonymous answer counts as one person), and the
     * means, both null when hidden.
     */
    public record Row(Touchpoint touchpoint, long n, long people, boolean hidden, int fewerThan, @Nullable Mean raw,
            @Nullable Mean calibrated) {
    }

    /** Two visible touchpoints the calibration puts in the other order: raw, {@code rawHigher} scores higher. */
    public record Swap(Touchpoint rawHigher, Touchpoint calibratedHigher) {
    }

    /**
     * The figures of a period and question type.
     *
     * @param withHistory people whose own scale was estimated (two answers or more, purpose allowed)
     * @param population  answers read on the population scale: anonymous, refused by the purpose, or a person's only one
     */
    public record Figures(LocalDate from, LocalDate to, QuestionType type, List<Row> rows, List<Swap> swaps, long withHistory,
            long population) {
    }

    private final ScoredResponses responses;
    private final Journeys journeys;
    private final PurposeGuard purposes;
    private final SmallCellRule smallCells;
    private final Organisations organisations;

    CalibratedScores(ScoredResponses responses, Journeys journeys, PurposeGuard purposes, SmallCellRule smallCells,
            Organisations organisations) {
        this.responses = responses;
        this.journeys = journeys;
        this.purposes = purposes;
        this.smallCells = smallCells;
        this.organisations = organisations;
    }

    /**
     * The figures of [from, to] (whole days in the organisation's time zone) for the type; without a type, the type
     * answered at the most touchpoints in the period (NPS first on a tie).
     */
    public Figures of(LocalDate from, LocalDate to, @Nullable QuestionType type) {
        ZoneId zone = organisations.current().timeZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<ScoredResponse> read = responses.between(start, end, Set.of());
        QuestionType chosen = type != null ? type : busiest(read);
        Map<PersonKey, Boolean> allowed = new HashMap<>();
        List<ScaleCalibration.Answer> answers = new ArrayList<>();
        Map<TouchpointId, Set<Object>> people = new HashMap<>();
        for (ScoredResponse response : read) {
            Optional<CompletedResponse.Score> score = response.first(chosen);
            if (response.touchpoint() == null || score.isEmpty()) {
                continue;
            }
            PersonKey person = response.person();
            boolean mayUse = person != null && allowed.computeIfAbsent(person,
                    p -> purposes.mayUse(PurposeId.SERVICE_IMPROVEMENT, p));
            String key = mayUse ? person.value() : null;
            answers.add(new ScaleCalibration.Answer(key, response.touchpoint().value().toString(), score.get().value()));
            // An answer whose person may not be used counts as a person of its own (the key is not grouped on).
            people.computeIfAbsent(response.touchpoint(), t -> new HashSet<>()).add(key != null ? key : response.response());
        }
        if (answers.isEmpty()) {
            return new Figures(from, to, chosen, List.of(), List.of(), 0, 0);
        }
        ScaleCalibration.Result result = ScaleCalibration.calibrate(answers, RESAMPLES, SEED);
        Map<String, ScaleCalibration.Target> byTarget = new HashMap<>();
        result.targets().forEach(t -> byTarget.put(t.target(), t));
        List<Row> rows = new ArrayList<>();
        for (Touchpoint touchpoint : touchpoints()) {
            ScaleCalibration.Target target = byTarget.get(touchpoint.id().value().toString());
            if (target == null) {
                continue;
            }
            long count = people.get(touchpoint.id()).size();
            if (smallCells.hides(count)) {
                rows.add(new Row(touchpoint, target.n(), count, true, smallCells.k(), null, null));
            } else {
                rows.add(new Row(touchpoint, target.n(), count, false, smallCells.k(),
                        new Mean(target.rawMean(), target.rawLow(), target.rawHigh()),
                        new Mean(target.calibratedMean(), target.low(), target.high())));
            }
        }
        Map<String, Integer> answersOf = new HashMap<>();
        answers.stream().filter(a -> a.person() != null).forEach(a -> answersOf.merge(a.person(), 1, Integer::sum));
        long withHistory = answersOf.values().stream().filter(n -> n >= 2).count();
        long population = answers.stream().filter(a -> a.person() == null || answersOf.get(a.person()) < 2).count();
        return new Figures(from, to, chosen, rows, swaps(rows), withHistory, population);
    }

    /** Every pair of visible touchpoints whose raw order the calibration turns round, the largest change first. */
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
                    turned.add(new Turned(new Swap(a.touchpoint(), b.touchpoint()), raw - calibrated));
                } else if (raw < 0 && calibrated > 0) {
                    turned.add(new Turned(new Swap(b.touchpoint(), a.touchpoint()), calibrated - raw));
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
