package nl.buitenin.insight.readings;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Is a staff member's share of top scores higher than the rest of their scores explains? Score gaming moves answers
 * from the middle to the top ("would you give me a 10?"); a genuinely better service moves the whole distribution
 * up. The test tells them apart with two nested models of the staff member's answers, fitted against the team's
 * distribution (the team's cut points held fixed, estimated from the others' answers):
 * <ol>
 * <li>a proportional-odds shift: the team's distribution moved up or down as a whole by δ on the logit scale —
 * a better or worse agent;</li>
 * <li>the same plus top inflation: a share π of answers put on the top score regardless, the rest following the
 * shifted distribution — the spike gaming makes.</li>
 * </ol>
 * The likelihood-ratio statistic for π = 0 lies on the boundary of the parameter space, so its null distribution is
 * the 50:50 mixture of 0 and χ²(1) (Self and Liang 1987): p = ½ P(χ²₁ ≥ LR). The expected top share is what the
 * shift alone gives with the δ fitted next to π: the top share the rest of the distribution explains.
 */
public final class TopScoreExcess {

    private static final ChiSquaredDistribution CHI_SQUARED_1 = new ChiSquaredDistribution(null, 1);
    private static final double MAX_SHIFT = 12;

    private final double[] cutPoints;

    /** @param referenceCounts the rest of the team's answer counts per scale value, lowest first: the reference */
    public TopScoreExcess(long[] referenceCounts) {
        if (referenceCounts.length < 3) {
            throw new IllegalArgumentException("a scale needs at least three values, got " + referenceCounts.length);
        }
        long total = 0;
        for (long count : referenceCounts) {
            if (count < 0) {
                throw new IllegalArgumentException("counts are 0 or more, got " + count);
            }
            total += count;
        }
        if (total == 0) {
            throw new IllegalArgumentException("the reference holds no answers");
        }
        // Half an answer added per value keeps every cut point finite when a value was never given.
        int k = referenceCounts.length;
        double smoothedTotal = total + 0.5 * k;
        cutPoints = new double[k - 1];
        double cumulative = 0;
        for (int i = 0; i < k - 1; i++) {
            cumulative += referenceCounts[i] + 0.5;
            double share = cumulative / smoothedTotal;
            cutPoints[i] = Math.log(share / (1 - share));
        }
    }

    /** The result for one staff member: their top share, the share their other answers explain, and the p-value. */
    public record Reading(long n, double topShare, double expectedTopShare, double pValue, double shift, double inflation) {
    }

    public Reading read(long[] counts) {
        if (counts.length != cutPoints.length + 1) {
            throw new IllegalArgumentException("expected " + (cutPoints.length + 1) + " counts, got " + counts.length);
        }
        long n = 0;
        for (long count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("counts are 0 or more, got " + count);
            }
            n += count;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no answers to read");
        }
        int top = counts.length - 1;
        double topShare = (double) counts[top] / n;
        if (counts[top] == n) {
            // Nothing below the top: no rest of the distribution to explain the top with, so no test.
            return new Reading(n, 1, 1, 1, MAX_SHIFT, 0);
        }
        double nullShift = bestShift(counts, 0);
        double nullLikelihood = logLikelihood(counts, nullShift, 0);
        UnivariatePointValuePair inflation = new BrentOptimizer(1e-9, 1e-12).optimize(new MaxEval(500), GoalType.MAXIMIZE,
                new SearchInterval(0, 0.999),
                new UnivariateObjectiveFunction(pi -> logLikelihood(counts, bestShift(counts, pi), pi)));
        double pi = inflation.getPoint();
        double shift = bestShift(counts, pi);
        double alternativeLikelihood = Math.max(nullLikelihood, logLikelihood(counts, shift, pi));
        if (alternativeLikelihood == nullLikelihood) {
            pi = 0;
            shift = nullShift;
        }
        double ratio = 2 * (alternativeLikelihood - nullLikelihood);
        double p = ratio <= 1e-9 ? 1 : 0.5 * (1 - CHI_SQUARED_1.cumulativeProbability(ratio));
        return new Reading(n, topShare, probabilities(shift)[top], p, shift, pi);
    }

    private double bestShift(long[] counts, double pi) {
        return new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(500), GoalType.MAXIMIZE,
                new SearchInterval(-MAX_SHIFT, MAX_SHIFT),
                new UnivariateObjectiveFunction(delta -> logLikelihood(counts, delta, pi))).getPoint();
    }

    private double logLikelihood(long[] counts, double shift, double pi) {
        double[] q = probabilities(shift);
        int top = counts.length - 1;
        double sum = 0;
        for (int i = 0; i < top; i++) {
            if (counts[i] > 0) {
                sum += counts[i] * Math.log(Math.max(1e-300, (1 - pi) * q[i]));
            }
        }
        if (counts[top] > 0) {
            sum += counts[top] * Math.log(Math.max(1e-300, pi + (1 - pi) * q[top]));
        }
        return sum;
    }

    /** The team's distribution shifted by δ on the logit scale: P(Y ≤ k) = σ(θ_k − δ). */
    private double[] probabilities(double shift) {
        double[] q = new double[cutPoints.length + 1];
        double previous = 0;
        for (int i = 0; i < cutPoints.length; i++) {
            double cumulative = 1 / (1 + Math.exp(-(cutPoints[i] - shift)));
            q[i] = cumulative - previous;
            previous = cumulative;
        }
        q[cutPoints.length] = 1 - previous;
        return q;
    }
}
