package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.insight.readings.GamingSignal;
import nl.buitenin.insight.readings.ScoreGaming;
import nl.buitenin.insight.readings.StaffAnswer;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.ScoredResponse;
import nl.buitenin.listening.ScoredResponses;
import nl.buitenin.loop.TeamLeads;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.StaffReads;

/**
 * The loaded demo has who served the person on its contacts and answers, as readable pseudonyms in three teams, and the
 * score-gaming engine reads its last twelve weeks as the issue wants: the pushers of Boekingen Utrecht and that team are
 * flagged, nobody of the genuinely better Reisadvies is. The answers are read the one way (ScoredResponses) after the
 * purpose allows it (StaffReads). (The same settings as {@code DemoAsDocumentedTest}, so the two share one loaded demo.)
 */
@SpringBootTest(properties = "buitenin.demo.people=400")
@ActiveProfiles("demo")
class StaffDemoTest {

    @Autowired
    ScoredResponses scored;
    @Autowired
    StaffReads staffReads;
    @Autowired
    TeamLeads leads;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void contactsAtTheStaffedTouchpointsCarryAReadablePseudonymAndATeam() {
        List<String> refs = jdbc.sql("select distinct staff_ref from interaction where staff_ref is not null").query(String.class).list();
        assertThat(refs).hasSizeGreaterThanOrEqualTo(24).allMatch(ref -> ref.matches("mw-\\d{3}"));
        assertThat(jdbc.sql("select distinct team from interaction where team is not null order by team").query(String.class).list())
                .containsExactly("Boekingen Utrecht", "Klantenservice", "Reisadvies");
        assertThat(jdbc.sql("select count(*) from interaction where (staff_ref is null) <> (team is null)").query(Long.class).single()).isZero();
        // The team a lead exists for in the demo is one of the staff's teams, so a lead can be shown their own people.
        assertThat(leads.teamLedBy("teamleider")).contains("Klantenservice");
    }

    @Test
    void theGamingEngineFlagsThePushedAgentsAndTeamAndNotTheBetterOnes() {
        ZoneId zone = organisations.current().timeZone();
        Instant to = ZonedDateTime.now(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        Instant from = ZonedDateTime.now(zone).toLocalDate().minusWeeks(12).plusDays(1).atStartOfDay(zone).toInstant();
        String what = "score gaming per staff member in the demo " + UUID.randomUUID();
        Instant since = staffReads.check(what);
        assertThat(jdbc.sql("select count(*) from privacy_access_log where what = :w").param("w", what).query(Long.class).single()).isEqualTo(1);

        List<StaffAnswer> answers = new ArrayList<>();
        Map<String, Set<String>> staffPerTeam = new TreeMap<>();
        Map<String, Integer> nPerTeam = new TreeMap<>();
        for (ScoredResponse response : scored.between(from.isBefore(since) ? since : from, to, Set.of())) {
            if (response.staff() == null || response.first(QuestionType.NPS).isEmpty()) {
                continue;
            }
            answers.add(new StaffAnswer(response.staff(), response.team(), response.first(QuestionType.NPS).get().value(), null));
            staffPerTeam.computeIfAbsent(response.team(), t -> new TreeSet<>()).add(response.staff());
            nPerTeam.merge(response.team(), 1, Integer::sum);
        }
        assertThat(staffPerTeam.keySet()).containsExactly("Boekingen Utrecht", "Klantenservice", "Reisadvies");
        staffPerTeam.values().forEach(staff -> assertThat(staff).hasSizeGreaterThanOrEqualTo(8));
        nPerTeam.values().forEach(n -> assertThat(n).isGreaterThanOrEqualTo(30));
        // The comments asking for a 10 are read from the answers' texts, not passed in: the excess alone must flag.
        Set<String> flagged = new HashSet<>();
        for (GamingSignal signal : new ScoreGaming(0, 10, 0.05, ScoreGaming.DEFAULT_MINIMUM_ANSWERS).read(answers)) {
            if (signal.flagged()) {
                flagged.add(signal.staff());
                assertThat(signal.team()).isEqualTo("Boekingen Utrecht");
            }
        }
        assertThat(flagged).containsExactlyInAnyOrder("mw-011", "mw-013", "mw-016");

        Map<String, GamingSignal> teams = new LinkedHashMap<>();
        new ScoreGaming(0, 10, 0.05, ScoreGaming.DEFAULT_MINIMUM_ANSWERS)
                .read(answers.stream().map(a -> new StaffAnswer(a.team(), null, a.score(), null)).toList())
                .forEach(s -> teams.put(s.staff(), s));
        assertThat(teams.get("Boekingen Utrecht").flagged()).isTrue();
        assertThat(teams.get("Reisadvies").flagged()).isFalse();
        assertThat(teams.get("Klantenservice").flagged()).isFalse();
    }

    @Test
    void twoCommentsAskForATenInDutchAndEnglish() {
        List<String> asked = jdbc.sql("select a.text_value from listening_answer a join listening_response r on r.id = a.response_id "
                        + "where r.team = 'Boekingen Utrecht' and (a.text_value like '%vroeg of ik een 10%' or a.text_value like '%asked me to give a 10%')")
                .query(String.class).list();
        assertThat(asked).anyMatch(t -> t.contains("de medewerker vroeg of ik een 10 wilde geven") || t.contains("De medewerker vroeg of ik een 10"))
                .anyMatch(t -> t.contains("asked me to give a 10"));
    }
}
