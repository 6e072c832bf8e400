package nl.buitenin.listening.internal.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.InteractionsRecorded.Interaction;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.ScoredResponse;
import nl.buitenin.listening.ScoredResponses;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PurposeRefusedException;
import nl.buitenin.privacy.RetentionExpired;
import nl.buitenin.privacy.StaffReads;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;

/**
 * Who served the person, on responses: an invitation made for an interaction copies its staff reference and team onto
 * the response, the answers API takes them (a name or e-mail address refused by field), scores are read with them; a
 * privacy officer exports and erases a staff reference in interactions and responses (the team stays); the purpose's
 * retention removes old references; reading per staff member is allowed and logged once per computation under
 * "service-quality-staff" and refused once that purpose is retired.
 */
@DatabaseTest
@AutoConfigureMockMvc
class StaffOnResponsesTest {

    @DynamicPropertySource
    static void noMailSent(DynamicPropertyRegistry registry) {
        registry.add("buitenin.mail.poll", () -> "PT1H");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Invitations invitations;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    StoredContactPolicy policy;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ScoredResponses scored;
    @Autowired
    StaffReads staffReads;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EventPublicationRegistry registry;

    TouchpointId touchpoint;
    Survey survey;
    String staff;

    @BeforeEach
    void surveyOnATouchpointAndAnAlwaysAskingPolicy() {
        JourneyId journey = journeys.createJourney(new Names(Unique.name("Boeken"), Unique.name("Booking")));
        StageId stage = journeys.addStage(journey, new Names("Boeken", "Booking"));
        touchpoint = journeys.addTouchpoint(stage, new Names("Balie", "Desk"), Channel.LOCATION, "Utrecht");
        SurveyDefinition trip = SurveyFixtures.tripEvaluation();
        survey = Survey.draft(new SurveyDefinition(trip.title(), trip.intro(), trip.questions(), trip.closing(), List.of(touchpoint),
                List.of()), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        policy.change(new PolicyFile(1.0, null, null, 30, null, null, "00:00", "00:00", List.of(), 0, "EMAIL"));
        staff = "mw-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anInvitationForAnInteractionCarriesItsStaffAndTeamOntoTheResponse() {
        PersonKey anna = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Anna", "anna@voorbeeld.nl", null));
        consents.give(anna, PurposeId.FEEDBACK, "test");
        String source = UUID.randomUUID().toString();
        transactions.executeWithoutResult(s -> invitations.on(new Interaction(touchpoint, anna, Instant.now(), source,
                InteractionKind.CONTACT, null, null, staff, "Boekingen Utrecht")));
        assertThat(jdbc.sql("select staff_ref || '|' || team from listening_response where source_ref = :s")
                .param("s", "interaction:" + source).query(String.class).single()).isEqualTo(staff + "|Boekingen Utrecht");
    }

    @Test
    void theAnswersApiTakesStaffAndTeamAndRefusesANameByField() throws Exception {
        String key = apiKeys.issue("answers-" + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        String batch = """
                {"items": [
                  {"sourceId": "%1$s-1", "survey": "%2$s", "touchpoint": "%3$s", "at": "%4$s", "answers": {"nps": ["10"]},
                   "staff": "%5$s", "team": "Boekingen Utrecht"},
                  {"sourceId": "%1$s-2", "survey": "%2$s", "touchpoint": "%3$s", "at": "%4$s", "answers": {"nps": ["8"]},
                   "staff": "Jan Jansen", "team": "Boekingen Utrecht"},
                  {"sourceId": "%1$s-3", "survey": "%2$s", "touchpoint": "%3$s", "at": "%4$s", "answers": {"nps": ["8"]},
                   "team": "Boekingen {Utrecht}"}
                ]}""".formatted(prefix, survey.id().value(), touchpoint.value(), at, staff);
        String report = mvc.perform(post("/api/v1/answers").header("Authorization", "Bearer " + key).header("Accept-Language", "nl")
                        .contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.items[1].errors[0].field").value("staff"))
                .andExpect(jsonPath("$.items[2].errors[0].field").value("team"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(report, "$.items[1].errors[0].message")).startsWith("'Jan Jansen' is geen pseudonieme medewerkersverwijzing");
        mvc.perform(post("/api/v1/answers").header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.duplicates").value(1));

        List<ScoredResponse> read = scored.between(at.toInstant().minusSeconds(1), Instant.now(), Set.of(touchpoint));
        assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.staff()).isEqualTo(staff);
            assertThat(r.team()).isEqualTo("Boekingen Utrecht");
        });
    }

    @Test
    void aPrivacyOfficerShowsAndErasesAStaffReferenceAndTheTeamStays() throws Exception {
        String other = staff + "-x";
        String ingest = apiKeys.issue("till-" + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        String at = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.SECONDS).toString();
        String prefix = UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + ingest).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"sourceId\":\"" + prefix + "-1\",\"touchpoint\":\"" + touchpoint + "\",\"at\":\"" + at
                                + "\",\"staff\":\"" + staff + "\",\"team\":\"Reisadvies\"},{\"sourceId\":\"" + prefix + "-2\",\"touchpoint\":\""
                                + touchpoint + "\",\"at\":\"" + at + "\",\"staff\":\"" + other + "\",\"team\":\"Reisadvies\"}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
        transactions.executeWithoutResult(s -> jdbc.sql(
                        "insert into listening_response (id, survey_id, touchpoint_id, source_ref, channel, language, status, invited_at, "
                                + "completed_at, created_at, staff_ref, team) values (:id, :survey, :tp, :src, 'IMPORT', 'nl', 'COMPLETED', :at, :at, :at, :staff, 'Reisadvies')")
                .param("id", UUID.randomUUID()).param("survey", survey.id().value()).param("tp", touchpoint.value())
                .param("src", "test:" + prefix).param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("staff", staff).update());

        String export = mvc.perform(get("/api/v1/privacy/staff/" + staff + "/export").with(user("fg").roles("PRIVACY_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // Other modules hold staff data too (listen-in days, guide planning): this test's sections are among them.
        assertThat(JsonPath.<List<String>>read(export, "$.sections[*].section")).contains("interactions", "responses");
        assertThat(JsonPath.<List<String>>read(export, "$.sections[?(@.section == 'interactions')].items[*].sourceId")).containsExactly(prefix + "-1");
        assertThat(JsonPath.<List<String>>read(export, "$.sections[?(@.section == 'responses')].items[*].team")).containsExactly("Reisadvies");
        mvc.perform(get("/api/v1/privacy/staff/piet@example.nl/export").with(user("fg").roles("PRIVACY_OFFICER")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("staffRef"));

        mvc.perform(delete("/api/v1/privacy/staff/" + staff).with(user("fg").roles("PRIVACY_OFFICER")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.section == 'interactions')].rows").value(org.hamcrest.Matchers.contains(1)))
                .andExpect(jsonPath("$[?(@.section == 'responses')].rows").value(org.hamcrest.Matchers.contains(1)));
        assertThat(jdbc.sql("select count(*) from interaction where staff_ref = :s").param("s", staff).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from listening_response where staff_ref = :s").param("s", staff).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select team from interaction where source_id = :s").param("s", prefix + "-1").query(String.class).single())
                .isEqualTo("Reisadvies");
        assertThat(jdbc.sql("select team from listening_response where source_ref = :s").param("s", "test:" + prefix).query(String.class)
                .single()).isEqualTo("Reisadvies");
        assertThat(jdbc.sql("select staff_ref from interaction where source_id = :s").param("s", prefix + "-2").query(String.class).single())
                .as("another staff member keeps theirs").isEqualTo(other);
    }

    @Test
    void thePrivacyOfficersPageShowsAStaffReferenceInWordsAndErasesItOnlyWhenConfirmed() throws Exception {
        String source = "page-" + UUID.randomUUID();
        transactions.executeWithoutResult(s -> jdbc.sql("insert into listening_response (id, survey_id, touchpoint_id, source_ref, channel, "
                        + "language, status, invited_at, completed_at, created_at, staff_ref, team) values (:id, :survey, :tp, :src, 'IMPORT', "
                        + "'nl', 'COMPLETED', :at, :at, :at, :staff, 'Boekingen Utrecht')")
                .param("id", UUID.randomUUID()).param("survey", survey.id().value()).param("tp", touchpoint.value()).param("src", source)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("staff", staff).update());
        for (String language : List.of("nl", "en")) {
            String html = mvc.perform(get("/privacy/staff").param("staffRef", staff).with(user("fg").roles("PRIVACY_OFFICER"))
                            .cookie(new jakarta.servlet.http.Cookie("buitenin-lang", language)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            String text = nl.buitenin.testing.VisibleText.of(html);
            assertThat(text).contains(staff).contains("Boekingen Utrecht").contains(language.equals("nl") ? "Balie" : "Desk")
                    .contains(language.equals("nl") ? "Antwoorden" : "Answers");
            assertThat(nl.buitenin.testing.VisibleText.problems(html)).as(language).isEmpty();
        }
        String unconfirmed = mvc.perform(post("/privacy/staff/erase").param("staffRef", staff).with(user("fg").roles("PRIVACY_OFFICER"))
                        .with(csrf()).cookie(new jakarta.servlet.http.Cookie("buitenin-lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(nl.buitenin.testing.VisibleText.of(unconfirmed)).contains("tick that the staff member asked for this themselves");
        assertThat(jdbc.sql("select count(*) from listening_response where staff_ref = :s").param("s", staff).query(Long.class).single()).isEqualTo(1);
        String erased = mvc.perform(post("/privacy/staff/erase").param("staffRef", staff).param("confirmed", "true")
                        .with(user("fg").roles("PRIVACY_OFFICER")).with(csrf()).cookie(new jakarta.servlet.http.Cookie("buitenin-lang", "nl")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(nl.buitenin.testing.VisibleText.of(erased)).contains("De medewerkersverwijzing is gewist uit 1 contacten en antwoorden");
        assertThat(jdbc.sql("select count(*) from listening_response where staff_ref = :s").param("s", staff).query(Long.class).single()).isZero();
        mvc.perform(get("/privacy/staff").param("staffRef", staff).with(user("ana").roles("ANALYST"))).andExpect(status().isForbidden());
    }

    @Test
    void pastTheRetentionOfItsPurposeAStaffReferenceIsRemovedAndTheTeamKept() throws Exception {
        String source = "old-" + UUID.randomUUID();
        Instant old = Instant.now().minus(400, ChronoUnit.DAYS);
        transactions.executeWithoutResult(s -> jdbc.sql("insert into listening_response (id, survey_id, touchpoint_id, source_ref, channel, "
                        + "language, status, invited_at, completed_at, created_at, staff_ref, team) values (:id, :survey, :tp, :src, 'IMPORT', "
                        + "'nl', 'COMPLETED', :at, :at, :at, :staff, 'Klantenservice')")
                .param("id", UUID.randomUUID()).param("survey", survey.id().value()).param("tp", touchpoint.value()).param("src", source)
                .param("at", old.atOffset(ZoneOffset.UTC)).param("staff", staff).update());
        EventsHandled handled = EventsHandled.since(registry);
        transactions.executeWithoutResult(s -> events.publishEvent(new RetentionExpired(PurposeId.SERVICE_QUALITY_STAFF,
                Instant.now().minus(365, ChronoUnit.DAYS))));
        handled.await();
        assertThat(jdbc.sql("select coalesce(staff_ref, '-') || '|' || team from listening_response where source_ref = :s").param("s", source)
                .query(String.class).single()).isEqualTo("-|Klantenservice");
    }

    @Test
    void readingPerStaffMemberIsLoggedOncePerComputationAndRefusedOnceThePurposeIsRetired() {
        String what = "score gaming per staff member " + UUID.randomUUID();
        assertThat(staffReads.mayRead()).isTrue();
        Instant since = staffReads.check(what);
        assertThat(since).isBetween(Instant.now().minus(366, ChronoUnit.DAYS), Instant.now().minus(364, ChronoUnit.DAYS));
        assertThat(jdbc.sql("select count(*) from privacy_access_log where what = :w and purpose_id = 'service-quality-staff' "
                + "and refusal is null and person_key is null").param("w", what).query(Long.class).single()).isEqualTo(1);

        jdbc.sql("update privacy_purpose set retired_at = current_timestamp where id = 'service-quality-staff'").update();
        try {
            assertThat(staffReads.mayRead()).isFalse();
            assertThatThrownBy(() -> staffReads.check(what)).isInstanceOf(PurposeRefusedException.class);
            assertThat(jdbc.sql("select count(*) from privacy_access_log where what = :w and refusal = 'RETIRED_PURPOSE'").param("w", what)
                    .query(Long.class).single()).isEqualTo(1);
        } finally {
            jdbc.sql("update privacy_purpose set retired_at = null where id = 'service-quality-staff'").update();
        }
    }
}
