package nl.buitenin.listening.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import nl.buitenin.insight.readings.GamingSignal;
import nl.buitenin.insight.readings.ScoreGaming;
import nl.buitenin.insight.readings.StaffAnswer;

/**
 * The demo's staff answers read as the issue asks, by the score-gaming engine itself, over many seeds: the pushers of
 * Boekingen Utrecht are flagged for excess top scores, nobody of the genuinely better Reisadvies is, and at team level
 * Boekingen Utrecht is flagged against the other teams and Reisadvies is not. The better team's distribution is shifted
 * as a whole (checked here from its definition), not spiked.
 */
class StaffDemoAnswersTest {

    static final Map<String, List<String>> ROSTER = new LinkedHashMap<>();
    static {
        ROSTER.put("Klantenservice", IntStream.rangeClosed(1, 8).mapToObj(i -> String.format("mw-%03d", i)).toList());
        ROSTER.put("Boekingen Utrecht", IntStream.rangeClosed(11, 18).mapToObj(i -> String.format("mw-%03d", i)).toList());
        ROSTER.put("Reisadvies", IntStream.rangeClosed(21, 28).mapToObj(i -> String.format("mw-%03d", i)).toList());
    }

    @Test
    void theBetterTeamsDistributionIsTheOrdinaryOneShiftedUpAsAWhole() {
        double[] better = StaffDemo.shifted(StaffDemo.ORDINARY, StaffDemo.BETTER_SHIFT);
        assertThat(java.util.Arrays.stream(better).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        double ordinary = 0;
        double shifted = 0;
        for (int v = 0; v < 10; v++) {
            ordinary += StaffDemo.ORDINARY[v];
            shifted += better[v];
            // Every cumulative share lower: the whole distribution moved up, not only the top.
            assertThat(shifted).isLessThan(ordinary);
            double logitGap = Math.log(ordinary / (1 - ordinary)) - Math.log(shifted / (1 - shifted));
            assertThat(logitGap).isCloseTo(StaffDemo.BETTER_SHIFT, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /**
     * Over 100 seeds, with the comments left out so that only the scores speak: the pushers are flagged for excess top
     * scores in at least nine of ten readings, honest staff in at most one in fifty (the false-discovery control at
     * work), Boekingen Utrecht as a team nearly always against the other teams, and the better Reisadvies never. The
     * demo's own seed is read in StaffDemoTest on the loaded demo.
     */
    @Test
    void theEngineFlagsThePushersAndTheirTeamAndNotTheBetterTeam() {
        int pusherReadings = 0;
        int pushersFlagged = 0;
        int honestReadings = 0;
        int honestFlagged = 0;
        int betterFlagged = 0;
        int teamFlagged = 0;
        for (long seed = 1; seed <= 100; seed++) {
            List<StaffAnswer> recent = StaffDemo.answers(new Random(seed), ROSTER).stream().filter(StaffDemo.Served::recent)
                    .map(a -> new StaffAnswer(a.staff(), a.team(), a.score(), null)).toList();
            for (GamingSignal signal : new ScoreGaming(0, 10, 0.05, ScoreGaming.DEFAULT_MINIMUM_ANSWERS).read(recent)) {
                assertThat(signal.n()).isEqualTo(StaffDemo.RECENT);
                if (StaffDemo.PUSHERS.contains(signal.staff())) {
                    pusherReadings++;
                    pushersFlagged += signal.reasons().contains(GamingSignal.Reason.EXCESS_TOP_SCORES) ? 1 : 0;
                } else {
                    honestReadings++;
                    honestFlagged += signal.flagged() ? 1 : 0;
                    betterFlagged += signal.flagged() && "Reisadvies".equals(signal.team()) ? 1 : 0;
                }
            }
            Map<String, GamingSignal> teams = new LinkedHashMap<>();
            new ScoreGaming(0, 10, 0.05, ScoreGaming.DEFAULT_MINIMUM_ANSWERS)
                    .read(recent.stream().map(a -> new StaffAnswer(a.team(), null, a.score(), null)).toList())
                    .forEach(s -> teams.put(s.staff(), s));
            teamFlagged += teams.get("Boekingen Utrecht").flagged() ? 1 : 0;
            assertThat(teams.get("Reisadvies").flagged()).as("seed %d: the better team", seed).isFalse();
            assertThat(teams.get("Klantenservice").flagged()).as("seed %d: the ordinary team", seed).isFalse();
            assertThat(recent.stream().filter(a -> a.team().equals("Reisadvies")).mapToInt(StaffAnswer::score).average().orElseThrow())
                    .as("the better team scores higher on average").isGreaterThan(
                            recent.stream().filter(a -> a.team().equals("Klantenservice")).mapToInt(StaffAnswer::score).average().orElseThrow());
        }
        assertThat((double) pushersFlagged / pusherReadings).as("pushers flagged").isGreaterThanOrEqualTo(0.9);
        assertThat((double) honestFlagged / honestReadings).as("honest staff flagged").isLessThanOrEqualTo(0.02);
        assertThat((double) betterFlagged / (100 * 8)).as("better staff flagged").isLessThanOrEqualTo(0.02);
        assertThat(teamFlagged).as("Boekingen Utrecht flagged as a team, of 100").isGreaterThanOrEqualTo(95);
    }

    @Test
    void theCommentsAskingForATenAreOnThePushersRecentAnswersInDutchAndEnglish() {
        List<StaffDemo.Served> answers = StaffDemo.answers(new Random(20260401L), ROSTER);
        List<StaffDemo.Served> asked = answers.stream().filter(a -> a.comment() != null
                && nl.buitenin.insight.readings.ScoreRequests.mentionsRequest(a.comment())).toList();
        assertThat(asked).hasSize(3).allMatch(a -> StaffDemo.PUSHERS.contains(a.staff()) && a.recent() && a.score() == 10);
        assertThat(asked).extracting(StaffDemo.Served::comment).anyMatch(c -> c.contains("vroeg of ik een 10 wilde geven"))
                .anyMatch(c -> c.contains("asked me to give a 10"));
    }
}
