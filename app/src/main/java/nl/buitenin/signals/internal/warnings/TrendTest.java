package nl.buitenin.signals.internal.warnings;

import java.util.List;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Whether the last period of a series moved in the bad direction against the periods before it (the baseline, pooled),
 * by an exact one-sided test rather than a bare percentage change, so that a few contacts more or less in a small month
 * do not raise a warning:
 * <ul>
 * <li>a share (successes of trials): Fisher's exact test, the last period's successes against the hypergeometric
 * distribution of all successes over both parts;</li>
 * <li>a rate (events per unit of exposure, such as hours per month): the exact conditional test of two Poisson rates,
 * the last period's events against a binomial of all events with the last period's part of the exposure.</li>
 * </ul>
 * A warning is active when the test's p-value is below {@link #ALPHA} <em>and</em> the relative change is at least the
 * threshold the administrator set (a change that is certain but too small to matter stays quiet), and both parts have
 * at least {@link #MINIMUM_COUNT} trials or events (else the warning says there is too little to tell).
 */
public final class TrendTest {

    /** One-sided significance level. */
    public static final double ALPHA = 0.05;
    /** Fewer trials (share) or events (rate) in either part than this: too little to tell. */
    public static final long MINIMUM_COUNT = 10;

    public enum Measure { SHARE, RATE }

    public enum Direction { RISING, FALLING }

    public enum State { ACTIVE, QUIET, TOO_LITTLE }

    /**
     * The outcome: the last period's value, the baseline's pooled value, their relative change (recent / baseline - 1;
     * null when the baseline is 0), the one-sided p-value, the n of the test (trials or events over both parts) and the
     * state.
     */
    public record Result(double recent, double baseline, Double relativeChange, double pValue, long n, State state) {

        public boolean active() {
            return state == State.ACTIVE;
        }
    }

    private TrendTest() {
    }

    /**
     * Tests the last period of {@code series} against all periods before it.
     *
     * @param bad             the direction that is bad news
     * @param minimumChange   the threshold: the smallest relative change that counts, as a fraction (0.2 = 20 %)
     */
    public static Result test(List<Period> series, Measure measure, Direction bad, double minimumChange) {
        if (series.size() < 2) {
            return new Result(series.isEmpty() ? 0 : series.get(series.size() - 1).value(), 0, null, 1, 0, State.TOO_LITTLE);
        }
        Period last = series.get(series.size() - 1);
        long baseCount = 0;
        double baseBase = 0;
        for (Period p : series.subList(0, series.size() - 1)) {
            baseCount += p.count();
            baseBase += p.base();
        }
        double recent = last.value();
        double baseline = baseBase == 0 ? 0 : baseCount / baseBase;
        Double change = baseline == 0 ? null : recent / baseline - 1;
        double p;
        long n;
        boolean enough;
        if (measure == Measure.SHARE) {
            long recentTrials = Math.round(last.base());
            long baseTrials = Math.round(baseBase);
            n = recentTrials + baseTrials;
            enough = recentTrials >= MINIMUM_COUNT && baseTrials >= MINIMUM_COUNT;
            p = enough ? fisher(last.count(), recentTrials, baseCount, baseTrials, bad) : 1;
        } else {
            n = last.count() + baseCount;
            enough = n >= MINIMUM_COUNT && last.base() > 0 && baseBase > 0;
            p = enough ? poisson(last.count(), last.base(), baseCount, baseBase, bad) : 1;
        }
        if (!enough) {
            return new Result(recent, baseline, change, p, n, State.TOO_LITTLE);
        }
        boolean movedEnough = change == null ? bad == Direction.RISING && recent > 0
                : bad == Direction.RISING ? change >= minimumChange : -change >= minimumChange;
        return new Result(recent, baseline, change, p, n, p < ALPHA && movedEnough ? State.ACTIVE : State.QUIET);
    }

    /** Fisher's exact test, one-sided: the chance of as few (falling) or as many (rising) recent successes. */
    static double fisher(long recentSuccesses, long recentTrials, long baseSuccesses, long baseTrials, Direction bad) {
        int population = Math.toIntExact(recentTrials + baseTrials);
        int successes = Math.toIntExact(recentSuccesses + baseSuccesses);
        HypergeometricDistribution h = new HypergeometricDistribution(null, population, successes, Math.toIntExact(recentTrials));
        int k = Math.toIntExact(recentSuccesses);
        return bad == Direction.RISING ? h.upperCumulativeProbability(k) : h.cumulativeProbability(k);
    }

    /** The exact conditional test of two Poisson rates, one-sided. */
    static double poisson(long recentEvents, double recentExposure, long baseEvents, double baseExposure, Direction bad) {
        int total = Math.toIntExact(recentEvents + baseEvents);
        if (total == 0) {
            return 1;
        }
        double part = recentExposure / (recentExposure + baseExposure);
        BinomialDistribution b = new BinomialDistribution(null, total, part);
        int k = Math.toIntExact(recentEvents);
        return bad == Direction.RISING ? 1 - b.cumulativeProbability(k - 1) : b.cumulativeProbability(k);
    }
}
