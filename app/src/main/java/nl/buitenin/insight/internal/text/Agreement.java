package nl.buitenin.insight.internal.text;

/**
 * Figures of a square confusion table (rows: one labelling, e.g. gold; columns: the other): accuracy,
 * macro-F1 and Cohen's kappa.
 */
public final class Agreement {

    private Agreement() {
    }

    public static double accuracy(double[][] table) {
        double total = 0;
        double diagonal = 0;
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table.length; j++) {
                total += table[i][j];
            }
            diagonal += table[i][i];
        }
        return total == 0 ? 0 : diagonal / total;
    }

    /** The mean over the classes of F1 = 2PR / (P + R); a class with no gold and no predicted texts counts as 0. */
    public static double macroF1(double[][] table) {
        double sum = 0;
        for (int c = 0; c < table.length; c++) {
            double truePositive = table[c][c];
            double predicted = 0;
            double actual = 0;
            for (int i = 0; i < table.length; i++) {
                predicted += table[i][c];
                actual += table[c][i];
            }
            double precision = predicted == 0 ? 0 : truePositive / predicted;
            double recall = actual == 0 ? 0 : truePositive / actual;
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return sum / table.length;
    }

    /** Cohen's kappa: (observed agreement - chance agreement) / (1 - chance agreement). */
    public static double kappa(double[][] table) {
        double total = 0;
        for (double[] row : table) {
            for (double cell : row) {
                total += cell;
            }
        }
        double observed = accuracy(table);
        double chance = 0;
        for (int c = 0; c < table.length; c++) {
            double row = 0;
            double column = 0;
            for (int i = 0; i < table.length; i++) {
                row += table[c][i];
                column += table[i][c];
            }
            chance += (row / total) * (column / total);
        }
        return chance == 1 ? 1 : (observed - chance) / (1 - chance);
    }
}
