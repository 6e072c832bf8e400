package nl.buitenin.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.answers.AnswerLinks;
import nl.buitenin.listening.internal.answers.AnswerRecording;
import nl.buitenin.listening.internal.answers.Invitations;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.Cases;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.privacy.internal.Erasure;
import nl.buitenin.testing.DatabaseTest;

/**
 * A person who was invited, answered with a comment naming themselves, and has a case, is forgotten:
 * afterwards no table of any module holds their key, name, e-mail address or phone number, on H2 and
 * on PostgreSQL; their scores remain as anonymous counts.
 */
@DatabaseTest
class ErasureAcrossModulesTest {

    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    Erasure erasure;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcResponses responses;
    @Autowired
    AnswerRecording recording;
    @Autowired
    Invitations invitations;
    @Autowired
    StoredContactPolicy policy;
    @Autowired
    Cases cases;
    @Autowired
    nl.buitenin.loop.internal.Themes themes;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void leavesNothingOfThePersonInAnyModule() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String name = "Joke Vergeetmij";
        String email = "joke." + id + "@voorbeeld.nl";
        PersonKey joke = persons.register("KLANT-" + id, new ContactDetails(name, email, "+31612345678"));
        consents.give(joke, PurposeId.FEEDBACK, "test");
        policy.change(new PolicyFile(1.0, null, null, 30, null, null, "00:00", "00:00", List.of(), 0, "EMAIL"));
        TouchpointId touchpoint = new TouchpointId(UUID.randomUUID());
        SurveyDefinition trip = SurveyFixtures.tripEvaluation();
        Survey survey = Survey.draft(new SurveyDefinition(trip.title(), null, trip.questions(), trip.closing(), List.of(touchpoint),
                List.of()), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);

        assertThat(invitations.invite(joke, touchpoint, "interaction:" + id, Instant.now())).isEqualTo(Invitations.Outcome.INVITED);
        UUID response = responses.bySource("interaction:" + id).orElseThrow();
        recording.complete(response, Map.of("nps", List.of("3"),
                "beter", List.of("Ik ben " + name + ", bel me op 06-12345678 of mail " + email)));
        cases.openFor(CaseSource.complaint("c-" + id), CaseType.COMPLAINT, joke, touchpoint, "Klacht van " + name);
        themes.tagAnswer(response, themes.add("Wissen " + id, "Erasing " + id, null).id(), "analist", ThemeTagging.Tagger.USER);
        awaitEventsHandled();

        List<String> identifiers = List.of(joke.value(), name, email, "+31612345678", "06-12345678", "KLANT-" + id);
        DatabaseScan scan = new DatabaseScan(jdbc);
        assertThat(scan.find(identifiers)).as("the person is in several modules before").isNotEmpty();

        assertThat(erasure.erase(joke, "test")).isTrue();
        awaitEventsHandled();

        assertThat(scan.find(identifiers)).isEmpty();
        assertThat(responses.byId(response).orElseThrow().answers()).as("the score stays, anonymous")
                .anyMatch(a -> a.score() != null && a.score() == 3);
    }

    private void awaitEventsHandled() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Integer open = jdbc.queryForObject("select count(*) from event_publication", Integer.class);
            if (open == 0) {
                Thread.sleep(100);
                if (jdbc.queryForObject("select count(*) from event_publication", Integer.class) == 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("event handlers did not complete within 30 s");
    }
}
