package nl.buitenin.listening.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
 * A team whose customers happen to be harsh raters (issue 15: "comparisons of touchpoints, teams and periods can be
 * adjusted for who happened to answer"). After the staff answers, regular customers who score two and a half points
 * below others and never above an 8 answer the survey after a conversation: four times about the team with the best
 * plain mean of the last year and twice about each team but the runner-up. Enough of them that the plain means put the
 * runner-up first; each compares the teams within their own answers, so the calibration per team (page "scores adjusted
 * for harsh and lenient raters", compare teams) puts the better team back on top. Their answers carry the team
 * but no staff member, so no staff member's reading changes, and no tens, so no team looks pushed. Written as history
 * through the one path of completed responses ({@link Completions#replay}).
 */
@Component
class RaterTeamsDemo implements DemoStep {

    /**
     * Answers of each harsh customer about the best team, the runner-up and each other team. None about the runner-up:
     * answers there would lower both plain means alike, and with many customers the two would keep their order.
     */
    static final int AT_BEST = 4;
    static final int AT_RUNNER_UP = 0;
    static final int AT_OTHERS = 2;
    /** How far below others the harsh customers score, and the highest score they give. */
    static final double HARSH = 2.5;
    static final int CEILING = 8;
    /** How far the plain means of the two teams are to end up the wrong way round, in NPS scale points. */
    static final double REVERSED_BY = 0.2;

    private final JdbcSurveys surveys;
    private final Completions completions;
    private final ScoredResponses scored;

    RaterTeamsDemo(JdbcSurveys surveys, Completions completions, ScoredResponses scored) {
        this.surveys = surveys;
        this.completions = completions;
        this.scored = scored;
    }

    @Override
    public int order() {
        return 495;
    }

    @Override
    public String name() {
        return "rater-teams";
    }

    @Override
    public void load(DemoContext context) {
        @Nullable Map<PersonKey, Instant> since = context.get("privacy.feedbackSince");
        @Nullable Map<String, TouchpointId> teams = context.get("journey.staffTouchpoints");
        if (since == null || teams == null || teams.size() < 3) {
            return;
        }
        Survey survey = staffSurvey(teams.values());
        if (survey == null) {
            return;
        }
        Instant start = context.today().minusDays(300).atStartOfDay(context.zone()).toInstant();
        Instant yearAgo = context.today().minusDays(364).atStartOfDay(context.zone()).toInstant();
        Instant end = context.today().atStartOfDay(context.zone()).toInstant();
        Map<String, double[]> sums = new HashMap<>();
        for (ScoredResponse response : scored.between(yearAgo, end, Set.copyOf(teams.values()))) {
            if (response.team() != null && teams.containsKey(response.team())) {
                response.first(QuestionType.NPS).ifPresent(s -> {
                    double[] sum = sums.computeIfAbsent(response.team(), t -> new double[2]);
                    sum[0] += s.value();
                    sum[1]++;
                });
            }
        }
        List<String> ranked = sums.keySet().stream().filter(t -> sums.get(t)[1] >= 20)
                .sorted(Comparator.comparingDouble((String t) -> -sums.get(t)[0] / sums.get(t)[1]).thenComparing(t -> t)).toList();
        if (ranked.size() < 3) {
            return;
        }
        String best = ranked.get(0);
        String runnerUp = ranked.get(1);
        int customers = customers(sums.get(best), sums.get(runnerUp));
        List<PersonKey> people = since.entrySet().stream().filter(e -> e.getValue().isBefore(start.minusSeconds(86_400)))
                .map(Map.Entry::getKey).sorted(Comparator.comparing(PersonKey::value))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        Random random = context.random(name());
        java.util.Collections.shuffle(people, random);
        if (people.size() < customers) {
            return;
        }
        List<Completions.Completion> batch = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            List<String> visits = new ArrayList<>();
            for (String team : ranked) {
                int times = team.equals(best) ? AT_BEST : team.equals(runnerUp) ? AT_RUNNER_UP : AT_OTHERS;
                for (int k = 0; k < times; k++) {
                    visits.add(team);
                }
            }
            for (String team : visits) {
                double level = sums.get(team)[0] / sums.get(team)[1];
                int score = (int) Math.max(0, Math.min(CEILING, Math.round(level - HARSH + random.nextGaussian())));
                Instant at = moment(start, end, random);
                batch.add(Completions.Completion.invitedAndReceived(survey, teams.get(team), people.get(i),
                        "demo:" + java.util.UUID.randomUUID(), ResponseChannel.EMAIL, "nl", at.minusSeconds(3600),
                        at.plusSeconds(14 * 86400L), List.of(GivenAnswer.score("nps", score)), at, null, team));
            }
        }
        completions.replay(batch);
    }

    /**
     * Harsh customers needed for the best team's plain mean to fall {@link #REVERSED_BY} below the runner-up's: each
     * adds {@link #AT_BEST} answers about {@link #HARSH} points low to the best team and {@link #AT_RUNNER_UP} to the
     * runner-up (a little less than {@link #HARSH} counted, for the ceiling and the scale's ends).
     */
    static int customers(double[] best, double[] runnerUp) {
        double effect = HARSH * 0.9;
        for (int k = 1; k < 2_000; k++) {
            if (after(best, AT_BEST * k, effect) < after(runnerUp, AT_RUNNER_UP * k, effect) - REVERSED_BY) {
                return k;
            }
        }
        return 2_000;
    }

    /** The mean of {sum, n} after {@code added} answers {@code effect} below it. */
    private static double after(double[] sum, int added, double effect) {
        return (sum[0] + added * (sum[0] / sum[1] - effect)) / (sum[1] + added);
    }

    /** The published survey after a conversation with staff: NPS first, at every staffed touchpoint. */
    private @Nullable Survey staffSurvey(Collection<TouchpointId> staffed) {
        for (JdbcSurveys.Summary summary : surveys.latestVersions()) {
            if (summary.status() != SurveyStatus.PUBLISHED) {
                continue;
            }
            Survey survey = surveys.byId(summary.id()).orElseThrow();
            if (survey.definition().questions().get(0).type() == QuestionType.NPS
                    && survey.definition().touchpoints().containsAll(staffed)) {
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
}
