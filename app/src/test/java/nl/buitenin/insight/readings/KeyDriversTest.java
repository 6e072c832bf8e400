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

    /**
     * The definition itself, written out here and computed on the raw data: for every one of the 4! = 24 orders in
     * which four drivers can enter, fit each nested model by ordinary least squares with an intercept (normal
     * equations solved by Gaussian elimination, here in the test) and credit each driver with the rise in R² when
     * it enters; a driver's LMG value is its mean rise over the orders. The code instead weighs subsets on the
     * correlation matrix and inverts by singular values, so the two share no step but the definition. The data:
     * 40 respondents with correlated drivers (a shared "mood" term) drawn with a fixed seed.
     */
    @Test
    void matchesTheDefinitionWrittenOutOverAllOrders() {
        int n = 40;
        int p = 4;
        SplittableRandom random = new SplittableRandom(2006);
        double[][] x = new double[p][n];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            double mood = random.nextGaussian();
            for (int j = 0; j < p; j++) {
                x[j][r] = Math.round(5 + 1.2 * mood + random.nextGaussian() * (1 + j * 0.3));
            }
            y[r] = Math.round(6 + 0.9 * x[0][r] + 0.5 * x[1][r] + 0.2 * x[2][r] + 0.05 * x[3][r] + random.nextGaussian() * 1.5);
        }
        double[] expected = new double[p];
        List<int[]> orders = permutations(p);
        for (int[] order : orders) {
            List<Integer> entered = new java.util.ArrayList<>();
            double before = 0;
            for (int driver : order) {
                entered.add(driver);
                double after = leastSquaresRSquared(y, x, entered);
                expected[driver] += (after - before) / orders.size();
                before = after;
            }
        }
        KeyDrivers.Result result = KeyDrivers.decompose(y, List.of(x[0], x[1], x[2], x[3]), List.of("a", "b", "c", "d"), 0, 1);
        double total = java.util.Arrays.stream(expected).sum();
        assertThat(result.rSquared()).isCloseTo(total, within(1e-9));
        for (int j = 0; j < p; j++) {
            assertThat(result.drivers().get(j).importance()).as("driver %d", j).isCloseTo(expected[j] / total, within(1e-9));
        }
        assertThat(result.drivers().get(0).importance()).isGreaterThan(result.drivers().get(1).importance());
    }

    /** R² of y on an intercept and the given columns of x, by the normal equations X'X b = X'y. */
    private static double leastSquaresRSquared(double[] y, double[][] x, List<Integer> columns) {
        int n = y.length;
        int k = columns.size() + 1;
        double[][] a = new double[k][k + 1];
        for (int r = 0; r < n; r++) {
            double[] row = new double[k];
            row[0] = 1;
            for (int c = 1; c < k; c++) {
                row[c] = x[columns.get(c - 1)][r];
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    a[i][j] += row[i] * row[j];
                }
                a[i][k] += row[i] * y[r];
            }
        }
        for (int i = 0; i < k; i++) { // Gauss–Jordan with partial pivoting
            int pivot = i;
            for (int r = i + 1; r < k; r++) {
                if (Math.abs(a[r][i]) > Math.abs(a[pivot][i])) {
                    pivot = r;
                }
            }
            double[] swap = a[i];
            a[i] = a[pivot];
            a[pivot] = swap;
            for (int r = 0; r < k; r++) {
                if (r != i) {
                    double factor = a[r][i] / a[i][i];
                    for (int c = i; c <= k; c++) {
                        a[r][c] -= factor * a[i][c];
                    }
                }
            }
        }
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        double residual = 0;
        double totalSquares = 0;
        for (int r = 0; r < n; r++) {
            double fitted = a[0][k] / a[0][0];
            for (int c = 1; c < k; c++) {
                fitted += a[c][k] / a[c][c] * x[columns.get(c - 1)][r];
            }
            residual += (y[r] - fitted) * (y[r] - fitted);
            totalSquares += (y[r] - mean) * (y[r] - mean);
        }
        return 1 - residual / totalSquares;
    }

    private static List<int[]> permutations(int p) {
        List<int[]> all = new java.util.ArrayList<>();
        permute(new int[p], new boolean[p], 0, all);
        return all;
    }

    private static void permute(int[] order, boolean[] used, int depth, List<int[]> all) {
        if (depth == order.length) {
            all.add(order.clone());
            return;
        }
        for (int j = 0; j < order.length; j++) {
            if (!used[j]) {
                used[j] = true;
                order[depth] = j;
                permute(order, used, depth + 1, all);
                used[j] = false;
            }
        }
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
