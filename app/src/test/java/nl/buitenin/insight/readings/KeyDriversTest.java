package nl.buitenin.insight.readings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class KeyDriversTest {

    /**
     * An independent computation: the same twelve respondents decomposed by a separate program that fits every model
     * by least squares on the raw data and averages each driver's R² gain over all 3! orders (not by subset weights
     * on the correlation matrix, as the code does): R² = 0.958627, LMG 0.338914, 0.324561, 0.295152.
     */
    @Test
    void matchesAnIndependentAllOrdersComputation() {
        double[][] x = {{7, 6, 8}, {5, 5, 6}, {9, 8, 9}, {4, 3, 5}, {8, 8, 7}, {6, 5, 7}, {3, 4, 4}, {7, 7, 6}, {9, 9, 8},
                {5, 6, 5}, {6, 6, 8}, {8, 7, 9}};
        double[] y = {8, 5, 10, 3, 8, 6, 4, 7, 9, 6, 7, 9};
        KeyDrivers.Result result = KeyDrivers.decompose(y, List.of(column(x, 0), column(x, 1), column(x, 2)),
                List.of("a", "b", "c"), 0, 1);
        assertThat(result.rSquared()).isCloseTo(0.958627, within(1e-6));
        assertThat(result.drivers().get(0).importance()).isCloseTo(0.338914 / 0.958627, within(1e-6));
        assertThat(result.drivers().get(1).importance()).isCloseTo(0.324561 / 0.958627, within(1e-6));
        assertThat(result.drivers().get(2).importance()).isCloseTo(0.295152 / 0.958627, within(1e-6));
        assertThat(result.drivers().stream().mapToDouble(KeyDrivers.Driver::importance).sum()).isCloseTo(1, within(1e-12));
        assertThat(result.drivers().get(0).mean()).isCloseTo(77.0 / 12, within(1e-12));
    }

    /**
     * Known truth with correlated drivers: standardised coefficients 0.5, 0.3, 0.1, driver correlations 0.5, 0.3, 0.4
     * and unit noise. The population LMG shares, computed separately from the correlation matrix, are 0.5557, 0.3414,
     * 0.1029; 20 000 simulated respondents recover them, and the bootstrap intervals of 400 respondents cover them.
     */
    @Test
    void recoversKnownImportanceWithCorrelatedDrivers() {
        double[] truth = {0.5557, 0.3414, 0.1029};
        KeyDrivers.Result large = simulate(20000, 0, 3);
        for (int j = 0; j < 3; j++) {
            assertThat(large.drivers().get(j).importance()).isCloseTo(truth[j], within(0.015));
        }
        int covered = 0;
        for (long seed = 10; seed < 30; seed++) {
            KeyDrivers.Result small = simulate(400, 300, seed);
            for (int j = 0; j < 3; j++) {
                KeyDrivers.Driver driver = small.drivers().get(j);
                if (driver.lower() <= truth[j] && truth[j] <= driver.upper()) {
                    covered++;
                }
            }
        }
        assertThat(covered / 60.0).as("bootstrap coverage").isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void refusesAConstantDriverByName() {
        assertThatThrownBy(() -> KeyDrivers.decompose(new double[] {1, 2, 3, 4}, List.of(new double[] {5, 5, 5, 5}),
                List.of("wachttijd"), 0, 1)).hasMessageContaining("'wachttijd' has the same value in every row");
    }

    private static KeyDrivers.Result simulate(int n, int resamples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] lower = choleskyLower(new double[][] {{1, 0.5, 0.3}, {0.5, 1, 0.4}, {0.3, 0.4, 1}});
        double[] y = new double[n];
        double[][] x = new double[3][n];
        for (int r = 0; r < n; r++) {
            double[] z = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k <= i; k++) {
                    x[i][r] += lower[i][k] * z[k];
                }
            }
            y[r] = 0.5 * x[0][r] + 0.3 * x[1][r] + 0.1 * x[2][r] + random.nextGaussian();
        }
        return KeyDrivers.decompose(y, List.of(x[0], x[1], x[2]), List.of("a", "b", "c"), resamples, seed);
    }

    private static double[][] choleskyLower(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(sum) : sum / l[j][j];
            }
        }
        return l;
    }

    private static double[] column(double[][] rows, int c) {
        double[] column = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            column[r] = rows[r][c];
        }
        return column;
    }
}
