package nl.buitenin.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.ContactPolicy;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.AnswerRecording;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.ResponseStatus;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.Cases;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.internal.Improving;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;

/**
 * Past a purpose's retention every module lets go of what it held for it: answers lose their text and
 * their person, the contact log goes, closed cases lose their person and texts. Newer data stays.
 */
@DatabaseTest
class RetentionAcrossModulesTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcResponses responses;
    @Autowired
    AnswerRecording recording;
    @Autowired
    ContactPolicy policy;
    @Autowired
    Cases cases;
    @Autowired
    Themes themes;
    @Autowired
    Improving improving;

    @Test
    void oldDataOfEachModuleIsAnonymisedAndNewDataStays() throws Exception {
        PersonKey person = new PersonKey("p_" + "r".repeat(20) + "aaaaaa");
        TouchpointId touchpoint = new TouchpointId(UUID.randomUUID());
        Instant threeYearsAgo = Instant.now().minus(3 * 365, ChronoUnit.DAYS);
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        UUID old = answered(survey, touchpoint, person, "Oude opmerking van lang geleden");
        UUID recent = answered(survey, touchpoint, person, "Recente opmerking");
        jdbc.update("update listening_response set completed_at = ?, invited_at = ? where id = ?",
                OffsetDateTime.ofInstant(threeYearsAgo, ZoneOffset.UTC), OffsetDateTime.ofInstant(threeYearsAgo, ZoneOffset.UTC), old);
        policy.recordAttempt(person, touchpoint, ContactKind.INVITATION, Channel.EMAIL, threeYearsAgo);
        policy.recordAttempt(person, touchpoint, ContactKind.INVITATION, Channel.EMAIL, Instant.now());
        CaseId oldCase = cases.openFor(CaseSource.complaint("old-" + UUID.randomUUID()), CaseType.COMPLAINT, person, touchpoint,
                "Klacht uit een ver verleden");
        jdbc.update("update loop_case set status = 'CLOSED', closed_at = ? where id = ?",
                OffsetDateTime.ofInstant(threeYearsAgo, ZoneOffset.UTC), oldCase.value());
        // A theme on the old and on the recent answer; done "you said, we did" calls, one long ago and one recent.
        ThemeId theme = themes.add("Bewaren " + UUID.randomUUID(), "Keeping", null).id();
        themes.tagAnswer(old, theme, "analist", ThemeTagging.Tagger.USER);
        themes.tagAnswer(recent, theme, "analist", ThemeTagging.Tagger.USER);
        var action = improving.plan("Actie", "Action", "Wat er veranderde.", "What changed.", null, null, java.util.Set.of(theme));
        UUID oldTask = doneTask(action.id().value(), person, threeYearsAgo);
        UUID recentTask = doneTask(action.id().value(), new PersonKey("p_" + "s".repeat(20) + "aaaaaa"), Instant.now());
        awaitEventsHandled();

        Instant cutoff = Instant.now().minus(2 * 365, ChronoUnit.DAYS);
        transactions.executeWithoutResult(s -> {
            events.publishEvent(new RetentionExpired(PurposeId.FEEDBACK, cutoff));
            events.publishEvent(new RetentionExpired(PurposeId.COMPLAINT_HANDLING, cutoff));
            events.publishEvent(new RetentionExpired(PurposeId.SERVICE_IMPROVEMENT, cutoff));
        });
        awaitEventsHandled();

        assertThat(responses.byId(old).orElseThrow().person()).isNull();
        assertThat(responses.byId(old).orElseThrow().answers()).allMatch(a -> a.text() == null).anyMatch(a -> a.score() != null);
        assertThat(responses.byId(recent).orElseThrow().person()).isEqualTo(person);
        assertThat(responses.byId(recent).orElseThrow().answers()).anyMatch(a -> "Recente opmerking".equals(a.text()));
        assertThat(jdbc.queryForObject("select count(*) from contact_attempt where person_key = ?", Long.class, person.value()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from loop_case where id = ? and person_key is null and summary not like '%verleden%'",
                Long.class, oldCase.value())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from loop_answer_theme where response_id = ? and person_key is null",
                Long.class, old)).as("the old answer keeps its theme, without the person").isEqualTo(1);
        assertThat(jdbc.queryForObject("select person_key from loop_answer_theme where response_id = ?", String.class, recent))
                .isEqualTo(person.value());
        assertThat(jdbc.queryForObject("select count(*) from loop_tell_back_task where id = ?", Long.class, oldTask))
                .as("a done call-back task past retention is removed").isZero();
        assertThat(jdbc.queryForObject("select count(*) from loop_tell_back_task where id = ?", Long.class, recentTask)).isEqualTo(1);
    }

    private UUID doneTask(UUID action, PersonKey person, Instant done) {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.ofInstant(done, ZoneOffset.UTC);
        jdbc.update("insert into loop_tell_back_task (id, action_id, person_key, team, language, text, created_at, attempts, "
                + "outcome, agent, note, completed_at) values (?, ?, ?, 'Klantenservice', 'nl', 'Wat er veranderde.', ?, 1, "
                + "'REACHED', 'medewerker', 'Blij mee', ?)", id, action, person.value(), at, at);
        return id;
    }

    private UUID answered(Survey survey, TouchpointId touchpoint, PersonKey person, String comment) {
        UUID id = responses.create(survey.id(), touchpoint, person, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl",
                ResponseStatus.INVITED, Instant.now(), Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();
        recording.complete(id, Map.of("nps", List.of("9"), "beter", List.of(comment)));
        return id;
    }

    private void awaitEventsHandled() throws InterruptedException {
        EventsHandled.all(registry).await();
    }
}
