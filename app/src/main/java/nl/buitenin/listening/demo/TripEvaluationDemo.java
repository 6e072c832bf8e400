package nl.buitenin.listening.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
    static final int WEEKS = 26;
    static final int PER_DAY = 2;

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
                new LocalizedText("Zes korte vragen over de reis die u vandaag afrondt.", "Six short questions about the trip you finish today."),
                List.of(question("nps", QuestionType.NPS, "Hoe waarschijnlijk is het dat u Buitenpad aanbeveelt bij vrienden of familie?",
                                "How likely is it that you would recommend Buitenpad to a friend or relative?"),
                        question("route", QuestionType.CSAT, "Hoe tevreden bent u over de route?", "How satisfied are you with the route?"),
                        question("guide", QuestionType.CSAT, "Hoe tevreden bent u over de gids?", "How satisfied are you with the guide?"),
                        question("stay", QuestionType.CSAT, "Hoe tevreden bent u over de accommodaties?",
                                "How satisfied are you with the accommodation?"),
                        new SurveyQuestion("luggage", QuestionType.CSAT, new LocalizedText("Hoe tevreden bent u over het bagagevervoer?",
                                "How satisfied are you with the luggage transport?"), List.of(), false),
                        question("info", QuestionType.CSAT, "Hoe tevreden bent u over de informatie vooraf?",
                                "How satisfied are you with the information before the trip?")),
                new LocalizedText("Dank u wel voor uw antwoorden.", "Thank you for your answers."), List.of(touchpoints.get(0)), List.of());
        Survey survey = editing.publish(editing.create(definition).survey().id());
        Random random = context.random(name());
        LocalDate first = context.today().minusWeeks(WEEKS).plusDays(1);
        List<Completions.Completion> batch = new ArrayList<>();
        for (LocalDate day = first; day.isBefore(context.today()); day = day.plusDays(1)) {
            for (int i = 0; i < PER_DAY; i++) {
                Instant at = day.atTime(LocalTime.of(16 + random.nextInt(5), random.nextInt(60))).atZone(context.zone()).toInstant();
                String language = random.nextDouble() < 0.9 ? "nl" : "en";
                batch.add(Completions.Completion.invitedAndReceived(survey, touchpoints.get(0), null, "demo:trip:" + day + ":" + i,
                        ResponseChannel.WIDGET, language, at.minusSeconds(600), at.plusSeconds(14 * 86400L), answers(random), at));
            }
        }
        completions.replay(batch);
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
