package nl.buitenin.insight.readings;

/**
 * Solves a small symmetric positive semi-definite system (normal equations) by a Cholesky factorisation that leaves
 * out a column whose pivot vanishes — a column the earlier columns already explain. Such a column's coefficient is 0:
 * the solution of the system without it. Earlier columns are kept first, so the caller orders columns by how much
 * they matter.
 */
final class Cholesky {

    /** A pivot below this share of its column's own diagonal counts as explained by the earlier columns. */
    private static final double DROP = 1e-9;

    private final double[][] lower;
    private final boolean[] kept;
    private final int rank;

    private Cholesky(double[][] lower, boolean[] kept, int rank) {
        this.lower = lower;
        this.kept = kept;
        this.rank = rank;
    }

    static Cholesky of(double[][] matrix) {
        int n = matrix.length;
        double[][] lower = new double[n][n];
        boolean[] kept = new boolean[n];
        int rank = 0;
        for (int j = 0; j < n; j++) {
            double pivot = matrix[j][j];
            for (int m = 0; m < j; m++) {
                pivot -= lower[j][m] * lower[j][m];
            }
            if (!(matrix[j][j] > 0) || pivot <= DROP * matrix[j][j]) {
                continue;
            }
            kept[j] = true;
            rank++;
            double diagonal = Math.sqrt(pivot);
            lower[j][j] = diagonal;
            for (int i = j + 1; i < n; i++) {
                double value = matrix[i][j];
                for (int m = 0; m < j; m++) {
                    value -= lower[i][m] * lower[j][m];
                }
                lower[i][j] = value / diagonal;
            }
        }
        return new Cholesky(lower, kept, rank);
    }

    /** The number of columns kept. */
    int rank() {
        return rank;
    }

    /** The solution, 0 for every column left out. */
    double[] solve(double[] rhs) {
        double[] forward = forward(rhs);
        int n = rhs.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            if (kept[i]) {
                double value = forward[i];
                for (int m = i + 1; m < n; m++) {
                    value -= lower[m][i] * x[m];
                }
                x[i] = value / lower[i][i];
            }
        }
        return x;
    }

    /** v'·M⁻¹·v over the kept columns: a row's leverage when M is the Gram matrix of the rows. */
    double leverage(double[] row) {
        double[] forward = forward(row);
        double sum = 0;
        for (double value : forward) {
            sum += value * value;
        }
        return sum;
    }

    private double[] forward(double[] rhs) {
        int n = rhs.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (kept[i]) {
                double value = rhs[i];
                for (int m = 0; m < i; m++) {
                    value -= lower[i][m] * y[m];
                }
                y[i] = value / lower[i][i];
            }
        }
        return y;
    }
}
