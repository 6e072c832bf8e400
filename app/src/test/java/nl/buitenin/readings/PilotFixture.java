package nl.buitenin.readings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.LocalizedText;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.listening.internal.answers.GivenAnswer;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.testing.Unique;

/**
 * A journey of its own with three touchpoints in a stage "Boeken" and a survey asking NPS, CSAT and CES; answers go
 * in through listening's one path of completed responses, completed at noon of the day given.
 */
final class PilotFixture {

    final TouchpointId website;
    final TouchpointId phone;
    final TouchpointId shop;
    final String websiteName;
    final String phoneName;
    private final Survey survey;
    private final Completions completions;
    private final ZoneId zone;

    private PilotFixture(ApplicationContext context) {
        JdbcJourneys journeys = context.getBean(JdbcJourneys.class);
        JourneyId journey = journeys.createJourney(new Names(Unique.name("Pilotreis"), Unique.name("Pilot journey")));
        StageId stage = journeys.addStage(journey, new Names("Boeken", "Booking"));
        websiteName = Unique.name("Boeken op de site");
        phoneName = Unique.name("Boeken per telefoon");
        website = journeys.addTouchpoint(stage, new Names(websiteName, websiteName + " (en)"), Channel.WEB, null);
        phone = journeys.addTouchpoint(stage, new Names(phoneName, phoneName + " (en)"), Channel.PHONE, null);
        shop = journeys.addTouchpoint(stage, new Names(Unique.name("Winkel"), Unique.name("Shop")), Channel.LOCATION, "Utrecht");
        SurveyDefinition definition = new SurveyDefinition(new LocalizedText("Na het boeken", "After booking"), LocalizedText.empty(),
                List.of(question("nps", QuestionType.NPS), question("csat", QuestionType.CSAT), question("ces", QuestionType.CES)),
                new LocalizedText("Bedankt.", "Thank you."), List.of(website, phone, shop), List.of());
        survey = Survey.draft(definition, Instant.now());
        survey.publish(Instant.now());
        context.getBean(JdbcSurveys.class).add(survey);
        completions = context.getBean(Completions.class);
        zone = context.getBean(Organisations.class).current().timeZone();
    }

    static PilotFixture in(ApplicationContext context) {
        return new PilotFixture(context);
    }

    /** One completed response per value, all of the question type given, completed on {@code day} at noon. */
    void answers(TouchpointId touchpoint, LocalDate day, QuestionType type, int... values) {
        List<Completions.Completion> batch = new ArrayList<>();
        Instant at = day.atTime(LocalTime.NOON).atZone(zone).toInstant();
        String key = type.name().toLowerCase(java.util.Locale.ROOT);
        for (int value : values) {
            batch.add(Completions.Completion.invitedAndReceived(survey, touchpoint, null, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL,
                    "nl", at.minusSeconds(3600), at.plusSeconds(14 * 86400L), List.of(GivenAnswer.score(key, value)), at));
        }
        completions.replay(batch);
    }

    /** {@code count} times the value. */
    static int[] times(int count, int value) {
        int[] values = new int[count];
        java.util.Arrays.fill(values, value);
        return values;
    }

    static int[] join(int[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    private static SurveyQuestion question(String key, QuestionType type) {
        return new SurveyQuestion(key, type, new LocalizedText("Vraag " + key, "Question " + key), List.of(), false);
    }
}
