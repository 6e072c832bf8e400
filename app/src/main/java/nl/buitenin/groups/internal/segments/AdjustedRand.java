package nl.buitenin.groups.internal.segments;

import java.util.HashMap;
import java.util.Map;

/**
 * The adjusted Rand index (Hubert and Arabie 1985) of two labellings of the same people: 1 when they group the people
 * alike, about 0 for a labelling no better than chance, negative when worse. Computed from the contingency table:
 * (Σ C(n_ij, 2) − E) / (½(Σ C(a_i, 2) + Σ C(b_j, 2)) − E), with E = Σ C(a_i, 2) · Σ C(b_j, 2) / C(n, 2). As scikit-learn's
 * {@code adjusted_rand_score}, two labellings that each put everybody together or everybody apart score 1.
 */
public final class AdjustedRand {

    private AdjustedRand() {
    }

    public static double index(int[] truth, int[] found) {
        if (truth.length != found.length) {
            throw new IllegalArgumentException("labellings of different lengths: " + truth.length + " and " + found.length);
        }
        int n = truth.length;
        Map<Long, Long> cells = new HashMap<>();
        Map<Integer, Long> rows = new HashMap<>();
        Map<Integer, Long> columns = new HashMap<>();
        for (int i = 0; i < n; i++) {
            cells.merge(((long) truth[i] << 32) | (found[i] & 0xffffffffL), 1L, Long::sum);
            rows.merge(truth[i], 1L, Long::sum);
            columns.merge(found[i], 1L, Long::sum);
        }
        double index = cells.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double a = rows.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double b = columns.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double all = pairs(n);
        if (all == 0) {
            return 1.0;
        }
        double expected = a * b / all;
        double max = (a + b) / 2;
        if (max == expected) {
            // Both labellings are trivial (one cluster each, or every person alone): they agree.
            return 1.0;
        }
        return (index - expected) / (max - expected);
    }

    private static double pairs(long m) {
        return m * (m - 1) / 2.0;
    }
}
