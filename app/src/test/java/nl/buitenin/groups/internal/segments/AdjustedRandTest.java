package nl.buitenin.groups.internal.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The adjusted Rand index against scikit-learn's documented examples and against an independent pair count. */
class AdjustedRandTest {

    @Test
    void agreesWithScikitLearnsDocumentedExamples() {
        // sklearn.metrics.adjusted_rand_score, "Examples" in its documentation.
        assertThat(AdjustedRand.index(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 1})).isEqualTo(1.0);
        assertThat(AdjustedRand.index(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0})).isEqualTo(1.0);
        assertThat(AdjustedRand.index(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1})).isCloseTo(0.5714, within(0.0001));
        assertThat(AdjustedRand.index(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2})).isCloseTo(0.5714, within(0.0001));
        assertThat(AdjustedRand.index(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3})).isEqualTo(0.0);
        // ARI may be negative: {0,0,1,1} against {0,1,0,1} is -0.5 in scikit-learn.
        assertThat(AdjustedRand.index(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1})).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void theExampleIsFourSeventhsByHand() {
        // Contingency {0,0,1,2} x {0,0,1,1}: cells 2,1,1 -> 1 pair; rows 2,1,1 -> 1; columns 2,2 -> 2; C(4,2) = 6.
        // E = 1 * 2 / 6 = 1/3; ARI = (1 - 1/3) / ((1 + 2) / 2 - 1/3) = 4/7.
        assertThat(AdjustedRand.index(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1})).isCloseTo(4.0 / 7, within(1e-12));
    }

    @Test
    void agreesWithThePairCountingFormOnRandomLabellings() {
        SplittableRandom random = new SplittableRandom(7);
        for (int run = 0; run < 200; run++) {
            int n = 2 + random.nextInt(60);
            int[] a = new int[n];
            int[] b = new int[n];
            int ka = 1 + random.nextInt(5);
            int kb = 1 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                a[i] = random.nextInt(ka);
                b[i] = random.nextBoolean() ? a[i] : random.nextInt(kb);
            }
            Double expected = byPairs(a, b);
            if (expected != null) {
                assertThat(AdjustedRand.index(a, b)).as("run %d", run).isCloseTo(expected, within(1e-9));
            }
        }
    }

    /**
     * Steinley (2004): with the pairs counted one by one — same in both (s), same in a only (x), in b only (y), apart in
     * both (d) — ARI = 2(s·d − x·y) / ((s + x)(x + d) + (s + y)(y + d)); null where that is 0/0.
     */
    private static Double byPairs(int[] a, int[] b) {
        long s = 0;
        long x = 0;
        long y = 0;
        long d = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                boolean sameA = a[i] == a[j];
                boolean sameB = b[i] == b[j];
                if (sameA && sameB) {
                    s++;
                } else if (sameA) {
                    x++;
                } else if (sameB) {
                    y++;
                } else {
                    d++;
                }
            }
        }
        double denominator = (double) (s + x) * (x + d) + (double) (s + y) * (y + d);
        return denominator == 0 ? null : 2.0 * (s * d - x * y) / denominator;
    }
}
