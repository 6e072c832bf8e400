package nl.buitenin.insight.readings;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini–Hochberg (1995) control of the false-discovery rate: when many staff members are tested at once, a 5 %
 * level per test would flag about one in twenty honest people by chance. The adjusted q-values are those of R's
 * {@code p.adjust(p, "BH")}: flag where q &le; the chosen rate.
 */
public final class FalseDiscovery {

    private FalseDiscovery() {
    }

    /** The BH-adjusted q-value of each p-value, in the same order. */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        for (double p : pValues) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p-values lie in 0..1, got " + p);
            }
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] q = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int index = order[rank - 1];
            running = Math.min(running, pValues[index] * m / rank);
            q[index] = running;
        }
        return q;
    }
}
