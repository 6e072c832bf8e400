package nl.buitenin.signals.internal.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import nl.buitenin.signals.internal.warnings.TrendTest.Direction;
import nl.buitenin.signals.internal.warnings.TrendTest.Measure;
import nl.buitenin.signals.internal.warnings.TrendTest.State;

/** The trend test on constructed series with a known change, and on stable noisy series it must not flag. */
class TrendTestTest {

    @Test
    void fisherMatchesTheLadyTastingTea() {
        // Fisher's own example: 3 of the 4 cups with milk first named right, 8 cups in all; one-sided p = 17/70.
        assertThat(TrendTest.fisher(3, 4, 1, 4, Direction.RISING)).isCloseTo(17.0 / 70, within(1e-9));
    }

    @Test
    void poissonRatesMatchTheBinomialTail() {
        // 20 events against 10 in an equal exposure: P(X >= 20) for X ~ Bin(30, 1/2) = 0.0493686 (summed by hand).
        assertThat(TrendTest.poisson(20, 1, 10, 1, Direction.RISING)).isCloseTo(0.0493686, within(1e-6));
        assertThat(TrendTest.poisson(10, 1, 20, 1, Direction.FALLING)).isCloseTo(0.0493686, within(1e-6));
    }

    @Test
    void aShareThatFallsFromSixtyToThirtyFivePercentIsFound() {
        List<Period> series = new ArrayList<>();
        for (int month = 0; month < 6; month++) {
            series.add(new Period("m" + month, 48, 80));
        }
        series.add(new Period("last", 28, 80));
        TrendTest.Result result = TrendTest.test(series, Measure.SHARE, Direction.FALLING, 0.2);
        assertThat(result.state()).isEqualTo(State.ACTIVE);
        assertThat(result.recent()).isCloseTo(0.35, within(1e-9));
        assertThat(result.baseline()).isCloseTo(0.6, within(1e-9));
        assertThat(result.n()).isEqualTo(560);
        assertThat(result.pValue()).isLessThan(0.001);
    }

    @Test
    void theSameFallInTheGoodDirectionIsQuiet() {
        List<Period> series = List.of(new Period("a", 48, 80), new Period("b", 48, 80), new Period("last", 28, 80));
        assertThat(TrendTest.test(series, Measure.SHARE, Direction.RISING, 0.2).state()).isEqualTo(State.QUIET);
    }

    @Test
    void aCertainChangeBelowTheThresholdIsQuiet() {
        // 50 % to 45 % on 20 000 trials a month is certain (p < 0.001) but a 10 % change, below a 20 % threshold.
        List<Period> series = List.of(new Period("a", 10_000, 20_000), new Period("b", 10_000, 20_000), new Period("last", 9_000, 20_000));
        TrendTest.Result result = TrendTest.test(series, Measure.SHARE, Direction.FALLING, 0.2);
        assertThat(result.pValue()).isLessThan(0.001);
        assertThat(result.state()).isEqualTo(State.QUIET);
        assertThat(TrendTest.test(series, Measure.SHARE, Direction.FALLING, 0.05).state()).isEqualTo(State.ACTIVE);
    }

    @Test
    void aLargeChangeOnTinyNumbersIsTooLittleToTell() {
        // 2 of 4 to 0 of 3: -100 %, but no test can tell that from chance.
        List<Period> series = List.of(new Period("a", 2, 4), new Period("last", 0, 3));
        assertThat(TrendTest.test(series, Measure.SHARE, Direction.FALLING, 0.2).state()).isEqualTo(State.TOO_LITTLE);
    }

    @Test
    void hoursThatHalveInTheLastMonthAreFound() {
        // 40 hours a month with managers for six months, then 16.
        List<Period> series = new ArrayList<>();
        for (int month = 0; month < 6; month++) {
            series.add(new Period("m" + month, 40, 1));
        }
        series.add(new Period("last", 16, 1));
        TrendTest.Result result = TrendTest.test(series, Measure.RATE, Direction.FALLING, 0.25);
        assertThat(result.state()).isEqualTo(State.ACTIVE);
        assertThat(result.relativeChange()).isCloseTo(-0.6, within(1e-9));
    }

    @Test
    void aRisingRateIsFoundAndASmallRiseOnFewEventsIsNot() {
        List<Period> rising = List.of(new Period("a", 10, 1), new Period("b", 12, 1), new Period("c", 9, 1), new Period("last", 30, 1));
        assertThat(TrendTest.test(rising, Measure.RATE, Direction.RISING, 0.25).state()).isEqualTo(State.ACTIVE);
        // 6 against 4 a month on average: +50 %, but well within chance.
        List<Period> noisy = List.of(new Period("a", 4, 1), new Period("b", 5, 1), new Period("c", 3, 1), new Period("last", 6, 1));
        TrendTest.Result result = TrendTest.test(noisy, Measure.RATE, Direction.RISING, 0.25);
        assertThat(result.relativeChange()).isCloseTo(0.5, within(1e-9));
        assertThat(result.state()).isEqualTo(State.QUIET);
    }

    /** Stable series with binomial and Poisson noise: flagged in about the test's 5 % of them at most, never in most. */
    @Test
    void stableNoisySeriesAreRarelyFlagged() {
        Random random = new Random(20261205L);
        int sharesFlagged = 0;
        int ratesFlagged = 0;
        int runs = 400;
        for (int run = 0; run < runs; run++) {
            List<Period> shares = new ArrayList<>();
            List<Period> rates = new ArrayList<>();
            for (int month = 0; month < 7; month++) {
                int n = 40 + random.nextInt(60);
                int successes = 0;
                for (int i = 0; i < n; i++) {
                    successes += random.nextDouble() < 0.55 ? 1 : 0;
                }
                shares.add(new Period("m" + month, successes, n));
                rates.add(new Period("m" + month, poisson(random, 30), 1));
            }
            sharesFlagged += TrendTest.test(shares, Measure.SHARE, Direction.FALLING, 0.1).active() ? 1 : 0;
            ratesFlagged += TrendTest.test(rates, Measure.RATE, Direction.FALLING, 0.1).active() ? 1 : 0;
        }
        assertThat(sharesFlagged).as("false alarms in %d stable share series", runs).isLessThanOrEqualTo(runs * 6 / 100);
        assertThat(ratesFlagged).as("false alarms in %d stable rate series", runs).isLessThanOrEqualTo(runs * 6 / 100);
    }

    @Test
    void aRealDropIsFoundInMostNoisySeries() {
        Random random = new Random(7L);
        int found = 0;
        int runs = 200;
        for (int run = 0; run < runs; run++) {
            List<Period> rates = new ArrayList<>();
            for (int month = 0; month < 6; month++) {
                rates.add(new Period("m" + month, poisson(random, 40), 1));
            }
            rates.add(new Period("last", poisson(random, 16), 1));
            found += TrendTest.test(rates, Measure.RATE, Direction.FALLING, 0.25).active() ? 1 : 0;
        }
        assertThat(found).isGreaterThanOrEqualTo(runs * 95 / 100);
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
