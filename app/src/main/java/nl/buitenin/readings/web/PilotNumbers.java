package nl.buitenin.readings.web;

import java.text.NumberFormat;
import java.util.Locale;

import nl.buitenin.readings.internal.PilotMeasure;

/** Numbers of a pilot as a reader writes them: 4,5 in Dutch, 4.5 in English, decimals by the measure's unit. */
record PilotNumbers(Locale locale, PilotMeasure measure) {

    /** A difference or score in the measure's unit: whole NPS and percentage points are too coarse, so one decimal; means two. */
    String value(double value) {
        return format(value, measure.isMean() ? 2 : 1);
    }

    /** A planned minimum difference: rounded up to what a reader remembers (14 NPS points, 0.8 on a scale). */
    String planned(double value) {
        return measure.isMean() ? format(Math.ceil(value * 10) / 10, 1) : format(Math.ceil(value), 0);
    }

    /** A p-value with its sign: "= 0.012", or "< 0.001" below that. */
    String p(double p) {
        return p < 0.001 ? "< " + format(0.001, 3) : "= " + format(p, 3);
    }

    String whole(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    private String format(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value == 0 ? 0.0 : value);
    }
}
