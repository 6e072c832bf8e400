package nl.buitenin.insight.readings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

import nl.buitenin.insight.Histogram;
import nl.buitenin.insight.ScoreScale;

/**
 * Each comparison against a published worked example, an independent computation from the formula, or a simulation
 * with a known truth (fixed seeds, so a failure is reproducible).
 */
class ComparisonsTest {

    /** Newcombe (1998), Statistics in Medicine 17:873–890, Table II, method 10 (score interval, no correction). */
    @Test
    void differenceOfSharesMatchesNewcombesPublishedIntervals() {
        assertNewcombe(56, 70, 48, 80, 0.0524, 0.3339);
        assertNewcombe(9, 10, 3, 10, 0.1705, 0.8090);
        assertNewcombe(6, 7, 2, 7, 0.0582, 0.8062);
        assertNewcombe(5, 56, 0, 29, -0.0381, 0.1926);
    }

    private static void assertNewcombe(long x1, long n1, long x2, long n2, double lower, double upper) {
        Difference difference = Comparisons.shares(x1, n1, x2, n2).difference();
        assertThat(difference.lower()).as("lower bound of %d/%d - %d/%d", x1, n1, x2, n2).isCloseTo(100 * lower, within(0.01));
        assertThat(difference.upper()).as("upper bound of %d/%d - %d/%d", x1, n1, x2, n2).isCloseTo(100 * upper, within(0.01));
        assertThat(difference.value()).isCloseTo(100.0 * x1 / n1 - 100.0 * x2 / n2, within(1e-9));
    }

    /** The pooled z-test equals Pearson's chi-square on the 2×2 table without continuity correction. */
    @Test
    void differenceOfSharesPValueIsPearsonsChiSquare() {
        long[][] table = {{56, 14}, {48, 32}};
        double pearson = new ChiSquareTest().chiSquareTest(table);
        assertThat(Comparisons.shares(56, 70, 48, 80).difference().pValue()).isCloseTo(pearson, within(1e-9));
    }

    /**
     * Welch's t-test, worked example 1 of Wikipedia's "Welch's t-test" article (retrieved 2026): t = -2.46,
     * ν = 24.99, p = 0.021.
     */
    @Test
    void meansFollowWelchsPublishedExample() {
        Sample a1 = Sample.of(27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4);
        Sample a2 = Sample.of(27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4);
        Difference difference = Comparisons.means(a1, a2).difference();
        double t = difference.value() / Math.sqrt(a1.variance() / 15 + a2.variance() / 15);
        assertThat(t).isCloseTo(-2.46, within(0.005));
        assertThat(Comparisons.welchDegreesOfFreedom(a1, a2)).isCloseTo(24.99, within(0.005));
        assertThat(difference.pValue()).isCloseTo(0.021, within(0.0005));
        assertThat(difference.upper()).isNegative();
    }

    /** The NPS difference written out from the formula here, apart from the code under test. */
    @Test
    void npsDifferenceFollowsTheAdjustedWaldFormula() {
        NpsCounts first = new NpsCounts(60, 25, 15);
        NpsCounts second = new NpsCounts(40, 30, 30);
        Difference difference = Comparisons.nps(first, second).difference();
        double p1 = 60.75 / 103;
        double d1 = 15.75 / 103;
        double p2 = 40.75 / 103;
        double d2 = 30.75 / 103;
        double se = Math.sqrt((p1 + d1 - Math.pow(p1 - d1, 2)) / 103 + (p2 + d2 - Math.pow(p2 - d2, 2)) / 103);
        double centre = (p1 - d1) - (p2 - d2);
        assertThat(difference.value()).isCloseTo(45.0 - 10.0, within(1e-9));
        assertThat(difference.lower()).isCloseTo(100 * (centre - 1.959963984540054 * se), within(1e-6));
        assertThat(difference.upper()).isCloseTo(100 * (centre + 1.959963984540054 * se), within(1e-6));
        assertThat(difference.excludesZero()).isTrue();
        assertThat(difference.pValue()).isLessThan(0.05);
    }

    /** Known truth: two populations 20 NPS points apart; the interval covers 20 in about 95 % of samples of 60. */
    @Test
    void npsDifferenceIntervalCoversTheTruthNinetyFivePercentOfTheTime() {
        SplittableRandom random = new SplittableRandom(20261204L);
        int covered = 0;
        int runs = 4000;
        for (int run = 0; run < runs; run++) {
            NpsCounts first = draw(random, 60, 0.50, 0.20);
            NpsCounts second = draw(random, 60, 0.40, 0.30);
            Difference difference = Comparisons.nps(first, second).difference();
            if (difference.lower() <= 20 && 20 <= difference.upper()) {
                covered++;
            }
        }
        assertThat(covered / (double) runs).isBetween(0.935, 0.965);
    }

    /** Cohen (1988), Table 2.4.1: 64 per group detect d = 0.5 with 80 % power at 5 % (two-sided). */
    @Test
    void minimumDetectableMeanDifferenceMatchesCohensTable() {
        assertThat(MinimumDetectable.meanDifference(64, 1.0)).isCloseTo(0.50, within(0.005));
        assertThat(MinimumDetectable.meanDifference(26, 1.0)).isCloseTo(0.80, within(0.01));
    }

    /** Cohen (1988), Table 6.4.1: 392 per group detect h = 0.2, 62 per group h = 0.5. */
    @Test
    void minimumDetectableShareDifferenceMatchesCohensTable() {
        assertThat(MinimumDetectable.cohensH(392)).isCloseTo(0.20, within(0.001));
        assertThat(MinimumDetectable.cohensH(63)).isCloseTo(0.50, within(0.005));
        // From 50 %, h = 0.2 is 2·asin(√p) − 2·asin(√0.5) = 0.2, so p = sin²(π/4 + 0.1) ≈ 59.93 %.
        assertThat(MinimumDetectable.shareDifference(392, 50)).isCloseTo(9.93, within(0.05));
    }

    /**
     * Known truth: with the planned n and a true difference equal to the minimum, the test finds it about 80 % of the
     * time. The better group is built with the same variance as today's (the plan's assumption): net share higher by
     * the minimum, p + d raised so that p + d - (p - d)^2 stays the same.
     */
    @Test
    void minimumDetectableNpsDifferenceHasEightyPercentPower() {
        int perGroup = 200;
        double promoters = 0.45;
        double detractors = 0.25;
        double variance = promoters + detractors - Math.pow(promoters - detractors, 2);
        double minimum = MinimumDetectable.npsDifference(perGroup, promoters, detractors);
        double net = promoters - detractors + minimum / 100;
        double polar = variance + net * net;
        double betterPromoters = (polar + net) / 2;
        double betterDetractors = (polar - net) / 2;
        SplittableRandom random = new SplittableRandom(42L);
        int found = 0;
        int runs = 3000;
        for (int run = 0; run < runs; run++) {
            NpsCounts better = draw(random, perGroup, betterPromoters, betterDetractors);
            NpsCounts today = draw(random, perGroup, promoters, detractors);
            if (Comparisons.nps(better, today).difference().pValue() < 0.05) {
                found++;
            }
        }
        assertThat(found / (double) runs).isBetween(0.77, 0.83);
    }

    @Test
    void histogramsAreComparedByTheirScalesScore() {
        Histogram first = Histogram.of(ScoreScale.CSAT, 5, 5, 4, 4, 3, 2);
        Histogram second = Histogram.of(ScoreScale.CSAT, 5, 3, 3, 2, 1, 1);
        assertThat(Comparisons.of(first, second).difference().value()).isCloseTo(100 * (4 / 6.0 - 1 / 6.0), within(1e-9));
        Histogram effort = Histogram.of(ScoreScale.CES, 7, 6, 5);
        Histogram other = Histogram.of(ScoreScale.CES, 3, 2, 1);
        assertThat(Comparisons.of(effort, other).difference().value()).isCloseTo(4.0, within(1e-9));
        assertThatThrownBy(() -> Comparisons.of(first, effort)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void meansNeedTwoValuesPerGroup() {
        assertThatThrownBy(() -> Comparisons.means(Sample.of(3), Sample.of(1, 2)))
                .hasMessageContaining("at least two values per group");
    }

    private static NpsCounts draw(SplittableRandom random, int n, double promoters, double detractors) {
        int p = 0;
        int d = 0;
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            if (u < promoters) {
                p++;
            } else if (u < promoters + detractors) {
                d++;
            }
        }
        return new NpsCounts(p, n - p - d, d);
    }
}
