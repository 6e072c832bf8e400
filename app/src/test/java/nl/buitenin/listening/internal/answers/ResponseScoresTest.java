package nl.buitenin.listening.internal.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.InteractionInput;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.ScoredResponse;
import nl.buitenin.listening.ScoredResponses;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/** Scores response by response: only completed ones, of the period and touchpoints asked for, with their question type. */
@DatabaseTest
class ResponseScoresTest {

    @Autowired
    ScoredResponses scored;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcResponses responses;
    @Autowired
    AnswerRecording recording;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InteractionIngest interactions;
    @Autowired
    JdbcJourneys journeys;

    @Test
    void readsTheCompletedResponsesOfThePeriodAndTouchpoint() {
        TouchpointId here = new TouchpointId(UUID.randomUUID());
        TouchpointId elsewhere = new TouchpointId(UUID.randomUUID());
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        UUID early = answered(survey, here, "9", "2026-02-01T10:00:00Z");
        UUID late = answered(survey, here, "3", "2026-02-03T10:00:00Z");
        answered(survey, here, "7", "2026-03-01T10:00:00Z");
        answered(survey, elsewhere, "10", "2026-02-02T10:00:00Z");
        responses.create(survey.id(), here, null, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl", ResponseStatus.INVITED,
                Instant.parse("2026-02-02T00:00:00Z"), Instant.parse("2026-02-20T00:00:00Z")).orElseThrow();
        jdbc.sql("update listening_response set staff_ref = 'm-17', team = 'Balie' where id = :id").param("id", late).update();

        List<ScoredResponse> february = scored.between(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"),
                Set.of(here));

        assertThat(february).extracting(ScoredResponse::response).containsExactly(early, late);
        ScoredResponse second = february.get(1);
        assertThat(second.first(QuestionType.NPS)).hasValueSatisfying(s -> {
            assertThat(s.questionKey()).isEqualTo("nps");
            assertThat(s.value()).isEqualTo(3);
        });
        assertThat(second.staff()).isEqualTo("m-17");
        assertThat(second.team()).isEqualTo("Balie");
        assertThat(february.get(0).staff()).isNull();
        assertThat(scored.ofSurvey(survey.id(), Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")))
                .hasSize(3);
    }

    @Test
    void aResponseInvitedAfterARecordedInteractionCarriesTheContactTimeOthersNone() {
        TouchpointId desk = touchpoint();
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        String source = "contact-" + UUID.randomUUID();
        Instant contact = Instant.parse("2026-04-02T09:00:00Z");
        assertThat(interactions.ingest(List.of(new InteractionInput(source, desk.value().toString(), contact.toString(), null, "CONTACT",
                null, null))).created()).isEqualTo(1);
        UUID afterContact = answered(survey, desk, "8", "2026-04-02T09:03:00Z", "interaction:" + source);
        UUID imported = answered(survey, desk, "6", "2026-04-02T09:04:00Z", "api:" + source);

        List<ScoredResponse> april = scored.between(Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-04-03T00:00:00Z"), Set.of(desk));

        assertThat(april).extracting(ScoredResponse::response).containsExactly(afterContact, imported);
        assertThat(april.get(0).contactAt()).isEqualTo(contact);
        // Only a response invited after a recorded interaction has a contact; the invitation time is no stand-in.
        assertThat(april.get(1).contactAt()).isNull();
    }

    private TouchpointId touchpoint() {
        JourneyId journey = journeys.createJourney(new Names(Unique.name("Wandelreis"), Unique.name("Walking holiday")));
        StageId stage = journeys.addStage(journey, new Names("Onderweg", "On the way"));
        return journeys.addTouchpoint(stage, new Names("Balie", "Desk"), Channel.LOCATION, "Utrecht");
    }

    private UUID answered(Survey survey, TouchpointId touchpoint, String nps, String at, String source) {
        UUID response = responses.create(survey.id(), touchpoint, null, source, ResponseChannel.EMAIL, "nl",
                ResponseStatus.INVITED, Instant.now(), Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();
        recording.complete(response, Map.of("nps", List.of(nps)));
        jdbc.sql("update listening_response set completed_at = :at where id = :id").param("at", OffsetDateTime.parse(at))
                .param("id", response).update();
        return response;
    }

    private UUID answered(Survey survey, TouchpointId touchpoint, String nps, String at) {
        UUID response = responses.create(survey.id(), touchpoint, null, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl",
                ResponseStatus.INVITED, Instant.now(), Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();
        recording.complete(response, Map.of("nps", List.of(nps), "beter", List.of("prima")));
        jdbc.sql("update listening_response set completed_at = :at where id = :id").param("at", OffsetDateTime.parse(at))
                .param("id", response).update();
        return response;
    }
}
