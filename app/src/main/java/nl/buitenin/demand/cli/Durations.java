package nl.buitenin.demand.cli;

import java.util.Locale;

import nl.buitenin.platform.InvalidInputException;

/** Reads "30m", "1800s", "0.5h" or a bare number in the option's default unit. */
final class Durations {

    private Durations() {
    }

    static double seconds(String option, String text, double secondsPerBareUnit) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        double unit = secondsPerBareUnit;
        if (t.endsWith("min")) {
            unit = 60;
            t = t.substring(0, t.length() - 3);
        } else if (t.endsWith("m")) {
            unit = 60;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("s")) {
            unit = 1;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            unit = 3600;
            t = t.substring(0, t.length() - 1);
        }
        try {
            double value = Double.parseDouble(t.trim()) * unit;
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new InvalidInputException(option, "must be a positive duration, got '" + text + "'");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(option, "'" + text + "' is not a duration such as 30m, 180s or 0.5h");
        }
    }

    static double share(String option, String text) {
        String t = text == null ? "" : text.trim();
        boolean percent = t.endsWith("%");
        if (percent) {
            t = t.substring(0, t.length() - 1).trim();
        }
        try {
            double value = Double.parseDouble(t);
            // 85 and 85% mean 85 %; 0.85 means the same.
            return percent || value > 1 ? value / 100 : value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(option, "'" + text + "' is not a percentage such as 85% or 0.85");
        }
    }
}
