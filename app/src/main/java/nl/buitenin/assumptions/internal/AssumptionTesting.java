package nl.buitenin.assumptions.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Histogram;
import nl.buitenin.insight.Intervals;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.insight.ShareCount;
import nl.buitenin.insight.ThemeCount;
import nl.buitenin.insight.ThemedAnswers;
import nl.buitenin.insight.TouchpointShares;
import nl.buitenin.insight.TouchpointThemes;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.ScoredResponse;
import nl.buitenin.listening.ScoredResponses;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.readings.PilotTrials;

/**
 * Tests an assumption against the data, each kind through the module that owns the figure: scores response by
 * response through {@code listening.ScoredResponses}, themes through {@code insight.TouchpointThemes} (as the journey
 * map counts them), shares through the map's {@code insight.TouchpointShares}, and every interval from
 * {@code insight.Intervals} (Wilson for shares, adjusted Wald for NPS, t for means). A figure about fewer than the
 * small-cell rule's k answers is not shown and so not judged. The verdict is {@link VerdictRule}'s.
 */
@Service
public class AssumptionTesting {

    private final ScoredResponses scored;
    private final Touchpoints touchpoints;
    private final ObjectProvider<TouchpointThemes> themes;
    private final ObjectProvider<ThemedAnswers> taxonomy;
    private final List<TouchpointShares> shares;
    private final SmallCellRule smallCells;
    private final Organisations organisations;
    private final Clock clock;
    private final PilotTrials pilots;

    AssumptionTesting(ScoredResponses scored, Touchpoints touchpoints, ObjectProvider<TouchpointThemes> themes,
            ObjectProvider<ThemedAnswers> taxonomy, List<TouchpointShares> shares, SmallCellRule smallCells, Organisations organisations,
            Clock clock, PilotTrials pilots) {
        this.pilots = pilots;
        this.scored = scored;
        this.touchpoints = touchpoints;
        this.themes = themes;
        this.taxonomy = taxonomy;
        this.shares = shares;
        this.smallCells = smallCells;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** The counts a figure rests on: how many were read, and the estimate (null when there is none for this n). */
    record Reading(long n, @Nullable Estimate figure, List<Competitor> others, boolean pending) {
        Reading(long n, @Nullable Estimate figure, List<Competitor> others) {
            this(n, figure, others, false);
        }

        static Reading none() {
            return new Reading(0, null, List.of());
        }
    }

    /** Another theme, for "the largest theme". */
    record Competitor(String nameNl, String nameEn, Estimate share) {
    }

    public Outcome test(Assumption assumption) {
        Instant now = clock.instant();
        AssumptionTest test = assumption.test();
        if (test == null) {
            return Outcome.untested(Why.NO_TEST, 0, now);
        }
        Reading reading = read(assumption, test);
        return judge(test, reading, smallCells, now);
    }

    /** The verdict on a reading: no data, too few (under k, or no estimate possible), or the interval's verdict. */
    static Outcome judge(AssumptionTest test, Reading reading, SmallCellRule smallCells, Instant now) {
        if (reading.pending()) {
            return Outcome.untested(Why.PILOT_RUNNING, reading.n(), now);
        }
        if (reading.n() == 0) {
            return Outcome.untested(Why.NO_DATA, 0, now);
        }
        Estimate figure = reading.figure();
        if (figure == null || smallCells.hides(reading.n())) {
            return Outcome.untested(Why.TOO_FEW, reading.n(), now);
        }
        // For a theme the largest other theme is kept with the outcome, so that the reader also learns which theme
        // was largest when the assumed one was not ("het grootste thema was ...").
        Outcome.Rival rival = reading.others().stream().max(Comparator.comparingDouble(c -> c.share().value()))
                .map(c -> new Outcome.Rival(c.nameNl(), c.nameEn(), c.share().lower(), c.share().upper())).orElse(null);
        if (test.expectation() == Expectation.LARGEST) {
            List<Estimate> others = reading.others().stream().map(Competitor::share).toList();
            VerdictRule.Judgement judgement = VerdictRule.largest(figure, others);
            return new Outcome(judgement.verdict(), judgement.why(), reading.n(), figure, rival, now);
        }
        VerdictRule.Judgement judgement = VerdictRule.judge(test.expectation(), test.lowOrZero(), test.highOrZero(), figure);
        return new Outcome(judgement.verdict(), judgement.why(), reading.n(), figure, rival, now);
    }

    private Reading read(Assumption assumption, AssumptionTest test) {
        Set<TouchpointId> scope = scope(assumption);
        return switch (test.kind()) {
            case SCORE -> score(scope, test);
            case THEME -> theme(scope, test);
            case SHARE -> share(scope, test);
            case QUESTION -> question(test);
            case PILOT -> pilot(test);
        };
    }

    /** The assumption's touchpoint, or every touchpoint of its journey. */
    private Set<TouchpointId> scope(Assumption assumption) {
        if (assumption.touchpoint() != null) {
            return Set.of(assumption.touchpoint());
        }
        Set<TouchpointId> ids = new HashSet<>();
        for (Touchpoint touchpoint : touchpoints.ofJourney(assumption.journey())) {
            ids.add(touchpoint.id());
        }
        return ids;
    }

    private Reading score(Set<TouchpointId> scope, AssumptionTest test) {
        if (scope.isEmpty()) {
            return Reading.none();
        }
        QuestionType type = QuestionType.valueOf(String.valueOf(test.measure()).toUpperCase(java.util.Locale.ROOT));
        ScoreScale scale = type.scale();
        List<Integer> values = new ArrayList<>();
        for (ScoredResponse response : scored.between(start(test.from()), end(test.to()), scope)) {
            if (response.touchpoint() != null && scope.contains(response.touchpoint())) {
                response.first(type).map(CompletedResponse.Score::value).ifPresent(values::add);
            }
        }
        return new Reading(values.size(), Histogram.of(scale, values.stream().mapToInt(Integer::intValue).toArray()).score().orElse(null),
                List.of());
    }

    private Reading question(AssumptionTest test) {
        if (test.survey() == null || test.question() == null) {
            return Reading.none();
        }
        List<CompletedResponse.Score> answers = new ArrayList<>();
        for (ScoredResponse response : scored.ofSurvey(new SurveyId(test.survey()), start(test.from()), end(test.to()))) {
            response.score(test.question()).ifPresent(answers::add);
        }
        if (answers.isEmpty()) {
            return Reading.none();
        }
        ScoreScale scale = answers.get(0).type().scale();
        long n = answers.size();
        if ("mean".equals(test.measure())) {
            if (n < 2) {
                return new Reading(n, null, List.of());
            }
            double mean = answers.stream().mapToInt(CompletedResponse.Score::value).average().orElse(0);
            double squares = answers.stream().mapToDouble(a -> (a.value() - mean) * (a.value() - mean)).sum();
            return new Reading(n, Intervals.mean(n, mean, Math.sqrt(squares / (n - 1))), List.of());
        }
        long agreeing = answers.stream().filter(a -> agrees(scale, a.value())).count();
        return new Reading(n, Intervals.share(agreeing, n), List.of());
    }

    /** Agreeing is an answer in the top two of the scale (4 or 5 of 5, 9 or 10 of 10, 6 or 7 of 7). */
    static boolean agrees(ScoreScale scale, int value) {
        return value >= scale.max() - 1;
    }

    /**
     * A pilot's difference pilot minus control with its interval, once it has ended; while it runs, pending. The
     * pilot's own rule for too few answers (fewer than k in a group) gives no difference, so too few here.
     */
    private Reading pilot(AssumptionTest test) {
        PilotTrials.Reading reading = test.pilot() == null ? null : pilots.reading(test.pilot()).orElse(null);
        if (reading == null) {
            return Reading.none();
        }
        long n = reading.pilotN() + reading.controlN();
        if (!reading.finished()) {
            return new Reading(n, null, List.of(), true);
        }
        if (reading.difference() == null || reading.lower() == null || reading.upper() == null) {
            return new Reading(n, null, List.of());
        }
        return new Reading(n, new Estimate(Math.max(1, n), reading.difference(), reading.lower(), reading.upper()), List.of());
    }

    private Reading theme(Set<TouchpointId> scope, AssumptionTest test) {
        TouchpointThemes counted = themes.getIfAvailable();
        ThemedAnswers names = taxonomy.getIfAvailable();
        if (counted == null || names == null || test.theme() == null) {
            return Reading.none();
        }
        Optional<ThemedAnswers.Theme> wanted = names.themes().stream().filter(t -> t.id().equals(test.theme())).findFirst();
        if (wanted.isEmpty()) {
            return Reading.none();
        }
        Map<String, ThemeCount> summed = new HashMap<>();
        counted.top(test.from(), test.to(), Integer.MAX_VALUE).forEach((touchpoint, list) -> {
            if (scope.contains(touchpoint)) {
                list.forEach(t -> summed.merge(t.nameNl(), t, (a, b) -> new ThemeCount(a.nameNl(), a.nameEn(), a.count() + b.count())));
            }
        });
        long total = summed.values().stream().mapToLong(ThemeCount::count).sum();
        if (total == 0) {
            return Reading.none();
        }
        ThemeCount mine = summed.get(wanted.get().nameNl());
        Estimate share = Intervals.share(mine == null ? 0 : mine.count(), total);
        List<Competitor> others = summed.values().stream().filter(t -> !t.nameNl().equals(wanted.get().nameNl()))
                .map(t -> new Competitor(t.nameNl(), t.nameEn(), Intervals.share(t.count(), total))).toList();
        return new Reading(total, share, others);
    }

    private Reading share(Set<TouchpointId> scope, AssumptionTest test) {
        Optional<TouchpointShares> source = shares.stream().filter(s -> s.nameKey().equals(test.measure())).findFirst();
        if (source.isEmpty()) {
            return Reading.none();
        }
        ShareCount sum = ShareCount.NONE;
        for (Map.Entry<TouchpointId, ShareCount> entry : source.get().count(test.from(), test.to()).entrySet()) {
            if (scope.contains(entry.getKey())) {
                sum = sum.plus(entry.getValue());
            }
        }
        return sum.n() == 0 ? Reading.none() : new Reading(sum.n(), Intervals.share(sum.hits(), sum.n()), List.of());
    }

    /** The shares the journey map shows (failure demand, negative comments), by their message keys. */
    public List<String> shareKeys() {
        return shares.stream().sorted(Comparator.comparingInt(TouchpointShares::order)).map(TouchpointShares::nameKey).toList();
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    private Instant end(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone()).toInstant();
    }

    private ZoneId zone() {
        return organisations.current().timeZone();
    }
}
