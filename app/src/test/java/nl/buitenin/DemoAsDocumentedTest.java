package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.access.Role;
import nl.buitenin.assumptions.internal.Assumption;
import nl.buitenin.assumptions.internal.AssumptionBook;
import nl.buitenin.groups.internal.SplitComparison;
import nl.buitenin.insight.ThemedAnswers;
import nl.buitenin.access.Users;
import nl.buitenin.contact.internal.InvitedPerHour;

/**
 * The demo is what the README and the start-up banner say it is, and its history could have happened: the accounts
 * have the roles they are introduced with, and nobody answered a survey before registering and consenting to be asked.
 * (The same settings as {@code JourneyDemoTest}, so the two share one loaded demo.)
 */
@SpringBootTest(properties = "buitenin.demo.people=400")
@ActiveProfiles("demo")
class DemoAsDocumentedTest {

    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InvitedPerHour invitedPerHour;
    @Autowired
    SplitComparison split;
    @Autowired
    ThemedAnswers themedAnswers;
    @Autowired
    AssumptionBook assumptions;

    @Test
    void theDemoAccountsHaveTheRolesTheReadmeNames() {
        // README: beheerder (admin), analist (analyst), medewerker (agent), teamleider (agent, team lead), planner, fg.
        assertThat(users.byUsername("beheerder").orElseThrow().roles()).isEqualTo(Set.of(Role.ADMIN));
        assertThat(users.byUsername("analist").orElseThrow().roles()).isEqualTo(Set.of(Role.ANALYST));
        assertThat(users.byUsername("medewerker").orElseThrow().roles()).isEqualTo(Set.of(Role.AGENT));
        assertThat(users.byUsername("teamleider").orElseThrow().roles()).isEqualTo(Set.of(Role.AGENT));
        assertThat(users.byUsername("planner").orElseThrow().roles()).isEqualTo(Set.of(Role.PLANNER));
        assertThat(users.byUsername("fg").orElseThrow().roles()).isEqualTo(Set.of(Role.PRIVACY_OFFICER));
        // The team lead is the lead of team Klantenservice.
        assertThat(jdbc.sql("select count(*) from loop_team t join app_user u on u.id = t.lead_user_id "
                + "where t.name = 'Klantenservice' and u.username = 'teamleider'").query(Long.class).single()).isEqualTo(1);
    }

    /**
     * The demo's interactions came in without events, and the demo's group by rule on the count of purchases (computed
     * from the interactions when read, docs/groups.md, "Attributes derived from interactions"), "Vaste boekers"
     * ({@code purchases_12m >= 2}), has members now all the same: made when the group was created, after the
     * interactions were loaded. They are among the people with two purchases in the last year, counted here in SQL.
     */
    @Test
    void theDemosInteractionsGiveDerivedAttributesAndARuleGroupOnThemHasMembers() {
        // A day more than a year: the count's twelve months are the organisation's, whatever its time zone.
        long bookers = jdbc.sql("select count(*) from (select person_key from interaction where kind = 'PURCHASE' and occurred_at > :since "
                + "and occurred_at <= current_timestamp and person_key is not null group by person_key having count(*) >= 2) b")
                .param("since", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(367)).query(Long.class).single();
        long members = jdbc.sql("""
                select count(distinct m.person_key) from groups_membership m join groups_group g on g.id = m.group_id
                where g.rule_text = 'purchases_12m >= 2' and m.valid_from <= current_timestamp
                and (m.valid_to is null or m.valid_to > current_timestamp)""").query(Long.class).single();
        assertThat(members).as("members of 'Vaste boekers' now").isGreaterThan(20).isLessThanOrEqualTo(bookers);
    }

    /**
     * The demo's contacts came in as history without events; their reasons are read all the same, so the journey
     * map's failure demand is not empty: every contact with a reason has a reading, and both kinds occur.
     */
    @Test
    void theDemosContactReasonsAreReadAsValueOrFailureDemand() {
        long withReason = jdbc.sql("select count(*) from interaction where reason is not null").query(Long.class).single();
        long read = jdbc.sql("select count(*) from textinsight_demand d join interaction i on i.source_id = d.source_ref")
                .query(Long.class).single();
        assertThat(withReason).as("demo contacts with a reason").isGreaterThan(20);
        assertThat(read).as("contacts read (a person whose purpose refuses is left)").isGreaterThan(withReason * 9 / 10);
        assertThat(jdbc.sql("select count(distinct demand) from textinsight_demand").query(Long.class).single()).isEqualTo(2);
    }

    /**
     * The demo's contact reasons get suggested themes of Buitenpad's taxonomy when they are read, like its comments: a
     * reason about luggage that did not arrive gets "bagagevervoer", and each tag knows its contact's touchpoint.
     */
    @Test
    void theDemosContactReasonsGetSuggestedThemes() {
        long tagged = jdbc.sql("select count(distinct contact_id) from loop_reason_theme").query(Long.class).single();
        long read = jdbc.sql("select count(*) from textinsight_demand").query(Long.class).single();
        assertThat(tagged).as("contact reasons with a suggested theme, of " + read + " read").isGreaterThan(read / 10);
        assertThat(jdbc.sql("select count(*) from loop_reason_theme where touchpoint_id is null or tagger_kind <> 'SUGGESTER'")
                .query(Long.class).single()).as("automatic tags, each at its contact's touchpoint").isZero();
        assertThat(jdbc.sql("""
                select t.name_nl from loop_reason_theme r join loop_theme t on t.id = r.theme_id
                join textinsight_demand d on d.contact_id = r.contact_id join interaction i on i.source_id = d.source_ref
                where i.reason = 'Bagage niet aangekomen in het hotel in Valkenburg'""").query(String.class).list())
                .as("themes of the luggage complaints").isNotEmpty().contains("bagagevervoer");
    }

    /**
     * Seed 000's story told by the demo's data (docs/groups.md, "Did the split work?"; docs/assumptions.md): the pace
     * complaints in "Genieten onderweg" dropped after the split, with the whole 95 % interval of the difference below
     * zero; and the workshop's "De meeste klachten over de reis gaan over de accommodatie" is refuted, the pace of the
     * group being the largest theme in the half year it refers to.
     */
    @Test
    void thePaceComplaintsDropInTheRelaxedGroupAndTheAccommodationAssumptionIsRefuted() {
        java.util.UUID pace = themedAnswers.themes().stream().filter(t -> t.nameNl().equals("tempo van de groep")).findFirst()
                .orElseThrow().id();
        java.time.Instant at = split.start("tempo").orElseThrow();
        SplitComparison.Result result = split.compare("tempo", at.minus(java.time.Duration.ofDays(26 * 7)), at,
                at.plus(java.time.Duration.ofDays(26 * 7)), pace);
        SplitComparison.Row enjoying = result.groups().stream().filter(b -> b.group().nameNl().equals("Genieten onderweg")).findFirst()
                .orElseThrow().row(SplitComparison.Measure.THEME);
        assertThat(enjoying.comparison()).as("pace in Genieten onderweg compared, " + enjoying).isNotNull();
        assertThat(enjoying.comparison().difference().upper()).as("the drop's interval lies below zero, " + enjoying).isLessThan(0);

        java.util.Map<String, Assumption> byStatement = new java.util.HashMap<>();
        assumptions.testAll().forEach(a -> byStatement.put(a.statement(), a));
        Assumption accommodation = byStatement.get("De meeste klachten over de reis gaan over de accommodatie");
        assertThat(accommodation.outcome().verdict()).isEqualTo(nl.buitenin.assumptions.Verdict.REFUTED);
        assertThat(accommodation.outcome().rival().nameNl()).as("the largest theme").isEqualTo("tempo van de groep");
        // Confirmed on the default demo; on this small one, beside other tests' answers in the same database, the
        // second-largest theme's interval may overlap pace's, which leaves it honestly "not yet testable".
        assertThat(byStatement.get("Het tempo van de groep is de grootste klacht over de reis").outcome().verdict())
                .isNotEqualTo(nl.buitenin.assumptions.Verdict.REFUTED);
    }

    /** A call-back, note or event before its case was opened reads as nonsense in the case's history. */
    @Test
    void nothingHappensToACaseBeforeItWasOpened() {
        for (String table : List.of("loop_callback", "loop_case_note", "loop_case_event")) {
            assertThat(jdbc.sql("select count(*) from " + table + " x join loop_case c on c.id = x.case_id where x.at < c.opened_at")
                    .query(Long.class).single()).as(table + " before the case was opened").isZero();
        }
    }

    @Test
    void everyAnswerOfAPersonCameAfterTheyRegisteredAndConsented() {
        long withPerson = jdbc.sql("select count(*) from listening_response where person_key is not null").query(Long.class).single();
        assertThat(withPerson).as("demo answers of known people").isGreaterThan(20);
        long beforeRegistration = jdbc.sql("""
                select count(*) from listening_response r join privacy_person p on p.person_key = r.person_key
                where r.invited_at < p.created_at or r.completed_at < p.created_at""").query(Long.class).single();
        assertThat(beforeRegistration).as("answers invited or given before the person registered").isZero();
        long withoutConsent = jdbc.sql("""
                select count(*) from listening_response r
                left join privacy_consent c on c.person_key = r.person_key and c.purpose_id = 'feedback'
                where r.person_key is not null and (c.given is null or c.given = false or c.changed_at > r.invited_at)""")
                .query(Long.class).single();
        assertThat(withoutConsent).as("answers of people who had not consented to feedback when invited").isZero();
    }

    /**
     * The demo replays the invitations after its recent contacts through the listener's path (docs/listening.md,
     * "Invitations that wait"): the policy page's share invited per hour has figures for the day's hours, and the
     * quiet-time hours are counted too (their contacts shown), so a lean in the sample is visible.
     */
    @Test
    void theDemosContactsAreInvitedThroughThePolicyAndEveryHourIsCounted() {
        List<InvitedPerHour.Hour> hours = invitedPerHour.lastDays();
        assertThat(hours.stream().filter(h -> h.hour() >= 9 && h.hour() < 20 && !h.hidden() && h.invited() != null && h.invited() > 0))
                .as("day hours with a share invited").isNotEmpty();
        // The quiet-time hours (from 20:00 to 09:00) are counted, so a lean towards the day is visible. Whether one of
        // them also shows an invited contact is left to chance in the smaller test demo (two to eight invitations wait,
        // in hours that shift with the moment the demo is loaded): EveningInvitationsTest proves the waiting on a
        // fixed clock, and CxManagerBrowserTest reads the evening shares in the full demo.
        assertThat(hours.stream().filter(h -> (h.hour() >= 20 || h.hour() < 9) && !h.hidden() && h.share() != null))
                .as("quiet-time hours (20:00 to 09:00) with their contacts counted, of " + hours).isNotEmpty();
    }
}
