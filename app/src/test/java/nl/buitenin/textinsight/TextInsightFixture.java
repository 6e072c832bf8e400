package nl.buitenin.textinsight;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.AnswerRecording;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.ResponseStatus;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.testing.Unique;

/** A touchpoint, a published survey with an open question, people and their answers, through the real services. */
final class TextInsightFixture {

    private final JdbcResponses responses;
    private final AnswerRecording recording;
    private final Persons persons;
    private final Consents consents;
    final TouchpointId touchpoint;
    private final Survey survey;

    private TextInsightFixture(ApplicationContext context) {
        this.responses = context.getBean(JdbcResponses.class);
        this.recording = context.getBean(AnswerRecording.class);
        this.persons = context.getBean(Persons.class);
        this.consents = context.getBean(Consents.class);
        JdbcJourneys journeys = context.getBean(JdbcJourneys.class);
        this.touchpoint = journeys.addTouchpoint(
                journeys.addStage(journeys.createJourney(new Names(Unique.name("Reis"), Unique.name("Trip"))), new Names("Onderweg", "On the way")),
                new Names(Unique.name("Gids"), Unique.name("Guide")), Channel.LOCATION, null);
        this.survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        context.getBean(JdbcSurveys.class).add(survey);
    }

    static TextInsightFixture in(ApplicationContext context) {
        return new TextInsightFixture(context);
    }

    PersonKey person(String name) {
        PersonKey person = persons.register("klant-" + UUID.randomUUID(), new ContactDetails(name, null, null));
        consents.give(person, PurposeId.FEEDBACK, "test");
        return person;
    }

    /** A completed response with an NPS score and the comment, through the answer page's path. */
    UUID answered(PersonKey person, String comment) {
        UUID id = responses.create(survey.id(), touchpoint, person, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl",
                ResponseStatus.INVITED, Instant.now(), Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();
        recording.complete(id, Map.of("nps", List.of("8"), "beter", List.of(comment)));
        return id;
    }
}
