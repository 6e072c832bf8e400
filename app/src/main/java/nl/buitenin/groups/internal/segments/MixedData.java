package nl.buitenin.groups.internal.segments;

import java.util.Objects;

/**
 * People described by numeric and categorical features, one row per person. A numeric value may be NaN (not known: it
 * counts as the column's mean); a categorical value is a code per column, -1 for "not known", which is a value of its own.
 *
 * @param numeric     n rows of p numbers (p may be 0)
 * @param categorical n rows of q codes (q may be 0)
 */
public record MixedData(double[][] numeric, int[][] categorical) {

    public MixedData {
        Objects.requireNonNull(numeric, "numeric");
        Objects.requireNonNull(categorical, "categorical");
        if (numeric.length != categorical.length) {
            throw new IllegalArgumentException("numeric and categorical rows differ: " + numeric.length + " and " + categorical.length);
        }
    }

    public int size() {
        return numeric.length;
    }

    public int numericColumns() {
        return numeric.length == 0 ? 0 : numeric[0].length;
    }

    public int categoricalColumns() {
        return categorical.length == 0 ? 0 : categorical[0].length;
    }

    /**
     * The same data with every numeric column standardised to mean 0 and standard deviation 1 (missing values become 0,
     * the mean; a column that does not vary becomes all 0), so that no column weighs more for its unit alone.
     */
    public MixedData standardised() {
        int n = size();
        int p = numericColumns();
        double[][] z = new double[n][p];
        for (int j = 0; j < p; j++) {
            double sum = 0;
            int count = 0;
            for (double[] row : numeric) {
                if (!Double.isNaN(row[j])) {
                    sum += row[j];
                    count++;
                }
            }
            double mean = count == 0 ? 0 : sum / count;
            double squares = 0;
            for (double[] row : numeric) {
                if (!Double.isNaN(row[j])) {
                    squares += (row[j] - mean) * (row[j] - mean);
                }
            }
            double sd = count < 2 ? 0 : Math.sqrt(squares / (count - 1));
            for (int i = 0; i < n; i++) {
                double v = numeric[i][j];
                z[i][j] = Double.isNaN(v) || sd == 0 ? 0 : (v - mean) / sd;
            }
        }
        return new MixedData(z, categorical);
    }
}
