package nl.buitenin.readings;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import nl.buitenin.insight.readings.GamingSignal;
import nl.buitenin.insight.readings.ScoreGaming;
import nl.buitenin.insight.readings.StaffAnswer;

/**
 * How often every gamer is flagged when the gamers share a team (each is read against the rest of their team, which
 * then holds the other gamers' tens too), printed for docs/readings.md. A measurement, not a check; only on request:
 * {@code ./mvnw -pl app test -Dtest=TeamGamersPowerTable -Dbuitenin.measure=true}.
 */
@EnabledIfSystemProperty(named = "buitenin.measure", matches = "true")
class TeamGamersPowerTable {

    private static final int RUNS = 60;

    @Test
    void print() {
        System.out.println("| gamers in one team of ten | answers each | every gamer flagged | gamers flagged | better staff flagged |");
        System.out.println("|---|---|---|---|---|");
        for (int gamers = 1; gamers <= 3; gamers++) {
            for (int n : new int[] {300, 500}) {
                int all = 0;
                int flaggedGamers = 0;
                int flaggedBetter = 0;
                for (int seed = 0; seed < RUNS; seed++) {
                    List<GamingSignal> signals = new ScoreGaming(0, 10, 0.05, 20).read(organisation(new SplittableRandom(seed), n, gamers));
                    int found = (int) signals.subList(0, gamers).stream().filter(GamingSignal::flagged).count();
                    flaggedGamers += found;
                    all += found == gamers ? 1 : 0;
                    flaggedBetter += (int) signals.subList(10, 13).stream().filter(GamingSignal::flagged).count();
                }
                System.out.printf("| %d | %d | %d of %d | %.0f %% | %d of %d |%n", gamers, n, all, RUNS, 100.0 * flaggedGamers / (gamers * RUNS),
                        flaggedBetter, 3 * RUNS);
            }
        }
    }

    /** 30 staff in three teams of ten: the first {@code gamers} game (half their middle answers to 10), three better in the second. */
    private static List<StaffAnswer> organisation(SplittableRandom random, int n, int gamers) {
        List<StaffAnswer> answers = new ArrayList<>();
        for (int member = 0; member < 30; member++) {
            String team = member < 10 ? "A" : member < 20 ? "B" : "C";
            boolean gamer = member < gamers;
            boolean better = member >= 10 && member < 13;
            double shift = better ? 1.0 : random.nextGaussian() * 0.15;
            for (int i = 0; i < n; i++) {
                int score = GamingFixture.draw(random, shift);
                if (gamer && score >= 5 && score <= 8 && random.nextDouble() < 0.5) {
                    score = 10;
                }
                answers.add(new StaffAnswer("m" + member, team, score, null));
            }
        }
        return answers;
    }
}
