package nl.buitenin.readings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.AnswerRecording;
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.listening.internal.answers.GivenAnswer;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.ResponseStatus;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calibrated-scores page and API on answers stored through the real answer path: harsh raters (two points below
 * others) answer mostly about the better touchpoint, lenient ones (two above) about the worse, so the raw means put
 * the worse one first and the calibrated means do not; a touchpoint with answers from two people is hidden; wrong
 * filters are named by field; an agent is refused.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalibratedScoresTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcResponses responses;
    @Autowired
    AnswerRecording recording;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    JdbcUsers users;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    Completions completions;

    TouchpointId better;
    TouchpointId worse;
    TouchpointId middle;
    TouchpointId few;
    String betterName = Unique.name("Gids");
    String worseName = Unique.name("Balie");
    Survey survey;

    @BeforeAll
    void answers() {
        var stage = journeys.addStage(journeys.createJourney(new Names(Unique.name("Reis"), Unique.name("Trip"))),
                new Names("Onderweg", "On the way"));
        better = journeys.addTouchpoint(stage, new Names(betterName, betterName + " en"), Channel.LOCATION, null);
        worse = journeys.addTouchpoint(stage, new Names(worseName, worseName + " en"), Channel.LOCATION, null);
        middle = journeys.addTouchpoint(stage, new Names(Unique.name("Route"), Unique.name("Route")), Channel.LOCATION, null);
        few = journeys.addTouchpoint(stage, new Names(Unique.name("Winkel"), Unique.name("Shop")), Channel.LOCATION, null);
        survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        SplittableRandom random = new SplittableRandom(15);
        // True levels: better 8, middle 7.5, worse 7. Harsh raters −2, lenient +2, neutral 0; noise ±1 at most.
        for (int p = 0; p < 30; p++) {
            int kind = p % 3;
            int offset = kind == 0 ? -2 : kind == 1 ? 2 : 0;
            PersonKey person = person();
            List<TouchpointId> visits = new ArrayList<>();
            if (kind == 0) {
                visits.addAll(List.of(better, better, better, worse, middle));
            } else if (kind == 1) {
                visits.addAll(List.of(worse, worse, worse, better, middle));
            } else {
                visits.addAll(List.of(better, worse, middle));
            }
            for (TouchpointId touchpoint : visits) {
                double level = touchpoint.equals(better) ? 8 : touchpoint.equals(worse) ? 7 : 7.5;
                answer(person, touchpoint, (int) Math.max(0, Math.min(10, Math.round(level + offset + random.nextInt(-1, 2)))));
            }
        }
        answer(person(), few, 9);
        answer(person(), few, 3);
    }

    @Test
    void theApiGivesRawAndCalibratedMeansAndTheSwap() throws Exception {
        JsonNode json = api(analyst("nl"));
        assertThat(json.get("type").asString()).isEqualTo("NPS");
        assertThat(json.get("scaleMax").asInt()).isEqualTo(10);
        JsonNode good = touchpoint(json, better);
        JsonNode bad = touchpoint(json, worse);
        assertThat(good.get("n").asInt()).isEqualTo(50);
        assertThat(bad.get("n").asInt()).isEqualTo(50);
        assertThat(good.get("raw").get("mean").asDouble()).as("raw: the harsh raters pull the better one down")
                .isLessThan(bad.get("raw").get("mean").asDouble());
        assertThat(good.get("calibrated").get("mean").asDouble()).as("calibrated: the true order")
                .isGreaterThan(bad.get("calibrated").get("mean").asDouble() + 0.5);
        assertThat(good.get("calibrated").get("lower").asDouble()).isLessThan(good.get("calibrated").get("mean").asDouble());
        assertThat(good.get("calibrated").get("upper").asDouble()).isGreaterThan(good.get("calibrated").get("mean").asDouble());
        boolean swapped = false;
        for (JsonNode swap : json.get("swaps")) {
            swapped |= swap.get("rawHigher").asString().equals(worse.value().toString())
                    && swap.get("calibratedHigher").asString().equals(better.value().toString());
        }
        assertThat(swapped).as("the swap of the two is named").isTrue();
        JsonNode hidden = touchpoint(json, few);
        assertThat(hidden.get("hidden").asBoolean()).isTrue();
        assertThat(hidden.get("fewerThan").asInt()).isEqualTo(5);
        assertThat(hidden.get("n").isNull()).isTrue();
        assertThat(hidden.get("raw").isNull()).isTrue();
        assertThat(hidden.get("calibrated").isNull()).isTrue();
        assertThat(json.get("peopleWithHistory").asInt()).isGreaterThanOrEqualTo(30);
    }

    /**
     * People whose data the purpose "service improvement" refuses (here: answers past its retention of 36 months, in a
     * period asked for explicitly) keep the population scale, however many answers they gave: the harsh and lenient
     * raters of these two touchpoints are not corrected, so the calibrated means equal the raw ones and the two are not
     * turned round. The purpose is asked for everyone at once, and each refusal is logged.
     */
    @Test
    void peopleThePurposeRefusesAreNotCorrected() throws Exception {
        var stage = journeys.addStage(journeys.createJourney(new Names(Unique.name("Reis"), Unique.name("Trip"))),
                new Names("Thuis", "At home"));
        TouchpointId good = journeys.addTouchpoint(stage, new Names(Unique.name("Goed"), Unique.name("Good")), Channel.LOCATION, null);
        TouchpointId poor = journeys.addTouchpoint(stage, new Names(Unique.name("Matig"), Unique.name("Poor")), Channel.LOCATION, null);
        java.time.LocalDate day = java.time.LocalDate.now().minusMonths(40);
        Instant then = day.atTime(12, 0).atZone(java.time.ZoneOffset.UTC).toInstant();
        List<PersonKey> refused = new ArrayList<>();
        List<Completions.Completion> batch = new ArrayList<>();
        for (int p = 0; p < 12; p++) {
            PersonKey person = person();
            refused.add(person);
            boolean harsh = p % 2 == 0;
            for (TouchpointId touchpoint : harsh ? List.of(good, good, good, poor) : List.of(poor, poor, poor, good)) {
                int score = (touchpoint.equals(good) ? 8 : 7) + (harsh ? -2 : 2);
                batch.add(Completions.Completion.invitedAndReceived(survey, touchpoint, person, "test:" + UUID.randomUUID(),
                        ResponseChannel.EMAIL, "nl", then.minusSeconds(600), then.plus(14, ChronoUnit.DAYS),
                        List.of(GivenAnswer.score("nps", score)), then));
            }
        }
        completions.replay(batch);
        long refusals = jdbc.sql("select count(*) from privacy_access_log where purpose_id = 'service-improvement' and refusal is not null")
                .query(Long.class).single();
        String body = mvc.perform(get("/api/v1/readings/calibrated").param("type", "nps").param("from", day.minusDays(2).toString())
                .param("to", day.plusDays(2).toString()).with(user(analyst("nl"))).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode json = JsonMapper.builder().build().readTree(body);
        JsonNode first = touchpoint(json, good);
        JsonNode second = touchpoint(json, poor);
        assertThat(first.get("raw").get("mean").asDouble()).isLessThan(second.get("raw").get("mean").asDouble());
        for (JsonNode row : List.of(first, second)) {
            assertThat(row.get("calibrated").get("mean").asDouble()).as("no offsets for refused people")
                    .isCloseTo(row.get("raw").get("mean").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
        }
        for (JsonNode swap : json.get("swaps")) {
            assertThat(Set.of(swap.get("rawHigher").asString(), swap.get("calibratedHigher").asString()))
                    .isNotEqualTo(Set.of(good.value().toString(), poor.value().toString()));
        }
        assertThat(json.get("peopleWithHistory").asInt()).isZero();
        assertThat(jdbc.sql("select count(*) from privacy_access_log where purpose_id = 'service-improvement' and refusal is not null")
                .query(Long.class).single()).as("each refused person's refusal is logged").isGreaterThanOrEqualTo(refusals + 12);
    }

    @Test
    void thePageSaysInWordsThatTheOrderChangesInDutchAndEnglish() throws Exception {
        String dutch = VisibleText.of(page(analyst("nl"), Locale.forLanguageTag("nl")));
        assertThat(dutch).contains("Scores gecorrigeerd voor strenge en milde beoordelaars").contains("nooit meer dan een 8")
                .contains("Zoals gegeven scoort " + worseName + " hoger dan " + betterName)
                .contains("verborgen: minder dan 5 mensen");
        assertThat(VisibleText.problems(page(analyst("nl"), Locale.forLanguageTag("nl")))).isEmpty();
        String english = VisibleText.of(page(analyst("en"), Locale.ENGLISH));
        assertThat(english).contains("Scores adjusted for harsh and lenient raters")
                .contains("As given, " + worseName + " en scores higher than " + betterName + " en");
        assertThat(VisibleText.problems(page(analyst("en"), Locale.ENGLISH))).isEmpty();
    }

    @Test
    void wrongFiltersAreNamedByField() throws Exception {
        StoredUser analyst = analyst("nl");
        String body = mvc.perform(get("/api/v1/readings/calibrated").param("from", "gisteren").param("type", "OPEN_TEXT")
                        .with(user(analyst)).accept(MediaType.APPLICATION_JSON).header("Accept-Language", "nl"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("\"from\"").contains("gisteren").contains("\"type\"").contains("Geen vraagsoort met een schaal");
        String order = mvc.perform(get("/api/v1/readings/calibrated").param("from", "2026-03-02").param("to", "2026-03-01")
                        .with(user(analyst)).accept(MediaType.APPLICATION_JSON).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(order).contains("\"from\"").contains("starts");
        String page = VisibleText.of(mvc.perform(get("/readings/calibrated").param("to", "morgen").with(user(analyst))
                .locale(Locale.forLanguageTag("nl"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page).contains("Geen datum: 'morgen'");
    }

    @Test
    void anAgentIsRefused() throws Exception {
        StoredUser agent = staff("nl", Role.AGENT);
        mvc.perform(get("/readings/calibrated").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/readings/calibrated").with(user(agent)).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isForbidden());
    }

    private JsonNode api(StoredUser user) throws Exception {
        String body = mvc.perform(get("/api/v1/readings/calibrated").param("type", "nps").with(user(user))
                .accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body);
    }

    private String page(StoredUser user, Locale locale) throws Exception {
        return mvc.perform(get("/readings/calibrated").param("type", "NPS").with(user(user)).locale(locale))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static JsonNode touchpoint(JsonNode json, TouchpointId id) {
        for (JsonNode touchpoint : json.get("touchpoints")) {
            if (touchpoint.get("id").asString().equals(id.value().toString())) {
                return touchpoint;
            }
        }
        throw new AssertionError("no touchpoint " + id + " in " + json);
    }

    private PersonKey person() {
        PersonKey person = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Klant", null, null));
        consents.give(person, PurposeId.FEEDBACK, "test");
        return person;
    }

    private void answer(PersonKey person, TouchpointId touchpoint, int nps) {
        UUID id = responses.create(survey.id(), touchpoint, person, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl",
                ResponseStatus.INVITED, Instant.now(), Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();
        recording.complete(id, Map.of("nps", List.of(String.valueOf(nps))));
    }

    private StoredUser analyst(String language) {
        return staff(language, Role.ANALYST);
    }

    private StoredUser staff(String language, Role role) {
        String name = "kalibratie-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", Set.of(role), null, language, false));
        return users.storedByUsername(name).orElseThrow();
    }
}
