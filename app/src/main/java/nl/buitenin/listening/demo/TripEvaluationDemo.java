package nl.buitenin.listening.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.LocalizedText;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyEditing;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.listening.internal.answers.GivenAnswer;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.privacy.PersonKey;

/**
 * A trip evaluation for the key-driver page: after the last day stage the route app asks for the NPS and for
 * satisfaction with the route, the guide, the accommodation, the luggage transport and the information beforehand.
 * Half a year of anonymous answers, generated from known weights on correlated parts ({@link #WEIGHTS}: a traveller who
 * liked one part tends to like the others), so the page has a clear top driver — the accommodation, which also scores
 * lowest and so lands in "fix first". Runs after the other listening steps, which take the newest published survey for
 * their reminders and widget.
 */
@Component
class TripEvaluationDemo implements DemoStep {

    /** The parts in question order, with each one's weight on the overall verdict and its level (latent, sd 1). */
    static final String[] KEYS = {"route", "guide", "stay", "luggage", "info"};
    static final double[] WEIGHTS = {0.45, 0.55, 0.9, 0.12, 0.2};
    static final double[] LEVELS = {0.7, 0.5, -0.45, 0.25, 0.35};
    /** The share of a part's latent score shared with the others (the traveller's general mood): correlation 0.36. */
    static final double SHARED = 0.6;
    /** Half a year of answers, as the key-driver page reads them ({@code TripEvaluationDemoTest}). */
    static final int WEEKS = 26;
    static final int PER_DAY = 2;
    /**
     * The walking groups were split by pace nine months ago (the groups and answers demos' date); the trip evaluation
     * runs from half a year before that, so the split page has the same walkers' answers on both sides.
     */
    static final int SPLIT_MONTHS_AGO = 9;
    static final int WEEKS_BEFORE_SPLIT = 26;
    /** Walkers per day's answers: {@link #PER_DAY} for every {@value #PEOPLE_PER_PAIR} people, at least that. */
    static final int PEOPLE_PER_PAIR = 400;

    /**
     * Answers a day: a club of more people walks more trips, so the trip's comments keep their weight beside the other
     * surveys' comments, which grow with the people (two a day for the 400-person test demo, ten for the default 2 000).
     */
    static int perDay(int people) {
        return Math.max(PER_DAY, (int) Math.round(PER_DAY * people / (double) PEOPLE_PER_PAIR));
    }

    /** The open question, last: what the traveller wants to tell. */
    static final String COMMENT = "comment";
    /**
     * The demo context key of the walkers' choice at the split ({@code Map<PersonKey, Boolean>}, true for the relaxed
     * group): the groups demo records that choice as their membership.
     */
    static final String WALKERS = "listening.walkersRelaxed";

    private final SurveyEditing editing;
    private final Completions completions;

    TripEvaluationDemo(SurveyEditing editing, Completions completions) {
        this.editing = editing;
        this.completions = completions;
    }

    @Override
    public int order() {
        return 480;
    }

    @Override
    public String name() {
        return "trip-evaluation";
    }

    @Override
    public void load(DemoContext context) {
        List<TouchpointId> touchpoints = ListeningDemo.touchpoints(context.get("journey.touchpoints"), "dagetappe", "day stage");
        if (touchpoints.isEmpty()) {
            return; // journeys built separately: there is no trip to ask about
        }
        SurveyDefinition definition = new SurveyDefinition(new LocalizedText("Uw wandelreis beoordeeld", "Your walking trip rated"),
                new LocalizedText("Zes korte vragen over de reis die u vandaag afrondt, en ruimte voor wat u ons nog wilt vertellen.", "Six short questions about the trip you finish today, and room for anything else you want to tell us."),
                List.of(question("nps", QuestionType.NPS, "Hoe waarschijnlijk is het dat u Buitenpad aanbeveelt bij vrienden of familie?",
                                "How likely is it that you would recommend Buitenpad to a friend or relative?"),
                        question("route", QuestionType.CSAT, "Hoe tevreden bent u over de route?", "How satisfied are you with the route?"),
                        question("guide", QuestionType.CSAT, "Hoe tevreden bent u over de gids?", "How satisfied are you with the guide?"),
                        question("stay", QuestionType.CSAT, "Hoe tevreden bent u over de accommodaties?",
                                "How satisfied are you with the accommodation?"),
                        new SurveyQuestion("luggage", QuestionType.CSAT, new LocalizedText("Hoe tevreden bent u over het bagagevervoer?",
                                "How satisfied are you with the luggage transport?"), List.of(), false),
                        question("info", QuestionType.CSAT, "Hoe tevreden bent u over de informatie vooraf?",
                                "How satisfied are you with the information before the trip?"),
                        new SurveyQuestion(COMMENT, QuestionType.OPEN_TEXT, new LocalizedText("Wilt u ons nog iets vertellen over de reis?",
                                "Is there anything else you would like to tell us about the trip?"), List.of(), false)),
                new LocalizedText("Dank u wel voor uw antwoorden.", "Thank you for your answers."), List.of(touchpoints.get(0)), List.of());
        Survey survey = editing.publish(editing.create(definition).survey().id());
        Random random = context.random(name());
        LocalDate split = context.today().minusMonths(SPLIT_MONTHS_AGO);
        Walkers walkers = Walkers.from(context.get("privacy.feedbackSince"), random);
        LocalDate first = split.minusWeeks(WEEKS_BEFORE_SPLIT);
        int perDay = perDay(context.people());
        List<Completions.Completion> batch = new ArrayList<>();
        for (LocalDate day = first; day.isBefore(context.today()); day = day.plusDays(1)) {
            for (int i = 0; i < perDay; i++) {
                Instant at = day.atTime(LocalTime.of(16 + random.nextInt(5), random.nextInt(60))).atZone(context.zone()).toInstant();
                String language = random.nextDouble() < 0.9 ? "nl" : "en";
                Walker walker = walkers.pick(at.minusSeconds(600), random);
                List<GivenAnswer> given = new ArrayList<>(answers(random));
                commented(given, walker, !day.isBefore(split), "en".equals(language), random);
                batch.add(Completions.Completion.invitedAndReceived(survey, touchpoints.get(0), walker == null ? null : walker.person(),
                        "demo:trip:" + day + ":" + i, ResponseChannel.WIDGET, language, at.minusSeconds(600), at.plusSeconds(14 * 86400L),
                        given, at));
            }
            if (batch.size() >= 500) {
                completions.replay(batch);
                batch.clear();
            }
        }
        completions.replay(batch);
        context.put(WALKERS, walkers.chosen());
    }

    /**
     * Adds what a traveller writes to their answers, if anything: a walker whose pace does not fit their group
     * complains about it far more often than one who walks with their own kind, and such a complaint comes with a
     * lower NPS (two points: the annoyance colours the whole trip); otherwise the part they rated lowest, if it was
     * poor, is what they write about, and else now and then a word of praise. Before the split everybody walked in one
     * group; after it each walker walks in the group they chose (see {@link Walkers}).
     */
    static void commented(List<GivenAnswer> given, @Nullable Walker walker, boolean afterSplit, boolean english, Random random) {
        double paceTrouble;
        TripComments.Kind paceKind;
        if (walker == null) {
            paceTrouble = afterSplit ? 0.08 : 0.26;
            paceKind = random.nextDouble() < 0.6 ? TripComments.Kind.TOO_FAST : TripComments.Kind.TOO_SLOW;
        } else {
            paceKind = walker.relaxed() ? TripComments.Kind.TOO_FAST : TripComments.Kind.TOO_SLOW;
            if (!afterSplit) {
                paceTrouble = walker.relaxed() ? 0.34 : 0.24;
            } else if (walker.relaxed() != walker.joinsRelaxed()) {
                paceTrouble = 0.35; // in the other group than their pace: the old complaint stays
            } else {
                paceTrouble = walker.relaxed() ? 0.03 : 0.10;
            }
        }
        String text = null;
        if (random.nextDouble() < paceTrouble) {
            if (random.nextDouble() < 0.8) {
                text = TripComments.pick(paceKind, english, random);
            }
            lower(given, "nps", 2);
        } else {
            String worst = worstPart(given);
            if (worst != null && random.nextDouble() < 0.55) {
                text = TripComments.pick(about(worst, random), english, random);
            } else if (random.nextDouble() < 0.3) {
                text = TripComments.pick(TripComments.Kind.PRAISE, english, random);
            }
        }
        if (text != null) {
            given.add(GivenAnswer.text(COMMENT, text));
        }
    }

    /** The part rated 1 or 2, the lowest of those (the first in question order on a tie); null when none was. */
    private static @Nullable String worstPart(List<GivenAnswer> given) {
        String worst = null;
        int lowest = 3;
        for (GivenAnswer answer : given) {
            if (!answer.questionKey().equals("nps") && answer.score() != null && answer.score() < lowest) {
                lowest = answer.score();
                worst = answer.questionKey();
            }
        }
        return worst;
    }

    /** What a complaint about a poorly rated part is about: a poor stay is sometimes the food. */
    private static TripComments.Kind about(String part, Random random) {
        return switch (part) {
            case "route" -> TripComments.Kind.ROUTE;
            case "guide" -> TripComments.Kind.GUIDE;
            case "stay" -> random.nextDouble() < 0.25 ? TripComments.Kind.FOOD : TripComments.Kind.STAY;
            case "info" -> TripComments.Kind.BOOKING;
            default -> TripComments.Kind.FOOD;
        };
    }

    private static void lower(List<GivenAnswer> given, String key, int by) {
        for (int i = 0; i < given.size(); i++) {
            GivenAnswer answer = given.get(i);
            if (answer.questionKey().equals(key) && answer.score() != null) {
                given.set(i, GivenAnswer.score(key, Math.max(0, answer.score() - by)));
            }
        }
    }

    /** A walker of the club: a person who may be asked, whether they like a relaxed pace and which group they joined. */
    record Walker(PersonKey person, boolean relaxed, boolean joinsRelaxed) {
    }

    /**
     * The club's walkers, drawn from the people who may be asked (one in three of them): each likes a relaxed pace or a
     * brisk one (about half each), and at the split nine in ten joined the group of their pace, the others the other one
     * (to walk with a friend, or because the date suited). Answers come from a walker who had consented by the
     * invitation, or are anonymous (one in eight, or when nobody had consented yet).
     */
    record Walkers(Instant[] since, Walker[] walkers) {

        static Walkers from(@Nullable Map<PersonKey, Instant> feedbackSince, Random random) {
            if (feedbackSince == null) {
                return new Walkers(new Instant[0], new Walker[0]);
            }
            List<Map.Entry<PersonKey, Instant>> sorted = new ArrayList<>(feedbackSince.entrySet());
            sorted.sort(Map.Entry.<PersonKey, Instant>comparingByValue().thenComparing(e -> e.getKey().value()));
            List<Instant> since = new ArrayList<>();
            List<Walker> walkers = new ArrayList<>();
            for (Map.Entry<PersonKey, Instant> entry : sorted) {
                if (random.nextDouble() < 1.0 / 3) {
                    boolean relaxed = random.nextDouble() < 0.55;
                    since.add(entry.getValue());
                    walkers.add(new Walker(entry.getKey(), relaxed, random.nextDouble() < 0.9 == relaxed));
                }
            }
            return new Walkers(since.toArray(Instant[]::new), walkers.toArray(Walker[]::new));
        }

        @Nullable Walker pick(Instant invited, Random random) {
            if (random.nextDouble() < 1.0 / 8) {
                return null;
            }
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
            return low == 0 ? null : walkers[random.nextInt(low)];
        }

        /** Per walker the group they joined at the split: true for the relaxed one. */
        Map<PersonKey, Boolean> chosen() {
            Map<PersonKey, Boolean> chosen = new LinkedHashMap<>();
            for (Walker walker : walkers) {
                chosen.put(walker.person(), walker.joinsRelaxed());
            }
            return Map.copyOf(chosen);
        }
    }

    /**
     * One traveller's answers: each part's latent score mixes the shared mood with its own, shifted by its level; the
     * overall verdict is the weighted sum plus noise, on 0–10; the parts on 1–5. One in seven travellers carried their
     * own luggage and leaves that question open.
     */
    static List<GivenAnswer> answers(Random random) {
        double mood = random.nextGaussian();
        double verdict = 0;
        List<GivenAnswer> parts = new ArrayList<>();
        for (int j = 0; j < KEYS.length; j++) {
            double latent = SHARED * mood + Math.sqrt(1 - SHARED * SHARED) * random.nextGaussian();
            verdict += WEIGHTS[j] * latent;
            if (!KEYS[j].equals("luggage") || random.nextDouble() >= 1.0 / 7) {
                parts.add(GivenAnswer.score(KEYS[j], clamp(Math.round(3.6 + LEVELS[j] + 0.85 * latent), 1, 5)));
            }
        }
        verdict += 0.5 * random.nextGaussian();
        List<GivenAnswer> given = new ArrayList<>();
        given.add(GivenAnswer.score("nps", clamp(Math.round(7.6 + 1.25 * verdict), 0, 10)));
        given.addAll(parts);
        return given;
    }

    private static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }

    private static SurveyQuestion question(String key, QuestionType type, String nl, String en) {
        return new SurveyQuestion(key, type, new LocalizedText(nl, en), List.of(), true);
    }
}
