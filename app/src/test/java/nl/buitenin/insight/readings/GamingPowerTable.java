package nl.buitenin.insight.readings;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints the power table of docs/readings.md (a measurement, not a check; about a minute, so only on request):
 * {@code ./mvnw -pl app test -Dtest=GamingPowerTable -Dbuitenin.measure=true}.
 */
@EnabledIfSystemProperty(named = "buitenin.measure", matches = "true")
class GamingPowerTable {

    @Test
    void printTheTable() {
        System.out.println("| answers per agent | pushed share | gamers flagged | better flagged | honest flagged |");
        for (int n : new int[] {100, 200, 300, 500}) {
            for (double pushed : new double[] {0.2, 0.3, 0.5}) {
                int gamers = 0;
                int better = 0;
                int honest = 0;
                int runs = 40;
                for (long seed = 0; seed < runs; seed++) {
                    List<GamingSignal> signals = new ScoreGaming(0, 10, 0.05, 20)
                            .read(ScoreGamingTest.organisation(new SplittableRandom(seed * 31 + n), n, pushed));
                    for (GamingSignal signal : signals) {
                        if (signal.flagged()) {
                            if (signal.staff().startsWith("gamer")) {
                                gamers++;
                            } else if (signal.staff().startsWith("better")) {
                                better++;
                            } else {
                                honest++;
                            }
                        }
                    }
                }
                System.out.printf("| %d | %.0f %% | %.0f %% | %.1f %% | %.2f %% |%n", n, 100 * pushed, 100 * gamers / (3.0 * runs),
                        100 * better / (3.0 * runs), 100 * honest / (24.0 * runs));
            }
        }
    }
}
