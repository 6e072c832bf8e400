package nl.buitenin.listening.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.springframework.stereotype.Component;

import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.journey.DailyVolume;
import nl.buitenin.journey.Interactions;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.AnswerOption;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.listening.internal.SurveyStatus;
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.listening.internal.answers.GivenAnswer;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.privacy.PersonKey;

/**
 * Two years of answers for Buitenpad's surveys: a few in every hundred contacts answer, with scores
 * that dip in the busy months (waiting on the phone, full groups) and rise at the trip touchpoints
 * after the groups were split by pace nine months ago (seed 000), and Dutch comments that name what
 * went well or wrong. Written as history through the one path of completed responses ({@link Completions#replay}):
 * stored and counted like any answer, but no invitations are sent and no events published. The completed responses
 * that meet their survey's case rules (a detractor, a low CSAT) are described exactly as a live answer would be and
 * shared as {@value #CASE_ANSWERS}, so that the loop module opens their cases through its own rule path, at the
 * moment of the answer.
 */
@Component
class AnswersDemo implements DemoStep {

    /** Share of contacts that give an answer. */
    static final double RESPONSE_RATE = 0.06;

    /**
     * Answers a touchpoint with a survey gets in the journey map's default period (the last 12 weeks), on average: the
     * demo is opened at any moment and its main touchpoints should then show figures (n of 30 or more), not "too few
     * answers". More people answer in those weeks (a recent survey push), at most {@value #RECENT_MOST} of the contacts.
     */
    static final double RECENT_ANSWERS = 45;
    static final double RECENT_MOST = 0.5;
    static final int RECENT_WEEKS = 12;

    /** The demo context key of the list of {@code CompletedResponse} that meet a case rule, oldest first. */
    static final String CASE_ANSWERS = "listening.caseAnswers";

    /** Seconds between the invitation and the answer. */
    private static final long INVITED_BEFORE = 3600;

    private static final List<String> PRAISE = List.of(
            "Geweldige gids, heel deskundig over de natuur onderweg.",
            "Prachtige route en alles was goed geregeld.",
            "Snel en vriendelijk geholpen aan de telefoon.",
            "De reisinformatie was duidelijk en op tijd.",
            "Mooie accommodaties, goed ontbijt.",
            "Fijne groep, precies het goede tempo voor ons.",
            "Boeken via de website ging makkelijk.",
            "Great guide and beautiful scenery, we will come back.");
    private static final List<String> COMPLAINTS = List.of(
            "De groep liep veel te snel, ik had geen tijd om van het uitzicht te genieten.",
            "Lang moeten wachten aan de telefoon voordat ik iemand sprak.",
            "De bevestiging van de boeking was onduidelijk; ik wist niet of het gelukt was.",
            "De accommodatie was gehorig en het bed was slecht.",
            "Graag een rustiger groep voor wie wil genieten in plaats van presteren.",
            "Mijn vraag via de chat werd pas na drie dagen beantwoord.",
            "De dagetappes waren langer dan in de brochure stond.",
            "The booking confirmation was confusing and arrived late.");

    private final JdbcSurveys surveys;
    private final Completions completions;
    private final Interactions interactions;

    AnswersDemo(JdbcSurveys surveys, Completions completions, Interactions interactions) {
        this.surveys = surveys;
        this.completions = completions;
        this.interactions = interactions;
    }

    @Override
    public int order() {
        return 450;
    }

    @Override
    public String name() {
        return "answers";
    }

    @Override
    public void load(DemoContext context) {
        Askable people = Askable.from(context.get("privacy.feedbackSince"));
        LocalDate improvement = context.today().minusMonths(9);
        List<CompletedResponse> caseAnswers = new ArrayList<>();
        for (JdbcSurveys.Summary summary : surveys.latestVersions()) {
            if (summary.status() != SurveyStatus.PUBLISHED) {
                continue;
            }
            Survey survey = surveys.byId(summary.id()).orElseThrow();
            List<TouchpointId> touchpoints = survey.definition().touchpoints();
            if (touchpoints.isEmpty()) {
                continue;
            }
            List<DailyVolume> volumes = interactions.dailyVolumes(touchpoints, context.firstDay(), context.today());
            // Each touchpoint's base mood from a generator of its own survey and place in it, so that it does not depend on
            // how many numbers the surveys before it drew (which varied with their volumes): a demo touchpoint keeps its
            // character from one start to the next (the assumptions demo tests the phone booking's scores).
            Random bases = context.random(name() + ":base:" + summary.titleNl());
            Map<TouchpointId, Double> base = new java.util.HashMap<>();
            touchpoints.forEach(t -> base.put(t, 0.68 + bases.nextDouble() * 0.2));
            // And each touchpoint's answers from a generator of its own: the day's volumes come ordered by the touchpoint's
            // id, which is new at every start, so one shared stream handed a touchpoint other draws each time.
            Map<TouchpointId, Random> draws = new java.util.HashMap<>();
            for (int i = 0; i < touchpoints.size(); i++) {
                draws.put(touchpoints.get(i), context.random(name() + ":" + summary.titleNl() + ":" + i));
            }
            LocalDate recent = context.today().minusWeeks(RECENT_WEEKS).plusDays(1);
            Map<TouchpointId, Double> recentRate = recentRates(volumes, recent);
            // One batch (and transaction) per survey and month keeps the demo fast without one huge transaction.
            Map<String, List<DailyVolume>> byMonth = new java.util.TreeMap<>();
            for (DailyVolume volume : volumes) {
                byMonth.computeIfAbsent(volume.day().withDayOfMonth(1).toString(), k -> new ArrayList<>()).add(volume);
            }
            for (List<DailyVolume> month : byMonth.values()) {
                List<Completions.Completion> batch = new ArrayList<>();
                for (DailyVolume volume : month) {
                    Random random = draws.get(volume.touchpoint());
                    double rate = volume.day().isBefore(recent) ? RESPONSE_RATE : recentRate.getOrDefault(volume.touchpoint(), RESPONSE_RATE);
                    int answers = binomial(random, volume.count(), rate);
                    for (int i = 0; i < answers; i++) {
                        double mood = mood(base.get(volume.touchpoint()), volume.day(), improvement, random);
                        Instant at = moment(volume.day(), random, context);
                        PersonKey person = random.nextDouble() < 0.1 ? null : people.pick(at.minusSeconds(INVITED_BEFORE), random);
                        batch.add(answer(survey, volume.touchpoint(), at, person, mood, volume.day().isAfter(improvement), random));
                    }
                }
                completions.replay(batch).stream().flatMap(Optional::stream).filter(r -> !r.caseRulesMatched().isEmpty())
                        .forEach(caseAnswers::add);
            }
        }
        caseAnswers.sort(java.util.Comparator.comparing(CompletedResponse::at));
        context.put(CASE_ANSWERS, List.copyOf(caseAnswers));
    }

    /** Per touchpoint the share of its contacts since {@code recent} that answer, for {@link #RECENT_ANSWERS} answers. */
    static Map<TouchpointId, Double> recentRates(List<DailyVolume> volumes, LocalDate recent) {
        Map<TouchpointId, Long> contacts = new java.util.HashMap<>();
        for (DailyVolume volume : volumes) {
            if (!volume.day().isBefore(recent)) {
                contacts.merge(volume.touchpoint(), (long) volume.count(), Long::sum);
            }
        }
        Map<TouchpointId, Double> rates = new java.util.HashMap<>();
        contacts.forEach((touchpoint, count) -> rates.put(touchpoint,
                Math.max(RESPONSE_RATE, Math.min(RECENT_MOST, RECENT_ANSWERS / Math.max(1, count)))));
        return rates;
    }

    /** When an answer about a contact on {@code day} comes in: that day or up to two days later, never after today began. */
    private static Instant moment(LocalDate day, Random random, DemoContext context) {
        Instant at = day.atTime(LocalTime.of(9 + random.nextInt(12), random.nextInt(60))).atZone(context.zone()).toInstant()
                .plusSeconds(3600L * 24 * random.nextInt(3));
        if (at.isAfter(context.today().atStartOfDay(context.zone()).toInstant())) {
            at = day.atTime(LocalTime.of(8, 0)).atZone(context.zone()).toInstant();
        }
        return at;
    }

    /**
     * The people who may be asked, by the moment they registered and consented (oldest first): an answer is only ever
     * from somebody who had registered and consented when invited. Without the privacy step every answer is anonymous.
     */
    record Askable(Instant[] since, PersonKey[] keys) {

        static Askable from(Map<PersonKey, Instant> feedbackSince) {
            if (feedbackSince == null) {
                return new Askable(new Instant[0], new PersonKey[0]);
            }
            List<Map.Entry<PersonKey, Instant>> sorted = new ArrayList<>(feedbackSince.entrySet());
            sorted.sort(Map.Entry.<PersonKey, Instant>comparingByValue().thenComparing(e -> e.getKey().value()));
            return new Askable(sorted.stream().map(Map.Entry::getValue).toArray(Instant[]::new),
                    sorted.stream().map(Map.Entry::getKey).toArray(PersonKey[]::new));
        }

        /** One of those who had registered and consented by {@code invited}, or null (anonymous) when nobody had. */
        PersonKey pick(Instant invited, Random random) {
            int low = 0;
            int high = since.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (since[middle].isAfter(invited)) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            return low == 0 ? null : keys[random.nextInt(low)];
        }
    }

    /** One answer as history: invited by e-mail an hour before, the link valid for two weeks. */
    private static Completions.Completion answer(Survey survey, TouchpointId touchpoint, Instant at, PersonKey person, double mood,
            boolean afterSplit, Random random) {
        String language = random.nextDouble() < 0.9 ? "nl" : "en";
        List<GivenAnswer> given = new ArrayList<>();
        for (SurveyQuestion question : survey.definition().questions()) {
            QuestionType type = question.type();
            if (type.isScale()) {
                int value = scale(type, mood, random);
                given.add(GivenAnswer.score(question.key(), value));
            } else if (type.hasOptions()) {
                List<AnswerOption> options = question.options();
                given.add(GivenAnswer.choices(question.key(), List.of(options.get(random.nextInt(options.size())).value())));
            } else if (random.nextDouble() < 0.45) {
                List<String> bank = mood < 0.5 || random.nextDouble() > mood ? COMPLAINTS : PRAISE;
                given.add(GivenAnswer.text(question.key(), afterTheSplit(bank.get(random.nextInt(bank.size())), at, afterSplit)));
            }
        }
        return Completions.Completion.invitedAndReceived(survey, touchpoint, person, "demo:" + java.util.UUID.randomUUID(),
                ResponseChannel.EMAIL, language, at.minusSeconds(INVITED_BEFORE), at.plusSeconds(14 * 86400L), given, at);
    }

    /** The comments about the group's pace (seed 000's "it went too fast"). */
    static final Set<String> PACE = Set.of(COMPLAINTS.get(0), COMPLAINTS.get(4));

    /**
     * After the walking groups were split by pace, three in four of the comments that would have been about a group
     * walking too fast are about something else (the long day stages): the split took most of that complaint away. Which
     * ones follows from the answer's moment, not from a further draw, so the other answers stay as they were.
     */
    static String afterTheSplit(String comment, Instant at, boolean afterSplit) {
        return afterSplit && PACE.contains(comment) && Math.floorMod(at.getEpochSecond() / 60, 4) != 0 ? COMPLAINTS.get(6) : comment;
    }

    /** 0 (unhappy) to 1 (delighted): the touchpoint's level, a dip in the busy months, better after the change. */
    static double mood(double base, LocalDate day, LocalDate improvement, Random random) {
        double mood = base;
        if (Set.of(Month.MAY, Month.JUNE, Month.AUGUST).contains(day.getMonth())) {
            mood -= 0.08;
        }
        if (day.isAfter(improvement)) {
            mood += 0.08;
        }
        return Math.max(0, Math.min(1, mood + random.nextGaussian() * 0.22));
    }

    static int scale(QuestionType type, double mood, Random random) {
        double position = Math.max(0, Math.min(1, mood + random.nextGaussian() * 0.08));
        return type.min() + (int) Math.round(position * (type.max() - type.min()));
    }

    private static int binomial(Random random, long trials, double p) {
        int successes = 0;
        for (long i = 0; i < trials; i++) {
            if (random.nextDouble() < p) {
                successes++;
            }
        }
        return successes;
    }
}
