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
import nl.buitenin.journey.DailyVolume;
import nl.buitenin.journey.Interactions;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.listening.internal.SurveyStatus;
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.listening.internal.answers.GivenAnswer;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.privacy.PersonKey;

/**
 * The answers of Buitenpad's pilot with a clearer booking page (seed 003). A pilot compared with the weeks before it
 * needs answers in those weeks too, so for twelve weeks that ended two weeks ago everyone who booked on the website
 * was asked how easy it was (not the usual few in a hundred): six weeks on the old page, then six on the clearer one,
 * which made booking genuinely easier. These answers go through the one path of completed responses like the rest of
 * the history ({@link Completions#replay}); the answers the answers step gave those weeks stay as they are. The pilot's
 * first and last day are shared as {@value #PERIOD} for the readings step, which defines the pilot.
 */
@Component
class PilotAnswersDemo implements DemoStep {

    /** The demo context key of the pilot's first and last day, a {@code List<LocalDate>}. */
    static final String PERIOD = "listening.bookingPagePilot";

    /** Days before today of the pilot's first and last day: six weeks that ended two weeks ago. */
    static final int FIRST_DAY_AGO = 55;
    static final int LAST_DAY_AGO = 14;

    /** Share of the website's booking contacts that answered during the pilot and the weeks before, on top of the usual answers. */
    static final double ASKED = 0.5;

    /**
     * A booker's mood on the old, four-step page (0 unhappy to 1 delighted; the demo's touchpoints lie around 0.8),
     * and how much easier the clearer page made booking.
     */
    static final double MOOD = 0.7;
    static final double EASIER = 0.3;

    private final JdbcSurveys surveys;
    private final Completions completions;
    private final Interactions interactions;

    PilotAnswersDemo(JdbcSurveys surveys, Completions completions, Interactions interactions) {
        this.surveys = surveys;
        this.completions = completions;
        this.interactions = interactions;
    }

    @Override
    public int order() {
        return 455;
    }

    @Override
    public String name() {
        return "pilot answers";
    }

    @Override
    public void load(DemoContext context) {
        LocalDate first = context.today().minusDays(FIRST_DAY_AGO);
        LocalDate last = context.today().minusDays(LAST_DAY_AGO);
        context.put(PERIOD, List.of(first, last));
        List<TouchpointId> website = ListeningDemo.touchpoints(context.get("journey.touchpoints"), "boeken op de website");
        if (website.isEmpty()) {
            return;
        }
        TouchpointId booking = website.get(0);
        Survey survey = surveys.latestVersions().stream().filter(s -> s.status() == SurveyStatus.PUBLISHED)
                .map(s -> surveys.byId(s.id()).orElseThrow())
                .filter(s -> s.definition().touchpoints().contains(booking)
                        && s.definition().questions().stream().anyMatch(q -> q.type() == QuestionType.CES))
                .findFirst().orElse(null);
        if (survey == null) {
            return;
        }
        Random random = context.random(name());
        AnswersDemo.Askable people = AnswersDemo.Askable.from(context.get("privacy.feedbackSince"));
        List<Completions.Completion> batch = new ArrayList<>();
        LocalDate baseline = first.minusDays(last.toEpochDay() - first.toEpochDay() + 1);
        for (DailyVolume volume : interactions.dailyVolumes(List.of(booking), baseline, last)) {
            double mood = volume.day().isBefore(first) ? MOOD : MOOD + EASIER;
            int asked = 0;
            for (long i = 0; i < volume.count(); i++) {
                if (random.nextDouble() < ASKED) {
                    asked++;
                }
            }
            for (int i = 0; i < asked; i++) {
                Instant at = volume.day().atTime(LocalTime.of(8 + random.nextInt(14), random.nextInt(60))).atZone(context.zone()).toInstant();
                PersonKey person = random.nextDouble() < 0.1 ? null : people.pick(at.minusSeconds(600), random);
                batch.add(Completions.Completion.invitedAndReceived(survey, booking, person, "demo:pilot:" + java.util.UUID.randomUUID(),
                        ResponseChannel.EMAIL, random.nextDouble() < 0.9 ? "nl" : "en", at.minusSeconds(600), at.plusSeconds(14 * 86400L),
                        answers(survey, mood, random), at));
            }
        }
        completions.replay(batch);
    }

    /** A booker's answers: the usual spread around the page's mood. */
    private static List<GivenAnswer> answers(Survey survey, double pageMood, Random random) {
        double mood = Math.max(0, Math.min(1, pageMood + random.nextGaussian() * 0.22));
        List<GivenAnswer> given = new ArrayList<>();
        for (SurveyQuestion question : survey.definition().questions()) {
            if (question.type().isScale()) {
                given.add(GivenAnswer.score(question.key(), AnswersDemo.scale(question.type(), mood, random)));
            } else if (question.type().hasOptions()) {
                // The happier a booker, the likelier no part took effort.
                boolean easy = random.nextDouble() < mood && question.options().stream().anyMatch(o -> o.value().equals("nothing"));
                String value = easy ? "nothing" : question.options().get(random.nextInt(question.options().size())).value();
                given.add(GivenAnswer.choices(question.key(), List.of(value)));
            }
        }
        return given;
    }
}
