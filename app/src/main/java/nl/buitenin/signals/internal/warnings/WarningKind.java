package nl.buitenin.signals.internal.warnings;

import java.util.Locale;

import nl.buitenin.signals.internal.warnings.TrendTest.Direction;
import nl.buitenin.signals.internal.warnings.TrendTest.Measure;

/**
 * The early warnings of seed 002, each with the direction that is bad news, what kind of figure it tests, its default
 * threshold (the smallest relative change, in percent, that raises it) and its lag: a warning whose figure matures
 * after the month (cases resolved, people told back) tests the month before the last complete one, so that the last
 * month's unfinished cases do not look like a fall.
 */
public enum WarningKind {
    LISTEN_IN(Direction.FALLING, Measure.RATE, 25, 0),
    MISSED_SALES(Direction.RISING, Measure.RATE, 25, 0),
    FAILURE_DEMAND(Direction.RISING, Measure.SHARE, 20, 0),
    LOOP_CLOSURE(Direction.FALLING, Measure.SHARE, 15, 1),
    TOLD_BACK(Direction.FALLING, Measure.SHARE, 20, 1),
    RESPONSE_RATE(Direction.FALLING, Measure.SHARE, 15, 0),
    RISING_THEME(Direction.RISING, Measure.RATE, 50, 0),
    WITHIN_SLA(Direction.FALLING, Measure.SHARE, 10, 0);

    private final Direction bad;
    private final Measure measure;
    private final int defaultThreshold;
    private final int lagMonths;

    WarningKind(Direction bad, Measure measure, int defaultThreshold, int lagMonths) {
        this.bad = bad;
        this.measure = measure;
        this.defaultThreshold = defaultThreshold;
        this.lagMonths = lagMonths;
    }

    public Direction bad() {
        return bad;
    }

    public Measure measure() {
        return measure;
    }

    public int defaultThreshold() {
        return defaultThreshold;
    }

    public int lagMonths() {
        return lagMonths;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The message keys of this warning: {@code signals.warning.<code>.title}, {@code .explanation} and so on. */
    public String key(String part) {
        return "signals.warning." + code() + "." + part;
    }

    /** The kind of this code ("listen-in"), or null. */
    public static WarningKind byCode(String code) {
        for (WarningKind kind : values()) {
            if (kind.code().equalsIgnoreCase(code.strip())) {
                return kind;
            }
        }
        return null;
    }
}
