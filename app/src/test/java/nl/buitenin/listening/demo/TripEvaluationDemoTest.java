package nl.buitenin.listening.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import nl.buitenin.insight.readings.KeyDrivers;
import nl.buitenin.listening.internal.answers.GivenAnswer;

/**
 * The demo's trip evaluation is generated from known weights on correlated parts; with half a year of answers (as the
 * demo loads them) the decomposition must find the part with the largest weight on top, and that part must score lowest,
 * so the page has a clear "fix first". Checked on several seeds, since the demo's seed is the organisation's.
 */
class TripEvaluationDemoTest {

    @Test
    void halfAYearOfAnswersShowsTheHeaviestPartOnTopAndWeakest() {
        int n = TripEvaluationDemo.WEEKS * 7 * TripEvaluationDemo.PER_DAY;
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            List<double[]> rows = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                List<GivenAnswer> answers = TripEvaluationDemo.answers(random);
                if (answers.size() == TripEvaluationDemo.KEYS.length + 1) {
                    rows.add(answers.stream().mapToDouble(a -> a.score()).toArray());
                }
            }
            assertThat(rows.size()).as("complete answers").isGreaterThan(200);
            List<double[]> drivers = new ArrayList<>();
            for (int j = 1; j <= TripEvaluationDemo.KEYS.length; j++) {
                int c = j;
                drivers.add(rows.stream().mapToDouble(row -> row[c]).toArray());
            }
            KeyDrivers.Result result = KeyDrivers.decompose(rows.stream().mapToDouble(row -> row[0]).toArray(), drivers,
                    List.of(TripEvaluationDemo.KEYS), 200, seed);
            KeyDrivers.Driver top = result.drivers().stream().max(Comparator.comparingDouble(KeyDrivers.Driver::importance)).orElseThrow();
            KeyDrivers.Driver weakest = result.drivers().stream().min(Comparator.comparingDouble(KeyDrivers.Driver::mean)).orElseThrow();
            assertThat(top.name()).as("top driver, seed %d: %s", seed, result).isEqualTo("stay");
            assertThat(weakest.name()).as("weakest, seed %d", seed).isEqualTo("stay");
            KeyDrivers.Driver second = result.drivers().stream().filter(d -> d != top)
                    .max(Comparator.comparingDouble(KeyDrivers.Driver::importance)).orElseThrow();
            assertThat(top.lower()).as("the top driver's interval lies above the next one's share, seed %d", seed)
                    .isGreaterThan(second.importance());
        }
    }
}
