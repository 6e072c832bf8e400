package nl.buitenin.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.Channel;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.platform.StartFigure;
import nl.buitenin.testing.DatabaseTest;

/**
 * The loop's start-page figures on a small hand-built set of cases (opening time and deadline set by hand) against
 * the counts written down here: an agent's queue, due today and overdue; a team lead's breaches and ageing; the cases
 * at risk of breaching within a day.
 */
@DatabaseTest
class LoopStartPanelsTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** A Tuesday at 10:00 in the organisation's zone: "today" ends at midnight, fourteen hours later. */
    static final Instant NOW = LocalDate.of(2026, 3, 10).atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();

    @Autowired
    CaseWork work;
    @Autowired
    CaseFiles files;
    @Autowired
    JdbcUsers users;
    @Autowired
    JdbcClient jdbc;

    StoredUser agent(String team) {
        String name = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", Set.of(Role.AGENT), team, "nl", false));
        return users.storedByUsername(name).orElseThrow();
    }

    /** A complaint of the team, opened {@code daysAgo} before NOW, with its deadline {@code dueIn} from NOW. */
    CaseId open(String team, UUID owner, long daysAgo, Duration dueIn) {
        CaseId id = work.open(new CaseWork.Opening(CaseSource.complaint(UUID.randomUUID().toString()), CaseType.COMPLAINT, null, null,
                Channel.PHONE, team, owner, "klacht"), "test", NOW.minus(Duration.ofDays(daysAgo))).file().id();
        jdbc.sql("update loop_case set deadline = :d where id = :id")
                .param("d", OffsetDateTime.ofInstant(NOW.plus(dueIn), ZoneOffset.UTC)).param("id", id.value()).update();
        return id;
    }

    void resolve(CaseId id) {
        work.resolve(files.byId(id).orElseThrow(), "test", "opgelost", NOW.minus(Duration.ofMinutes(5)));
    }

    static Map<String, Long> values(List<StartFigure> figures) {
        java.util.LinkedHashMap<String, Long> values = new java.util.LinkedHashMap<>();
        figures.forEach(f -> values.put(f.label().key() + f.label().args(), f.value() == null ? null : Math.round(f.value())));
        return values;
    }

    @Test
    void anAgentsQueueCountsTheCasesStillToWorkDueTodayAndOverdue() {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        StoredUser me = agent(team);
        UUID mine = me.id().value();
        open(team, mine, 1, Duration.ofHours(-2));      // overdue
        open(team, mine, 1, Duration.ofHours(3));       // due today
        open(team, mine, 0, Duration.ofHours(13));      // due today, just before midnight
        open(team, mine, 0, Duration.ofHours(15));      // due tomorrow
        resolve(open(team, mine, 2, Duration.ofHours(1))); // resolved: not in the queue
        open(team, null, 0, Duration.ofDays(3));        // the team's, no owner
        open(team, agent(team).id().value(), 0, Duration.ofDays(3)); // a colleague's

        List<StartFigure> figures = LoopStartPanels.agentFigures(users.byUsername(me.username()).orElseThrow(), files, ZONE, NOW);

        assertThat(values(figures)).containsExactly(
                Map.entry("loop.start.mine[]", 4L),
                Map.entry("loop.start.dueToday[]", 2L),
                Map.entry("loop.start.overdue[]", 1L),
                Map.entry("loop.start.unassigned[" + team + "]", 1L));
        assertThat(figures).allSatisfy(f -> assertThat(f.link()).isEqualTo("/cases"));
    }

    @Test
    void aLeadSeesBreachesAndTheAgeOfTheTeamsOpenCases() {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        UUID owner = agent(team).id().value();
        open(team, owner, 0, Duration.ofHours(5));
        open(team, owner, 2, Duration.ofHours(-1));     // band 0-2, breached
        open(team, owner, 4, Duration.ofHours(5));      // band 3-5
        open(team, owner, 9, Duration.ofHours(-30));    // band 6-10, breached
        open(team, owner, 20, Duration.ofDays(-10));    // band >10, breached
        resolve(open(team, owner, 30, Duration.ofDays(-5))); // resolved: neither aged nor breached

        CaseAgeing ageing = CaseAgeing.of(files.openOfTeam(team, 100), NOW);

        assertThat(ageing.bands()).containsExactly(Map.entry("0-2", 2L), Map.entry("3-5", 1L), Map.entry("6-10", 1L), Map.entry(">10", 1L));
        assertThat(ageing.oldestDays()).isEqualTo(20);
        assertThat(ageing.breaches()).isEqualTo(3);
        assertThat(values(LoopStartPanels.leadFigures(ageing))).containsExactly(
                Map.entry("loop.start.breaches[]", 3L),
                Map.entry("loop.start.oldest[]", 20L),
                Map.entry("loop.start.band[0–2]", 2L),
                Map.entry("loop.start.band[3–5]", 1L),
                Map.entry("loop.start.band[6–10]", 1L),
                Map.entry("loop.start.bandOver[10]", 1L));
    }

    @Test
    void aTeamWithoutOpenCasesSaysSoInsteadOfAnAge() {
        CaseAgeing ageing = CaseAgeing.of(List.of(), NOW);
        StartFigure oldest = LoopStartPanels.leadFigures(ageing).get(1);
        assertThat(oldest.value()).isNull();
        assertThat(oldest.note().key()).isEqualTo("loop.start.noneOpen");
    }

    @Test
    void casesAtRiskAreThoseStillToWorkWhoseDeadlineFallsWithinADay() {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        UUID owner = agent(team).id().value();
        CaseId soon = open(team, owner, 1, Duration.ofHours(2));
        CaseId lastMinute = open(team, owner, 1, Duration.ofHours(24));
        open(team, owner, 1, Duration.ofHours(25));                 // later than a day
        open(team, owner, 1, Duration.ofHours(-1));                 // breached already
        resolve(open(team, owner, 1, Duration.ofHours(3)));         // resolved

        List<CaseId> atRisk = files.workingDueBetween(NOW, NOW.plus(LoopStartPanels.AT_RISK)).stream()
                .filter(c -> team.equals(c.team())).map(CaseFile::id).toList();

        assertThat(atRisk).containsExactly(soon, lastMinute);
    }
}
