package nl.buitenin.insight.readings;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import nl.buitenin.insight.readings.ScaleCalibration.Result;
import nl.buitenin.insight.readings.ScaleCalibration.Target;

/**
 * Prints the ranking table of docs/readings.md (a measurement, not a check; only on request):
 * {@code ./mvnw -pl app test -Dtest=CalibrationRankingTable -Dbuitenin.measure=true}. The simulated respondents are
 * ScaleCalibrationTest's: harsh raters mostly about the better targets, lenient ones about the worse.
 */
@EnabledIfSystemProperty(named = "buitenin.measure", matches = "true")
class CalibrationRankingTable {

    @Test
    void printTheTable() {
        table(8);
        table(10);
    }

    private static void table(int harshMaximum) {
        int runs = 200;
        System.out.println("Harsh raters never above " + harshMaximum);
        System.out.println("| respondents | answers (about) | raw ranking right | calibrated ranking right | calibrated interval covers truth |");
        for (int persons : new int[] {30, 60, 150, 300, 600}) {
            int raw = 0;
            int calibrated = 0;
            int covered = 0;
            int intervals = 0;
            for (long seed = 1; seed <= runs; seed++) {
                boolean withIntervals = seed <= 40;
                Result result = ScaleCalibration.calibrate(ScaleCalibrationTest.uneven(new SplittableRandom(seed * 7919 + persons),
                        persons, harshMaximum), withIntervals ? 200 : 0, seed);
                raw += ScaleCalibrationTest.rankedRightly(result, Target::rawMean) ? 1 : 0;
                calibrated += ScaleCalibrationTest.rankedRightly(result, Target::calibratedMean) ? 1 : 0;
                if (withIntervals) {
                    for (Target target : result.targets()) {
                        double truth = ScaleCalibrationTest.TRUE_EFFECTS[Integer.parseInt(target.target().substring(1))];
                        covered += truth >= target.low() && truth <= target.high() ? 1 : 0;
                        intervals++;
                    }
                }
            }
            System.out.printf("| %d | %d | %.0f %% | %.0f %% | %.0f %% |%n", persons, persons * 4, 100.0 * raw / runs,
                    100.0 * calibrated / runs, 100.0 * covered / intervals);
        }
    }
}
