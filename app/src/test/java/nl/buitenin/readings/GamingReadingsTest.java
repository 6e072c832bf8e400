package nl.buitenin.readings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.loop.internal.Teams;
import nl.buitenin.readings.internal.GamingReadings;
import nl.buitenin.readings.internal.GamingReport;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * Score gaming on the server, on simulated staff whose answers went through listening's completion path: 30 staff in
 * three teams, two gamers in one team and three genuinely better staff in another. The gamers' team and (for its
 * lead only) the gamers are flagged, the better ones are not; a comment asking for a 10 gives its reason; answers
 * given right after a recorded contact give the presence reason, and without a contact time there is none.
 */
@DatabaseTest
@AutoConfigureMockMvc
class GamingReadingsTest {

    /** The main scenario's month and the presence scenario's: far enough apart that the two never mix. */
    static final LocalDate MAY = LocalDate.of(2026, 5, 1);
    static final LocalDate MARCH = LocalDate.of(2026, 3, 1);

    @Autowired
    GamingReadings readings;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    Teams teams;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    Completions completions;
    @Autowired
    InteractionIngest interactions;
    @Autowired
    JdbcClient jdbc;

    static GamingFixture.Staffed staffed;
    static GamingFixture.Present present;

    @BeforeEach
    void fixture() {
        StaffPurpose.register(jdbc);
        GamingFixture fixture = new GamingFixture(journeys, surveys, completions, interactions, jdbc);
        if (staffed == null || !stored(staffed.gamers().get(0))) {
            staffed = fixture.organisation(MAY, 500, 20261204L);
            present = fixture.presence(MARCH, 7L);
        }
    }

    private boolean stored(String staff) {
        return jdbc.sql("select count(*) from listening_response where staff_ref = :s").param("s", staff).query(Long.class).single() > 0;
    }

    @Test
    void theGamersAndTheirTeamAreFlaggedTheBetterOnesAreNot() {
        GamingReport report = readings.read(MAY, MAY.plusDays(29));

        assertThat(report.refused()).isFalse();
        assertThat(report.answers()).isGreaterThanOrEqualTo(14000);
        assertThat(report.teams()).extracting(GamingReport.Signal::unit).contains(staffed.gamersTeam()).doesNotContain(staffed.betterTeam());
        GamingReport.Signal team = signal(report.teams(), staffed.gamersTeam());
        assertThat(team.reasons()).contains(GamingReport.Reason.EXCESS_TOP_SCORES);
        assertThat(team.topShare()).isGreaterThan(team.expectedTopShare());

        List<String> flagged = report.staff().stream().map(GamingReport.Signal::unit).toList();
        // Each gamer is read against the rest of their team, which holds the other gamer's tens too: with 500 answers
        // each, both gamers are flagged in about 9 of 10 simulations (TeamGamersPowerTable). In this one the first is.
        assertThat(flagged).contains(staffed.gamers().get(0)).doesNotContainAnyElementsOf(staffed.better());
        assertThat(flagged).filteredOn(f -> !staffed.honest().contains(f)).isSubsetOf(staffed.gamers());
        // Honest staff are flagged only by the comment that names a request.
        assertThat(flagged).filteredOn(staffed.honest()::contains).containsExactly(staffed.asker());
        GamingReport.Signal asker = signal(report.staff(), staffed.asker());
        assertThat(asker.reasons()).containsExactly(GamingReport.Reason.ASKED_FOR_SCORE);
        assertThat(asker.askedForScore()).isEqualTo(2);
        GamingReport.Signal honestTeam = signal(report.teams(), staffed.honestTeam());
        assertThat(honestTeam.reasons()).containsExactly(GamingReport.Reason.ASKED_FOR_SCORE);
        // Nobody is listed by score: names in order.
        assertThat(flagged).isSorted();
    }

    @Test
    void answersRightAfterAKnownContactGiveThePresenceReasonAndWithoutAContactTimeThereIsNone() {
        GamingReport report = readings.read(MARCH, MARCH.plusDays(19));

        assertThat(report.withContactTime()).isGreaterThanOrEqualTo(150);
        GamingReport.Signal quick = signal(report.staff(), present.quick());
        assertThat(quick.reasons()).containsExactly(GamingReport.Reason.ANSWERED_IN_PRESENCE);
        assertThat(quick.presenceShare()).isBetween(0.5, 0.9);
        assertThat(quick.othersPresenceShare()).isBetween(0.0, 0.25);
        assertThat(report.staff()).extracting(GamingReport.Signal::unit)
                .doesNotContainAnyElementsOf(present.others()).doesNotContain(present.quickWithoutContact());
    }

    @Test
    void theApiNamesTeamsAndLocationsNeverPersons() throws Exception {
        StoredUser analyst = account("analist", Set.of(Role.ANALYST), null);
        String body = mvc.perform(get("/api/v1/readings/gaming").param("from", "2026-05-01").param("to", "2026-05-30").with(user(analyst)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refused").value(false))
                .andExpect(jsonPath("$.teams[?(@.team == '%s')].reasons[0]", staffed.gamersTeam()).value("excess_top_scores"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(staffed.betterTeam()).doesNotContain("mw-");

        mvc.perform(get("/api/v1/readings/gaming").param("from", "2026-05-31").param("to", "2026-05-01").with(user(analyst))
                        .header("Accept-Language", "nl"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].message").value("De einddatum ligt voor de begindatum."));
        mvc.perform(get("/api/v1/readings/gaming").param("from", "1 mei").with(user(analyst)).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("Give a date like 2026-03-01."));
    }

    @Test
    void onlyTheTeamLeadSeesPersonsAndOnlyTheFlaggedOnes() throws Exception {
        StoredUser analyst = account("analist", Set.of(Role.ANALYST), null);
        StoredUser lead = account("leider", Set.of(Role.AGENT), staffed.gamersTeam(), "en");
        teams.save(new Teams.Team(staffed.gamersTeam(), lead.id().value()));
        StoredUser betterLead = account("leider-oost", Set.of(Role.AGENT, Role.ANALYST), staffed.betterTeam(), "en");
        teams.save(new Teams.Team(staffed.betterTeam(), betterLead.id().value()));
        StoredUser agent = account("agent", Set.of(Role.AGENT), staffed.gamersTeam());

        String analystPage = page(analyst, "nl");
        assertThat(analystPage).contains("Signalen van scoresturing", staffed.gamersTeam(), "Meer tienen dan de rest van de scores verklaart")
                .doesNotContain(staffed.betterTeam()).doesNotContain("mw-").doesNotContain("Jouw team");
        assertThat(VisibleText.problemsInText(analystPage)).isEmpty();
        assertThat(VisibleText.codesInText(analystPage)).isEmpty();

        String leadPage = page(lead, "en");
        assertThat(leadPage).contains("Signs of score steering", "Your team", staffed.gamersTeam());
        List<String> flaggedGamers = readings.read(MAY, MAY.plusDays(29)).staff().stream().map(GamingReport.Signal::unit)
                .filter(staffed.gamers()::contains).toList();
        assertThat(flaggedGamers).isNotEmpty();
        flaggedGamers.forEach(g -> assertThat(leadPage).contains("Staff member " + g));
        assertThat(leadPage).doesNotContain(staffed.asker()).doesNotContain(staffed.better().get(0));
        // Only flagged persons, and nobody outside the lead's team.
        assertThat(leadPage.split("Staff member ", -1).length - 1).isEqualTo(flaggedGamers.size());
        assertThat(VisibleText.problemsInText(leadPage)).isEmpty();

        // The better team's lead (an analyst too) sees their team, where nobody is flagged.
        String betterPage = page(betterLead, "en");
        assertThat(betterPage).contains("Nobody in your team has a significant signal").doesNotContain("mw-");

        String agentPage = page(agent, "nl");
        assertThat(agentPage).contains("Deze pagina is voor teamleiders, analisten en beheerders.").doesNotContain("mw-")
                .doesNotContain(staffed.gamersTeam());
    }

    @Test
    void theStaffReadIsLoggedOncePerComputationAndARetiredPurposeShowsNothing() throws Exception {
        long before = staffReads();
        List<String> commentReadsBefore = commentReads();
        readings.read(MAY, MAY.plusDays(29));
        assertThat(staffReads()).isEqualTo(before + 1);
        // The comments of known people: one check, and one log line, per writer and computation, not one per comment.
        List<String> commentReaders = new java.util.ArrayList<>(commentReads());
        commentReadsBefore.forEach(commentReaders::remove);
        // The asker's two comments are of one customer: one line for them.
        assertThat(commentReaders).isNotEmpty().doesNotHaveDuplicates();
        assertThat(jdbc.sql("select count(*) from privacy_access_log where purpose_id = 'service-quality-staff' and person_key is not null")
                .query(Long.class).single()).isZero();

        StoredUser analyst = account("analist", Set.of(Role.ANALYST), null);
        jdbc.sql("update privacy_purpose set retired_at = current_timestamp where id = 'service-quality-staff'").update();
        try {
            GamingReport refused = readings.read(MAY, MAY.plusDays(29));
            assertThat(refused.refused()).isTrue();
            assertThat(refused.teams()).isEmpty();
            assertThat(refused.staff()).isEmpty();
            assertThat(page(analyst, "nl")).contains("staat in het verwerkingsregister niet (meer) toe").doesNotContain(staffed.gamersTeam());
        } finally {
            jdbc.sql("update privacy_purpose set retired_at = null where id = 'service-quality-staff'").update();
        }
    }

    /** The people whose comments a gaming reading read, a line for each read logged. */
    private List<String> commentReads() {
        return jdbc.sql("select person_key from privacy_access_log where purpose_id = 'service-improvement' and what = :what")
                .param("what", "comment, to find requests for a score").query(String.class).list();
    }

    private long staffReads() {
        return jdbc.sql("select count(*) from privacy_access_log where purpose_id = 'service-quality-staff' and refusal is null")
                .query(Long.class).single();
    }

    private String page(StoredUser who, String language) throws Exception {
        String html = mvc.perform(get("/readings/gaming").param("from", "2026-05-01").param("to", "2026-05-30").with(user(who))
                        .locale(Locale.forLanguageTag(language)).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return VisibleText.of(html);
    }

    private StoredUser account(String name, Set<Role> roles, String team) {
        return account(name, roles, team, "nl");
    }

    private StoredUser account(String name, Set<Role> roles, String team, String language) {
        String username = Unique.name(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        users.create(new NewUser(username, name, "a long enough password", roles, team, language, false));
        return users.storedByUsername(username).orElseThrow();
    }

    private static GamingReport.Signal signal(List<GamingReport.Signal> signals, String unit) {
        return signals.stream().filter(s -> s.unit().equals(unit)).findFirst()
                .orElseThrow(() -> new AssertionError(unit + " is not flagged: " + signals));
    }
}
