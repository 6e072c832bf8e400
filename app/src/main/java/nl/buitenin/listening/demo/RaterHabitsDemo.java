package nl.buitenin.listening.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.ScoredResponse;
import nl.buitenin.listening.ScoredResponses;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyStatus;
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.listening.internal.answers.GivenAnswer;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.privacy.PersonKey;

/**
 * Respondents with habits (seed 004: "ik geef nooit meer dan een 8 — de 10 houd ik voor een warme-douche-ervaring"):
 * harsh raters who score a point below others and never give the top score, and lenient ones a point above, each
 * answering several times over the last ten months, after the other answer steps. They are spread unevenly: the harsh ones mostly call about the
 * touchpoint of the phone survey that scores best, the lenient ones about the runner-up, so that the plain means of
 * the last year put those two the wrong way round and the page "scores adjusted for harsh and lenient raters" shows
 * the difference. Harsh raters also answer the trip evaluation, at most an 8, some saying why. Written as history
 * through the one path of completed responses ({@link Completions#replay}), like the other answers.
 */
@Component
class RaterHabitsDemo implements DemoStep {

    /** Answers each habitual rater gives about "their" touchpoint, and elsewhere. */
    static final int AT_THEIR_TOUCHPOINT = 4;
    static final int ELSEWHERE = 2;

    /** How far the plain means of the two touchpoints are to end up the wrong way round, in scale points. */
    static final double REVERSED_BY = 0.15;

    private static final String WARM_SHOWER = "Een 10 geef ik nooit, die houd ik voor een warme-douche-ervaring. Verder was alles prima.";
    private static final String NEVER_PERFECT = "Goed geregeld, maar perfect bestaat niet.";

    private final JdbcSurveys surveys;
    private final Completions completions;
    private final ScoredResponses scored;

    RaterHabitsDemo(JdbcSurveys surveys, Completions completions, ScoredResponses scored) {
        this.surveys = surveys;
        this.completions = completions;
        this.scored = scored;
    }

    @Override
    public int order() {
        return 490;
    }

    @Override
    public String name() {
        return "rater-habits";
    }

    @Override
    public void load(DemoContext context) {
        @Nullable Map<PersonKey, Instant> since = context.get("privacy.feedbackSince");
        Survey phone = published(QuestionType.CSAT, 3);
        if (since == null || phone == null || phone.definition().touchpoints().size() < 3) {
            return;
        }
        Random random = context.random(name());
        Instant start = context.today().minusDays(300).atStartOfDay(context.zone()).toInstant();
        Instant yearAgo = context.today().minusDays(364).atStartOfDay(context.zone()).toInstant();
        Instant end = context.today().atStartOfDay(context.zone()).toInstant();
        List<TouchpointId> touchpoints = phone.definition().touchpoints();
        Map<TouchpointId, double[]> sums = new HashMap<>();
        for (ScoredResponse response : scored.between(yearAgo, end, Set.copyOf(touchpoints))) {
            response.first(QuestionType.CSAT).ifPresent(s -> {
                double[] sum = sums.computeIfAbsent(response.touchpoint(), t -> new double[2]);
                sum[0] += s.value();
                sum[1]++;
            });
        }
        List<TouchpointId> ranked = touchpoints.stream().filter(t -> sums.containsKey(t) && sums.get(t)[1] >= 20)
                .sorted(Comparator.comparingDouble((TouchpointId t) -> -sums.get(t)[0] / sums.get(t)[1]).thenComparing(t -> t.value()))
                .toList();
        if (ranked.size() < 2) {
            return;
        }
        TouchpointId best = ranked.get(0);
        TouchpointId runnerUp = ranked.get(1);
        List<TouchpointId> others = touchpoints.stream().filter(t -> !t.equals(best) && !t.equals(runnerUp)).toList();
        Map<TouchpointId, Double> level = new HashMap<>();
        sums.forEach((t, s) -> level.put(t, s[0] / s[1]));
        double gap = level.get(best) - level.get(runnerUp);
        // Each side's plain mean must move by half the gap and a bit: m answers a point off move a mean of n by m/(n + m)
        // (a little less after the scale's ends, hence 0.8 of a point).
        double shift = (gap + REVERSED_BY) / 2;
        int harsh = raters(sums.get(best)[1], shift);
        int lenient = raters(sums.get(runnerUp)[1], shift);
        List<PersonKey> people = since.entrySet().stream().filter(e -> e.getValue().isBefore(start.minusSeconds(86_400)))
                .map(Map.Entry::getKey).sorted(Comparator.comparing(PersonKey::value)).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        java.util.Collections.shuffle(people, random);
        if (people.size() < harsh + lenient) {
            return;
        }
        Survey trip = published(QuestionType.NPS, 1);
        List<Completions.Completion> batch = new ArrayList<>();
        for (int i = 0; i < harsh + lenient; i++) {
            boolean isHarsh = i < harsh;
            PersonKey person = people.get(i);
            TouchpointId theirs = isHarsh ? best : runnerUp;
            List<TouchpointId> visits = new ArrayList<>();
            for (int k = 0; k < AT_THEIR_TOUCHPOINT; k++) {
                visits.add(theirs);
            }
            for (int k = 0; k < ELSEWHERE; k++) {
                visits.add(others.get(random.nextInt(others.size())));
            }
            for (TouchpointId touchpoint : visits) {
                double wanted = level.getOrDefault(touchpoint, 4.0) + (isHarsh ? -1 : 1) + random.nextGaussian() * 0.6;
                int score = (int) Math.max(1, Math.min(isHarsh ? 4 : 5, Math.round(wanted)));
                batch.add(answer(phone, touchpoint, person, List.of(GivenAnswer.score(phone.definition().questions().get(0).key(), score)),
                        moment(start, end, random)));
            }
            if (isHarsh && trip != null && !trip.definition().touchpoints().isEmpty()) {
                List<GivenAnswer> given = new ArrayList<>();
                given.add(GivenAnswer.score(trip.definition().questions().get(0).key(), 6 + random.nextInt(3)));
                String open = trip.definition().questions().stream().filter(q -> q.type() == QuestionType.OPEN_TEXT)
                        .map(q -> q.key()).findFirst().orElse(null);
                if (open != null && random.nextDouble() < 0.5) {
                    given.add(GivenAnswer.text(open, random.nextBoolean() ? WARM_SHOWER : NEVER_PERFECT));
                }
                batch.add(answer(trip, trip.definition().touchpoints().get(0), person, given, moment(start, end, random)));
            }
        }
        completions.replay(batch);
    }

    /** Raters needed for answers a point off to move a mean of {@code n} answers by {@code shift}. */
    static int raters(double n, double shift) {
        double effect = 0.8;
        double fraction = Math.min(shift, effect * 0.9);
        double answers = n * fraction / (effect - fraction);
        return (int) Math.ceil(answers / AT_THEIR_TOUCHPOINT);
    }

    /** The first published survey whose first question is of the type, at {@code touchpoints} touchpoints or more. */
    private @Nullable Survey published(QuestionType type, int touchpoints) {
        for (JdbcSurveys.Summary summary : surveys.latestVersions()) {
            if (summary.status() != SurveyStatus.PUBLISHED) {
                continue;
            }
            Survey survey = surveys.byId(summary.id()).orElseThrow();
            if (survey.definition().questions().get(0).type() == type && survey.definition().touchpoints().size() >= touchpoints) {
                return survey;
            }
        }
        return null;
    }

    /** A working-hours moment between start and end. */
    private static Instant moment(Instant start, Instant end, Random random) {
        long days = java.time.Duration.between(start, end).toDays();
        Instant day = start.plusSeconds(86_400L * random.nextInt((int) Math.max(1, days - 1)));
        return day.plusSeconds(3600L * 9 + random.nextInt(9 * 3600));
    }

    private static Completions.Completion answer(Survey survey, TouchpointId touchpoint, PersonKey person, List<GivenAnswer> given,
            Instant at) {
        return Completions.Completion.invitedAndReceived(survey, touchpoint, person, "demo:" + java.util.UUID.randomUUID(),
                ResponseChannel.EMAIL, "nl", at.minusSeconds(3600), at.plusSeconds(14 * 86400L), given, at);
    }
}
