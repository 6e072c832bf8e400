package nl.buitenin.readings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.listening.internal.answers.GivenAnswer;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calibrated comparisons of teams and periods, on answers stored through listening's completion path: harsh raters (two
 * points below others) mostly answer about the better team — and, in a past quarter, mostly in its best month — lenient
 * ones about the worse team and month. Raw means put the worse first, calibrated means do not, and the page names the
 * swap in words. Teams are read under the staff purpose, one logged read per computation, and not at all when it is
 * retired; a wrong choice of what to compare is named by field; an agent is refused.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalibratedComparisonsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    Completions completions;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    JdbcUsers users;
    @Autowired
    Organisations organisations;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    String goodTeam = Unique.name("Team Oost");
    String poorTeam = Unique.name("Team West");
    TouchpointId desk;
    Survey survey;
    ZoneId zone;

    /**
     * The first month of the period test's quarter (its three months' true levels 6, 6.5 and 7): twenty months ago, within
     * the retention of the purpose "service improvement" (36 months; older answers would be read without their people)
     * and before the other tests' answers.
     */
    static final LocalDate FIRST = LocalDate.now().withDayOfMonth(1).minusMonths(20);
    static final String[] DUTCH_MONTHS = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
            "oktober", "november", "december"};
    static final String[] ENGLISH_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"};

    @BeforeAll
    void answers() {
        zone = organisations.current().timeZone();
        var stage = journeys.addStage(journeys.createJourney(new Names(Unique.name("Reis"), Unique.name("Trip"))),
                new Names("Balie", "Desk"));
        desk = journeys.addTouchpoint(stage, new Names(Unique.name("Balie"), Unique.name("Desk")), Channel.LOCATION, null);
        survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        SplittableRandom random = new SplittableRandom(18);
        List<Completions.Completion> batch = new ArrayList<>();
        Instant now = Instant.now();
        // Teams: good 7, poor 6. Harsh raters −2, lenient +2, neutral 0; noise ±1 at most (never past the scale's ends).
        for (int p = 0; p < 30; p++) {
            int kind = p % 3;
            int offset = kind == 0 ? -2 : kind == 1 ? 2 : 0;
            PersonKey person = person();
            List<String> visits = kind == 0 ? List.of(goodTeam, goodTeam, goodTeam, poorTeam)
                    : kind == 1 ? List.of(poorTeam, poorTeam, poorTeam, goodTeam) : List.of(goodTeam, poorTeam);
            for (String team : visits) {
                int level = team.equals(goodTeam) ? 7 : 6;
                batch.add(answer(person, level + offset + random.nextInt(-1, 2), now.minusSeconds(3600 + random.nextInt(86_400)), team));
            }
        }
        // The quarter's months: harsh raters answer mostly in the third, lenient ones mostly in the first.
        for (int p = 0; p < 30; p++) {
            int kind = p % 3;
            int offset = kind == 0 ? -2 : kind == 1 ? 2 : 0;
            PersonKey person = person();
            List<Integer> months = kind == 0 ? List.of(2, 2, 2, 0) : kind == 1 ? List.of(0, 0, 0, 2) : List.of(0, 1, 2);
            for (int month : months) {
                double level = 6 + 0.5 * month;
                LocalDate day = FIRST.plusMonths(month).plusDays(random.nextInt(27));
                Instant at = day.atTime(12, 0).atZone(zone).toInstant();
                batch.add(answer(person, (int) Math.round(level + offset + random.nextInt(-1, 2)), at, null));
            }
        }
        completions.replay(batch);
    }

    @Test
    void teamsAreComparedAsGivenAndAdjustedAndTheSwapIsNamed() throws Exception {
        long reads = staffReads();
        JsonNode json = api(analyst("nl"), "by", "teams");
        assertThat(staffReads()).as("one logged read of teams per computation").isEqualTo(reads + 1);
        assertThat(jdbc.sql("select count(*) from privacy_access_log where purpose_id = 'service-quality-staff' and person_key is not null")
                .query(Long.class).single()).isZero();
        assertThat(json.get("by").asString()).isEqualTo("TEAMS");
        assertThat(json.get("refused").asBoolean()).isFalse();
        assertThat(json.get("touchpoints")).isEmpty();
        JsonNode good = unit(json, goodTeam);
        JsonNode poor = unit(json, poorTeam);
        assertThat(good.get("nameNl").asString()).isEqualTo(goodTeam);
        assertThat(good.get("n").asInt()).isEqualTo(50);
        assertThat(poor.get("n").asInt()).isEqualTo(50);
        assertThat(good.get("raw").get("mean").asDouble()).as("raw: the harsh raters pull the better team down")
                .isLessThan(poor.get("raw").get("mean").asDouble());
        assertThat(good.get("calibrated").get("mean").asDouble()).as("calibrated: the true order")
                .isGreaterThan(poor.get("calibrated").get("mean").asDouble() + 0.5);
        assertThat(good.get("calibrated").get("lower").asDouble()).isLessThan(good.get("calibrated").get("mean").asDouble());
        assertThat(swapped(json, poorTeam, goodTeam)).as("the swap of the two teams is named").isTrue();
        for (JsonNode swap : json.get("swaps")) {
            assertThat(swap.get("rawHigher").isNull()).as("no touchpoint id for a team").isTrue();
        }

        String dutch = page(analyst("nl"), Locale.forLanguageTag("nl"), "by", "TEAMS");
        assertThat(dutch).contains("Na de correctie staan teams in een andere volgorde")
                .contains("Zoals gegeven scoort " + poorTeam + " hoger dan " + goodTeam)
                .contains("kwaliteit van de dienstverlening — medewerkers").contains("Team");
        String english = page(analyst("en"), Locale.ENGLISH, "by", "TEAMS");
        assertThat(english).contains("After the adjustment, teams stand in a different order")
                .contains("As given, " + poorTeam + " scores higher than " + goodTeam);
    }

    @Test
    void aRetiredStaffPurposeShowsNoTeams() throws Exception {
        jdbc.sql("update privacy_purpose set retired_at = current_timestamp where id = 'service-quality-staff'").update();
        try {
            JsonNode json = api(analyst("en"), "by", "TEAMS");
            assertThat(json.get("refused").asBoolean()).isTrue();
            assertThat(json.get("units")).isEmpty();
            String page = page(analyst("nl"), Locale.forLanguageTag("nl"), "by", "TEAMS");
            assertThat(page).contains("Scores per team worden niet getoond").doesNotContain(goodTeam);
        } finally {
            jdbc.sql("update privacy_purpose set retired_at = null where id = 'service-quality-staff'").update();
        }
    }

    @Test
    void monthsAreComparedAsGivenAndAdjusted() throws Exception {
        LocalDate last = FIRST.plusMonths(3).minusDays(1);
        JsonNode json = api(analyst("nl"), "by", "months", "from", FIRST.toString(), "to", last.toString());
        assertThat(json.get("by").asString()).isEqualTo("MONTHS");
        List<String> keys = List.of(0, 1, 2).stream().map(m -> java.time.YearMonth.from(FIRST.plusMonths(m)).toString()).toList();
        assertThat(json.get("units")).extracting(u -> u.get("key").asString()).containsExactlyElementsOf(keys);
        JsonNode first = unit(json, keys.get(0));
        JsonNode third = unit(json, keys.get(2));
        LocalDate thirdMonth = FIRST.plusMonths(2);
        assertThat(third.get("nameNl").asString()).isEqualTo(DUTCH_MONTHS[thirdMonth.getMonthValue() - 1] + " " + thirdMonth.getYear());
        assertThat(third.get("nameEn").asString()).isEqualTo(ENGLISH_MONTHS[thirdMonth.getMonthValue() - 1] + " " + thirdMonth.getYear());
        assertThat(first.get("n").asInt() + third.get("n").asInt() + unit(json, keys.get(1)).get("n").asInt()).isEqualTo(110);
        assertThat(third.get("raw").get("mean").asDouble()).as("raw: the third month's harsh raters pull it down")
                .isLessThan(first.get("raw").get("mean").asDouble());
        assertThat(third.get("calibrated").get("mean").asDouble()).as("calibrated: the third month is better")
                .isGreaterThan(first.get("calibrated").get("mean").asDouble() + 0.5);
        assertThat(swapped(json, keys.get(0), keys.get(2))).isTrue();
        String english = page(analyst("en"), Locale.ENGLISH, "by", "MONTHS", "from", FIRST.toString(), "to", last.toString());
        assertThat(english).contains("After the adjustment, months stand in a different order")
                .contains("As given, " + first.get("nameEn").asString() + " scores higher than " + third.get("nameEn").asString())
                .contains("Month");
    }

    @Test
    void weeksStartOnMonday() throws Exception {
        LocalDate last = FIRST.plusMonths(3).minusDays(1);
        JsonNode json = api(analyst("nl"), "by", "WEEKS", "from", FIRST.toString(), "to", last.toString());
        assertThat(json.get("units").size()).isGreaterThanOrEqualTo(8);
        int answers = 0;
        LocalDate previous = null;
        for (JsonNode unit : json.get("units")) {
            LocalDate monday = LocalDate.parse(unit.get("key").asString());
            assertThat(monday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(previous == null || monday.isAfter(previous)).as("weeks in order").isTrue();
            previous = monday;
            assertThat(unit.get("nameEn").asString()).matches("\\d+ \\w+ – \\d+ \\w+ \\d{4}");
            answers += unit.get("hidden").asBoolean() ? 0 : unit.get("n").asInt();
            if (unit.get("hidden").asBoolean()) {
                assertThat(unit.get("raw").isNull()).isTrue();
            }
        }
        assertThat(answers).isLessThanOrEqualTo(110);
        assertThat(VisibleText.problems(mvc.perform(get("/readings/calibrated").param("by", "WEEKS").param("from", FIRST.toString())
                .param("to", last.toString()).with(user(analyst("nl")))).andReturn().getResponse().getContentAsString())).isEmpty();
    }

    @Test
    void aWrongChoiceIsNamedAndAnAgentIsRefused() throws Exception {
        String body = mvc.perform(get("/api/v1/readings/calibrated").param("by", "medewerkers").with(user(analyst("nl")))
                        .accept(MediaType.APPLICATION_JSON).header("Accept-Language", "nl"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("\"by\"").contains("Niet iets om te vergelijken: 'medewerkers'");
        String english = mvc.perform(get("/api/v1/readings/calibrated").param("by", "staff").with(user(analyst("en")))
                        .accept(MediaType.APPLICATION_JSON).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("\"by\"").contains("Not something to compare: 'staff'");
        StoredUser agent = staff("nl", Role.AGENT);
        long reads = staffReads();
        mvc.perform(get("/readings/calibrated").param("by", "TEAMS").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/readings/calibrated").param("by", "TEAMS").with(user(agent)).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isForbidden());
        assertThat(staffReads()).as("a refused caller reads no teams").isEqualTo(reads);
    }

    private static boolean swapped(JsonNode json, String rawHigher, String calibratedHigher) {
        for (JsonNode swap : json.get("swaps")) {
            if (swap.get("rawHigherKey").asString().equals(rawHigher) && swap.get("calibratedHigherKey").asString().equals(calibratedHigher)) {
                return true;
            }
        }
        return false;
    }

    private long staffReads() {
        return jdbc.sql("select count(*) from privacy_access_log where purpose_id = 'service-quality-staff' and refusal is null")
                .query(Long.class).single();
    }

    private JsonNode api(StoredUser user, String... params) throws Exception {
        var request = get("/api/v1/readings/calibrated").param("type", "nps");
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        String body = mvc.perform(request.with(user(user)).accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body);
    }

    private String page(StoredUser user, Locale locale, String... params) throws Exception {
        var request = get("/readings/calibrated").param("type", "NPS");
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        String html = mvc.perform(request.with(user(user)).locale(locale)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(VisibleText.problems(html)).isEmpty();
        return VisibleText.of(html);
    }

    private static JsonNode unit(JsonNode json, String keyOrName) {
        for (JsonNode unit : json.get("units")) {
            if (unit.get("key").asString().equals(keyOrName) || unit.get("nameNl").asString().equals(keyOrName)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + keyOrName + " in " + json);
    }

    private Completions.Completion answer(PersonKey person, int nps, Instant at, String team) {
        return Completions.Completion.invitedAndReceived(survey, desk, person, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl",
                at.minusSeconds(600), at.plusSeconds(14 * 86_400L), List.of(GivenAnswer.score("nps", Math.max(0, Math.min(10, nps)))), at,
                null, team);
    }

    private PersonKey person() {
        PersonKey person = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Klant", null, null));
        consents.give(person, PurposeId.FEEDBACK, "test");
        return person;
    }

    private StoredUser analyst(String language) {
        return staff(language, Role.ANALYST);
    }

    private StoredUser staff(String language, Role role) {
        String name = "vergelijk-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", Set.of(role), null, language, false));
        return users.storedByUsername(name).orElseThrow();
    }
}
