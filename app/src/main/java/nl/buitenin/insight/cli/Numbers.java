package nl.buitenin.insight.cli;

import java.math.BigDecimal;
import java.math.MathContext;

/** How the readings commands print numbers: plain decimals (no exponent, no trailing zeros), rounded alike. */
final class Numbers {

    private Numbers() {
    }

    /** Rounded to {@code decimals} places. */
    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** Four significant digits, so that a small p-value does not print as 0. */
    static double significant(double value) {
        return value == 0 ? 0 : new BigDecimal(value).round(new MathContext(4)).doubleValue();
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
