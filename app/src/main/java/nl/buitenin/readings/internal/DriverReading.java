package nl.buitenin.readings.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Intervals;
import nl.buitenin.insight.readings.KeyDrivers;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.ScoredResponse;
import nl.buitenin.listening.ScoredResponses;
import nl.buitenin.listening.ScoredSurvey;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.readings.internal.DriverReport.Driver;
import nl.buitenin.readings.internal.DriverReport.Quadrant;
import nl.buitenin.readings.internal.DriverReport.Reason;
import nl.buitenin.readings.internal.DriverReport.Withheld;

/**
 * Key drivers of one survey on the server: the overall question (the survey's NPS question, else its CSAT, or the one
 * the analyst chooses) explained by the survey's other scale questions, one row per completed response of every version
 * in the period, read through {@link ScoredResponses} alone (no person is needed, so none is read). The decomposition is
 * insight's {@link KeyDrivers} (LMG with percentile bootstrap intervals), the same code as {@code buitenin drivers}.
 */
@Service
public class DriverReading {

    /** Bootstrap resamples: enough for stable 2.5 % and 97.5 % percentiles (about ±0.01 on a share). */
    public static final int RESAMPLES = 1000;
    /** Fixed, so the same responses always give the same intervals. */
    public static final long SEED = 15;
    /** Complete responses needed at least, whatever the number of drivers. */
    public static final int MIN_RESPONSES = 30;
    /** Complete responses needed per driver question (the common rule of ten observations per predictor). */
    public static final int PER_DRIVER = 10;
    /**
     * 2^8 subsets per resample: five drivers took 1.5–2.7 s and ten 23–27 s for 308 responses on a loaded two-core
     * machine (docs/readings.md), so more than eight questions are not decomposed on a page.
     */
    public static final int MAX_DRIVERS = 8;
    /** Readings kept: a page view, its language switch and the API ask for the same reading. */
    private static final int KEPT = 32;

    private final ScoredResponses scored;
    private final Organisations organisations;
    /**
     * Decompositions by what they were computed from (survey, overall question, period, the responses' count and the
     * newest response): the bootstrap is seeded, so the same responses give the same reading, and a new or late
     * response changes the key.
     */
    private final Map<List<Object>, KeyDrivers.Result> kept = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(KEPT, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Object>, KeyDrivers.Result> eldest) {
                    return size() > KEPT;
                }
            });

    DriverReading(ScoredResponses scored, Organisations organisations) {
        this.scored = scored;
        this.organisations = organisations;
    }

    /** The surveys a reading can be asked for (published, with scale questions). */
    public List<ScoredSurvey> surveys() {
        return scored.surveys();
    }

    /** The survey to read by default: the first with an overall question and at least one other scale question. */
    public Optional<ScoredSurvey> defaultSurvey() {
        List<ScoredSurvey> all = surveys();
        // The survey with the most questions to weigh against its overall one: what this page is for (a survey with one
        // driver has nothing to rank). Ties go by title, as the chooser lists them.
        return all.stream().filter(s -> overall(s).isPresent() && s.questions().size() > 1)
                .min(java.util.Comparator.comparingInt((ScoredSurvey s) -> -s.questions().size()).thenComparing(ScoredSurvey::titleNl));
    }

    /**
     * @param outcomeKey the overall question's key; the survey's NPS question (else its CSAT) when null
     * @param from       first day, in the organisation's time zone
     * @param to         last day, included
     */
    public DriverReport read(SurveyId surveyId, @Nullable String outcomeKey, LocalDate from, LocalDate to) {
        ScoredSurvey survey = surveys().stream().filter(s -> s.id().equals(surveyId)).findFirst()
                .orElseThrow(() -> new NotFoundException("readings.thing.survey", surveyId.value()));
        ScoredSurvey.Question outcome;
        if (outcomeKey != null) {
            outcome = survey.question(outcomeKey)
                    .orElseThrow(() -> InvalidInputException.of("outcome", "readings.invalid.drivers.outcome", outcomeKey));
        } else {
            outcome = overall(survey).orElse(null);
        }
        if (outcome == null) {
            return withheld(survey, null, from, to, 0, 0, new Withheld(Reason.NO_OUTCOME, 0, null, null));
        }
        List<ScoredSurvey.Question> drivers = survey.questions().stream().filter(q -> !q.key().equals(outcome.key())).toList();
        if (drivers.isEmpty()) {
            return withheld(survey, outcome, from, to, 0, 0, new Withheld(Reason.NO_DRIVERS, 0, null, null));
        }
        if (drivers.size() > MAX_DRIVERS) {
            return withheld(survey, outcome, from, to, 0, 0, new Withheld(Reason.TOO_MANY_DRIVERS, MAX_DRIVERS, null, null));
        }
        ZoneId zone = organisations.current().timeZone();
        List<ScoredResponse> responses = scored.ofSurvey(surveyId, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        int withOutcome = 0;
        List<double[]> rows = new ArrayList<>();
        for (ScoredResponse response : responses) {
            Optional<Integer> overall = response.score(outcome.key()).map(s -> s.value());
            if (overall.isEmpty()) {
                continue;
            }
            withOutcome++;
            double[] row = new double[drivers.size() + 1];
            row[0] = overall.get();
            boolean complete = true;
            for (int j = 0; j < drivers.size() && complete; j++) {
                Optional<Integer> value = response.score(drivers.get(j).key()).map(s -> s.value());
                complete = value.isPresent();
                row[j + 1] = value.orElse(0);
            }
            if (complete) {
                rows.add(row); // complete cases, as the decomposition needs them (and as relaimpo does)
            }
        }
        int needed = Math.max(MIN_RESPONSES, PER_DRIVER * drivers.size());
        if (rows.size() < needed) {
            return withheld(survey, outcome, from, to, withOutcome, rows.size(), new Withheld(Reason.TOO_FEW, needed, null, null));
        }
        for (int c = 0; c <= drivers.size(); c++) {
            if (constant(rows, c)) {
                ScoredSurvey.Question question = c == 0 ? outcome : drivers.get(c - 1);
                return withheld(survey, outcome, from, to, withOutcome, rows.size(),
                        new Withheld(Reason.NO_SPREAD, 0, question.textNl(), question.textEn()));
            }
        }
        List<Object> key = List.of(surveyId, outcome.key(), from, to, responses.size(),
                responses.isEmpty() ? "" : responses.get(responses.size() - 1).response());
        KeyDrivers.Result result = kept.get(key);
        if (result == null) {
            result = KeyDrivers.decompose(column(rows, 0), columns(rows, drivers.size()),
                    drivers.stream().map(ScoredSurvey.Question::key).toList(), RESAMPLES, SEED);
            kept.put(key, result);
        }
        List<Driver> found = place(drivers, result, rows);
        return new DriverReport(survey, outcome, from, to, withOutcome, rows.size(), result.rSquared(), null, found);
    }

    /** The survey's overall question: its NPS question, else its CSAT question. */
    static Optional<ScoredSurvey.Question> overall(ScoredSurvey survey) {
        return survey.questions().stream().filter(q -> q.type() == QuestionType.NPS).findFirst()
                .or(() -> survey.questions().stream().filter(q -> q.type() == QuestionType.CSAT).findFirst());
    }

    private static List<Driver> place(List<ScoredSurvey.Question> drivers, KeyDrivers.Result result, List<double[]> rows) {
        int p = drivers.size();
        double[] shares = new double[p];
        Estimate[] means = new Estimate[p];
        for (int j = 0; j < p; j++) {
            double[] values = column(rows, j + 1);
            double mean = java.util.Arrays.stream(values).average().orElseThrow();
            double sum = 0;
            for (double v : values) {
                sum += (v - mean) * (v - mean);
            }
            means[j] = Intervals.mean(values.length, mean, Math.sqrt(sum / (values.length - 1)));
            QuestionType type = drivers.get(j).type();
            shares[j] = share(means[j].value(), type);
        }
        double averageShare = java.util.Arrays.stream(shares).average().orElseThrow();
        double equalImportance = 1.0 / p;
        List<Driver> found = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            KeyDrivers.Driver driver = result.drivers().get(j);
            QuestionType type = drivers.get(j).type();
            boolean important = driver.importance() > equalImportance;
            boolean weaker = shares[j] < averageShare;
            Quadrant quadrant = important ? (weaker ? Quadrant.FIX_FIRST : Quadrant.KEEP_UP) : (weaker ? Quadrant.LATER : Quadrant.NO_MORE);
            found.add(new Driver(drivers.get(j), driver.importance(), driver.lower(), driver.upper(), means[j].value(),
                    Math.max(type.min(), means[j].lower()), Math.min(type.max(), means[j].upper()), type.min(), type.max(), shares[j],
                    share(Math.max(type.min(), means[j].lower()), type), share(Math.min(type.max(), means[j].upper()), type), quadrant));
        }
        found.sort(Comparator.comparingDouble(Driver::importance).reversed());
        return found;
    }

    /** A score as a share of its scale: 0 for the lowest answer, 100 for the highest. */
    static double share(double score, QuestionType type) {
        return 100 * (score - type.min()) / (type.max() - type.min());
    }

    private static DriverReport withheld(ScoredSurvey survey, ScoredSurvey.@Nullable Question outcome, LocalDate from, LocalDate to,
            int responses, int complete, Withheld withheld) {
        return new DriverReport(survey, outcome, from, to, responses, complete, null, withheld, List.of());
    }

    private static boolean constant(List<double[]> rows, int c) {
        double first = rows.get(0)[c];
        return rows.stream().allMatch(r -> r[c] == first);
    }

    private static double[] column(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }

    private static List<double[]> columns(List<double[]> rows, int drivers) {
        List<double[]> columns = new ArrayList<>();
        for (int j = 1; j <= drivers; j++) {
            columns.add(column(rows, j));
        }
        return columns;
    }
}
