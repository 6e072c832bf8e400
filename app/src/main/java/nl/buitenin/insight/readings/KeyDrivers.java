package nl.buitenin.insight.readings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * Which touchpoint or question scores move the overall score: the relative importance of each driver as its share of
 * the explained variance R² of a linear model, decomposed by LMG (Lindemann, Merenda and Gold 1980; the Shapley value
 * of R²): each driver's gain in R² averaged over all orders in which drivers can enter the model. Unlike regression
 * weights it stays sensible when drivers are correlated — as touchpoint scores always are — and the shares add up to 1.
 * Intervals are percentile bootstrap intervals over respondents. Rows with an empty cell in any column are left out
 * (complete cases, as R's relaimpo does by default); the number used is reported.
 */
public final class KeyDrivers {

    /** More drivers make the 2^p subsets too many to average over. */
    public static final int MAX_DRIVERS = 16;

    private KeyDrivers() {
    }

    /** One driver's importance share with its 95 % bootstrap interval and its mean (current performance). */
    public record Driver(String name, double importance, double lower, double upper, double mean) {
    }

    /** The decomposition: R² of the full model, the complete rows used, and the drivers in input order. */
    public record Result(double rSquared, int n, List<Driver> drivers) {
    }

    /**
     * @param outcome  the overall score per respondent
     * @param drivers  per driver, its score per respondent (same order as outcome)
     * @param names    the drivers' names
     * @param resamples bootstrap resamples (0 for none: the interval is then the point)
     */
    public static Result decompose(double[] outcome, List<double[]> drivers, List<String> names, int resamples, long seed) {
        int p = drivers.size();
        if (p < 1 || p > MAX_DRIVERS) {
            throw new IllegalArgumentException("between 1 and " + MAX_DRIVERS + " drivers, got " + p);
        }
        if (names.size() != p) {
            throw new IllegalArgumentException("a name per driver");
        }
        int n = outcome.length;
        if (n < p + 2) {
            throw new IllegalArgumentException("needs at least " + (p + 2) + " complete rows for " + p + " drivers, got " + n);
        }
        double[][] data = new double[n][p + 1];
        for (int r = 0; r < n; r++) {
            data[r][0] = outcome[r];
            for (int j = 0; j < p; j++) {
                data[r][j + 1] = drivers.get(j)[r];
            }
        }
        for (int c = 0; c <= p; c++) {
            if (variance(data, c) == 0) {
                throw new IllegalArgumentException((c == 0 ? "the outcome" : "driver '" + names.get(c - 1) + "'")
                        + " has the same value in every row: it explains nothing");
            }
        }
        double[] lmg = lmg(data, p);
        double rSquared = Arrays.stream(lmg).sum();
        double[][] boot = new double[p][resamples];
        SplittableRandom random = new SplittableRandom(seed);
        int kept = 0;
        for (int b = 0; b < resamples; b++) {
            double[][] sample = new double[n][];
            for (int r = 0; r < n; r++) {
                sample[r] = data[random.nextInt(n)];
            }
            if (!allVary(sample, p)) {
                continue; // a resample where a column is constant has no R² to share; rare, skipped
            }
            double[] shares = shares(lmg(sample, p));
            for (int j = 0; j < p; j++) {
                boot[j][kept] = shares[j];
            }
            kept++;
        }
        double[] shares = shares(lmg);
        List<Driver> result = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double lower = shares[j];
            double upper = shares[j];
            if (kept > 0) {
                double[] sorted = Arrays.copyOf(boot[j], kept);
                Arrays.sort(sorted);
                lower = Math.min(shares[j], percentile(sorted, 0.025));
                upper = Math.max(shares[j], percentile(sorted, 0.975));
            }
            result.add(new Driver(names.get(j), shares[j], lower, upper, mean(data, j + 1)));
        }
        return new Result(rSquared, n, List.copyOf(result));
    }

    /** The LMG value of each driver: its R² gain averaged over all orders, by subset weights |S|!(p-|S|-1)!/p!. */
    static double[] lmg(double[][] data, int p) {
        RealMatrix correlation = new PearsonsCorrelation(data).getCorrelationMatrix();
        int subsets = 1 << p;
        double[] r2 = new double[subsets];
        for (int s = 1; s < subsets; s++) {
            r2[s] = rSquared(correlation, s, p);
        }
        double[] factorial = new double[p + 1];
        factorial[0] = 1;
        for (int i = 1; i <= p; i++) {
            factorial[i] = factorial[i - 1] * i;
        }
        double[] values = new double[p];
        for (int j = 0; j < p; j++) {
            int bit = 1 << j;
            for (int s = 0; s < subsets; s++) {
                if ((s & bit) != 0) {
                    continue;
                }
                int size = Integer.bitCount(s);
                double weight = factorial[size] * factorial[p - size - 1] / factorial[p];
                values[j] += weight * (r2[s | bit] - r2[s]);
            }
        }
        return values;
    }

    /** R² of the outcome on the drivers in subset s: r' R⁻¹ r from the correlation matrix (column 0 the outcome). */
    private static double rSquared(RealMatrix correlation, int s, int p) {
        int[] members = new int[Integer.bitCount(s)];
        int k = 0;
        for (int j = 0; j < p; j++) {
            if ((s & (1 << j)) != 0) {
                members[k++] = j + 1;
            }
        }
        RealMatrix within = correlation.getSubMatrix(members, members);
        RealVector withOutcome = new ArrayRealVector(members.length);
        for (int i = 0; i < members.length; i++) {
            withOutcome.setEntry(i, correlation.getEntry(0, members[i]));
        }
        // The pseudo-inverse keeps a perfectly collinear pair from breaking the decomposition (their R² is shared).
        DecompositionSolver solver = new SingularValueDecomposition(new Array2DRowRealMatrix(within.getData())).getSolver();
        RealVector weights = solver.getInverse().operate(withOutcome);
        return Math.max(0, Math.min(1, weights.dotProduct(withOutcome)));
    }

    private static double[] shares(double[] lmg) {
        double total = Arrays.stream(lmg).sum();
        double[] shares = new double[lmg.length];
        for (int j = 0; j < lmg.length; j++) {
            shares[j] = total > 0 ? lmg[j] / total : 1.0 / lmg.length;
        }
        return shares;
    }

    private static boolean allVary(double[][] data, int p) {
        for (int c = 0; c <= p; c++) {
            if (variance(data, c) == 0) {
                return false;
            }
        }
        return true;
    }

    private static double variance(double[][] data, int column) {
        double mean = mean(data, column);
        double sum = 0;
        for (double[] row : data) {
            sum += (row[column] - mean) * (row[column] - mean);
        }
        return sum;
    }

    private static double mean(double[][] data, int column) {
        double sum = 0;
        for (double[] row : data) {
            sum += row[column];
        }
        return sum / data.length;
    }

    /** Percentile by linear interpolation between order statistics (R's quantile type 7). */
    private static double percentile(double[] sorted, double probability) {
        double position = probability * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
