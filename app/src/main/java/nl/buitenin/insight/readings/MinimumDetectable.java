package nl.buitenin.insight.readings;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The smallest true difference between two equal groups of {@code n} answers that a two-sided test at the 5 % level
 * finds with 80 % power: what a pilot can show before it starts. Each uses a planning value from data already held
 * (the spread of the scores, or the current shares), since the power depends on it.
 * <ul>
 * <li>Means: (t<sub>0.975</sub> + t<sub>0.80</sub>) · sd · √(2/n) with 2n − 2 degrees of freedom (for sd = 1 and n =
 * 64 this is Cohen's d = 0.5, his Table 2.4.1).</li>
 * <li>Shares: Cohen's h = (z<sub>0.975</sub> + z<sub>0.80</sub>) · √(2/n) on the arcsine scale, turned back into
 * percentage points from the current share (upward, or downward when the share is too near 100 %).</li>
 * <li>NPS: (z<sub>0.975</sub> + z<sub>0.80</sub>) · √(2 · (p + d − (p − d)²) / n) in points, with the current
 * promoter and detractor shares p and d.</li>
 * </ul>
 */
public final class MinimumDetectable {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final double Z_ALPHA = NORMAL.inverseCumulativeProbability(0.975);
    private static final double Z_POWER = NORMAL.inverseCumulativeProbability(0.80);

    private MinimumDetectable() {
    }

    public static double meanDifference(int perGroup, double standardDeviation) {
        requireGroup(perGroup);
        if (!(standardDeviation >= 0)) {
            throw new IllegalArgumentException("a standard deviation is 0 or more, got " + standardDeviation);
        }
        TDistribution t = new TDistribution(null, 2.0 * perGroup - 2);
        double multiplier = t.inverseCumulativeProbability(0.975) + t.inverseCumulativeProbability(0.80);
        return multiplier * standardDeviation * Math.sqrt(2.0 / perGroup);
    }

    /** Cohen's effect size h a test of two shares detects with {@code perGroup} answers in each group. */
    public static double cohensH(int perGroup) {
        requireGroup(perGroup);
        return (Z_ALPHA + Z_POWER) * Math.sqrt(2.0 / perGroup);
    }

    /** In percentage points, from a current share in percent. */
    public static double shareDifference(int perGroup, double currentPercent) {
        if (!(currentPercent >= 0 && currentPercent <= 100)) {
            throw new IllegalArgumentException("a share lies in 0..100 %, got " + currentPercent);
        }
        double h = cohensH(perGroup);
        double angle = Math.asin(Math.sqrt(currentPercent / 100));
        double up = angle + h / 2;
        double other = up <= Math.PI / 2 ? up : Math.max(0, angle - h / 2);
        double share = Math.sin(other) * Math.sin(other);
        return Math.abs(share * 100 - currentPercent);
    }

    /** In NPS points, from the current promoter and detractor shares (each 0..1). */
    public static double npsDifference(int perGroup, double promoterShare, double detractorShare) {
        requireGroup(perGroup);
        if (promoterShare < 0 || detractorShare < 0 || promoterShare + detractorShare > 1 + 1e-9) {
            throw new IllegalArgumentException("promoter and detractor shares lie in 0..1 and add up to 1 at most, got "
                    + promoterShare + " and " + detractorShare);
        }
        double variance = promoterShare + detractorShare - (promoterShare - detractorShare) * (promoterShare - detractorShare);
        return 100 * (Z_ALPHA + Z_POWER) * Math.sqrt(2 * variance / perGroup);
    }

    private static void requireGroup(int perGroup) {
        if (perGroup < 2) {
            throw new IllegalArgumentException("a group needs at least two answers, got " + perGroup);
        }
    }
}
