package nl.buitenin.demand.internal.erlang;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.buitenin.platform.InvalidInputException;

/**
 * "x % answered within t seconds", written by planners as {@code 80/20s} or {@code 80/20}.
 *
 * @param share   the share to answer in time, between 0 and 1 (exclusive of 1)
 * @param seconds the time in which they are to be answered
 */
public record ServiceTarget(double share, double seconds) {

    private static final Pattern WRITTEN = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*%?\\s*/\\s*(\\d+(?:\\.\\d+)?)\\s*s?\\s*");

    public ServiceTarget {
        if (!(share > 0 && share < 1)) {
            throw InvalidInputException.of("target", "demand.invalid.targetShare", String.valueOf(share * 100));
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw InvalidInputException.of("target", "demand.invalid.targetSeconds", String.valueOf(seconds));
        }
    }

    /** Reads {@code 80/20s}: 80 % within 20 seconds. */
    public static ServiceTarget parse(String text) {
        Matcher matcher = WRITTEN.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw InvalidInputException.of("target", "demand.invalid.targetForm", String.valueOf(text));
        }
        return new ServiceTarget(Double.parseDouble(matcher.group(1)) / 100.0, Double.parseDouble(matcher.group(2)));
    }

    @Override
    public String toString() {
        return Math.round(share * 1000) / 10.0 + "/" + Math.round(seconds) + "s";
    }
}
