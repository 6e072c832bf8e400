package nl.buitenin.assumptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.buitenin.assumptions.internal.Expectation;
import nl.buitenin.assumptions.internal.VerdictRule;
import nl.buitenin.assumptions.internal.VerdictRule.Judgement;
import nl.buitenin.assumptions.internal.Why;
import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Intervals;

/**
 * The verdict rule at the edge of each interval: a bound just inside the interval's end and just outside it. The
 * intervals are insight's; the test computes the Wilson bounds itself from the formula (Newcombe 1998) to be sure of
 * where the edge lies.
 */
class VerdictRuleTest {

    static final double Z = 1.959963984540054;
    static final double EPS = 1e-9;

    /** Wilson's score interval in percent, by hand: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). */
    static double[] wilson(long hits, long n) {
        double p = (double) hits / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {100 * (centre - half), 100 * (centre + half)};
    }

    static final Judgement CONFIRMED = new Judgement(Verdict.CONFIRMED, Why.INTERVAL);
    static final Judgement REFUTED = new Judgement(Verdict.REFUTED, Why.INTERVAL);
    static final Judgement UNDECIDED = new Judgement(Verdict.NOT_YET_TESTABLE, Why.UNDECIDED);

    @Test
    void theWilsonIntervalIsTheOneComputedByHand() {
        double[] bounds = wilson(70, 100);
        Estimate share = Intervals.share(70, 100);
        assertThat(share.lower()).isCloseTo(bounds[0], org.assertj.core.data.Offset.offset(1e-9));
        assertThat(share.upper()).isCloseTo(bounds[1], org.assertj.core.data.Offset.offset(1e-9));
        // 70 of 100: 60.4 % to 78.1 %
        assertThat(bounds[0]).isBetween(60.4, 60.5);
        assertThat(bounds[1]).isBetween(78.1, 78.2);
    }

    @Test
    void atLeastIsConfirmedOnlyWhenTheLowerBoundReachesIt() {
        Estimate share = Intervals.share(70, 100);
        double lower = wilson(70, 100)[0];
        double upper = wilson(70, 100)[1];
        assertThat(VerdictRule.judge(Expectation.AT_LEAST, lower - EPS, 0, share)).isEqualTo(CONFIRMED);
        assertThat(VerdictRule.judge(Expectation.AT_LEAST, lower + 1e-6, 0, share)).isEqualTo(UNDECIDED);
        assertThat(VerdictRule.judge(Expectation.AT_LEAST, upper - 1e-6, 0, share)).isEqualTo(UNDECIDED);
        assertThat(VerdictRule.judge(Expectation.AT_LEAST, upper + 1e-6, 0, share)).isEqualTo(REFUTED);
    }

    @Test
    void atMostIsConfirmedOnlyWhenTheUpperBoundStaysUnderIt() {
        Estimate share = Intervals.share(70, 100);
        double lower = wilson(70, 100)[0];
        double upper = wilson(70, 100)[1];
        assertThat(VerdictRule.judge(Expectation.AT_MOST, 0, upper + 1e-6, share)).isEqualTo(CONFIRMED);
        assertThat(VerdictRule.judge(Expectation.AT_MOST, 0, upper - 1e-6, share)).isEqualTo(UNDECIDED);
        assertThat(VerdictRule.judge(Expectation.AT_MOST, 0, lower + 1e-6, share)).isEqualTo(UNDECIDED);
        assertThat(VerdictRule.judge(Expectation.AT_MOST, 0, lower - 1e-6, share)).isEqualTo(REFUTED);
    }

    @Test
    void betweenNeedsTheWholeIntervalInsideAndRefutesOnlyWhenItIsWhollyOutside() {
        Estimate share = Intervals.share(70, 100);
        double lower = wilson(70, 100)[0];
        double upper = wilson(70, 100)[1];
        assertThat(VerdictRule.judge(Expectation.BETWEEN, lower - 1e-6, upper + 1e-6, share)).isEqualTo(CONFIRMED);
        assertThat(VerdictRule.judge(Expectation.BETWEEN, lower + 1e-6, upper + 1e-6, share)).isEqualTo(UNDECIDED);
        assertThat(VerdictRule.judge(Expectation.BETWEEN, lower - 1e-6, upper - 1e-6, share)).isEqualTo(UNDECIDED);
        assertThat(VerdictRule.judge(Expectation.BETWEEN, upper + 1e-6, 100, share)).isEqualTo(REFUTED);
        assertThat(VerdictRule.judge(Expectation.BETWEEN, upper - 1e-6, 100, share)).isEqualTo(UNDECIDED);
        assertThat(VerdictRule.judge(Expectation.BETWEEN, 0, lower - 1e-6, share)).isEqualTo(REFUTED);
        assertThat(VerdictRule.judge(Expectation.BETWEEN, 0, lower + 1e-6, share)).isEqualTo(UNDECIDED);
    }

    @Test
    void mostNeedsTheLowerBoundAboveHalf() {
        // Find the counts of 200 whose Wilson lower bound lies just above and just below 50 %, by hand.
        long justAbove = 0;
        long justBelow = 0;
        for (long hits = 100; hits <= 200; hits++) {
            if (wilson(hits, 200)[0] > 50) {
                justAbove = hits;
                justBelow = hits - 1;
                break;
            }
        }
        assertThat(justAbove).isEqualTo(114);
        assertThat(VerdictRule.judge(Expectation.MOST, 0, 0, Intervals.share(justAbove, 200))).isEqualTo(CONFIRMED);
        assertThat(VerdictRule.judge(Expectation.MOST, 0, 0, Intervals.share(justBelow, 200))).isEqualTo(UNDECIDED);
        // and the upper bound just at or under half: refuted; just over: not yet
        long refuted = 0;
        for (long hits = 100; hits >= 0; hits--) {
            if (wilson(hits, 200)[1] <= 50) {
                refuted = hits;
                break;
            }
        }
        assertThat(refuted).isEqualTo(86);
        assertThat(VerdictRule.judge(Expectation.MOST, 0, 0, Intervals.share(refuted, 200))).isEqualTo(REFUTED);
        assertThat(VerdictRule.judge(Expectation.MOST, 0, 0, Intervals.share(refuted + 1, 200))).isEqualTo(UNDECIDED);
    }

    @Test
    void theLargestThemeMustLieAboveEveryOtherThemesInterval() {
        Estimate pace = Intervals.share(60, 200);
        double paceLower = wilson(60, 200)[0];
        // the other theme's upper bound just under, and just over, pace's lower bound
        Estimate under = new Estimate(200, paceLower - 5, paceLower - 10, paceLower - 1e-6);
        Estimate over = new Estimate(200, paceLower - 5, paceLower - 10, paceLower + 1e-6);
        assertThat(VerdictRule.largest(pace, List.of(under))).isEqualTo(CONFIRMED);
        assertThat(VerdictRule.largest(pace, List.of(under, over))).isEqualTo(UNDECIDED);
        double paceUpper = wilson(60, 200)[1];
        Estimate surelyLarger = new Estimate(200, paceUpper + 5, paceUpper + 1e-6, paceUpper + 10);
        Estimate touching = new Estimate(200, paceUpper + 5, paceUpper - 1e-6, paceUpper + 10);
        assertThat(VerdictRule.largest(pace, List.of(under, surelyLarger))).isEqualTo(REFUTED);
        assertThat(VerdictRule.largest(pace, List.of(under, touching))).isEqualTo(UNDECIDED);
        assertThat(VerdictRule.largest(pace, List.of())).isEqualTo(CONFIRMED);
    }

    @Test
    void anNpsIsJudgedOnItsAdjustedWaldInterval() {
        // 60 promoters, 25 passives, 15 detractors: NPS 45; adjusted Wald by hand (Rocks 2016)
        double n = 103;
        double p = 60.75 / n;
        double d = 15.75 / n;
        double margin = Z * Math.sqrt((p + d - (p - d) * (p - d)) / n);
        double lower = 100 * (p - d - margin);
        Estimate nps = Intervals.nps(60, 25, 15);
        assertThat(nps.lower()).isCloseTo(lower, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(VerdictRule.judge(Expectation.AT_LEAST, lower - 1e-6, 0, nps)).isEqualTo(CONFIRMED);
        assertThat(VerdictRule.judge(Expectation.AT_LEAST, lower + 1e-6, 0, nps)).isEqualTo(UNDECIDED);
    }

    @Test
    void aMeanIsJudgedOnItsTInterval() {
        // 30 answers of 7 and 10 answers of 9 on a 1-10 rating: mean 7.5, t interval by hand (t(39; 0.975) = 2.0227)
        double mean = 7.5;
        double sd = Math.sqrt((30 * 0.25 + 10 * 2.25) / 39.0);
        double lower = mean - 2.0226909 * sd / Math.sqrt(40);
        Estimate estimate = Intervals.mean(40, mean, sd);
        assertThat(estimate.lower()).isCloseTo(lower, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(VerdictRule.judge(Expectation.AT_LEAST, 8, 0, estimate)).isEqualTo(REFUTED);
        assertThat(VerdictRule.judge(Expectation.AT_LEAST, lower - 1e-5, 0, estimate)).isEqualTo(CONFIRMED);
        assertThat(VerdictRule.judge(Expectation.AT_LEAST, lower + 1e-5, 0, estimate)).isEqualTo(UNDECIDED);
    }
}
