package nl.buitenin.demand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The staffing plan's four-decimal numbers are written exactly as String.format("%.4f") writes them. */
class FixedDecimalsTest {

    private static void same(double value) {
        assertThat(StaffingCommand.fixed(value)).as("%s", value).isEqualTo(String.format(Locale.ROOT, "%.4f", value));
    }

    @Test
    void numbersOnARoundingBoundaryAndNextToIt() {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 50_000; i++) {
            double boundary = (random.nextInt(0, 100_000_000) + 0.5) / 10_000;
            same(boundary);
            same(Math.nextUp(boundary));
            same(Math.nextDown(boundary));
            same(boundary + 3 * Math.ulp(boundary));
            same(boundary - 3 * Math.ulp(boundary));
        }
        for (double value : new double[] {0, 0.5, 5e-5, 5e-4, 0.00015, 0.00025, 1.00005, 0.99995, 0.1, 0.3, 3.0, 0.001, 0.0009999,
                9_999_999.99995, 1e7, 1.5e7, 1e-9, 2.675, 1.0000499999999999, Double.MIN_VALUE, Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NaN, -0.0, -1.23456}) {
            same(value);
        }
    }

    @Test
    void computedNumbersOfEveryMagnitude() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            same(random.nextDouble());
            same(random.nextDouble() * 100);
            same(Math.pow(10, random.nextDouble(-7, 8)));
            same(Math.round(random.nextDouble() * 1e6) / 1e6);
            same(random.nextInt(1, 1000) / (double) random.nextInt(1, 1000));
        }
    }
}
