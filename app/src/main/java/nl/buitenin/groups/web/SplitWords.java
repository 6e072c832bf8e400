package nl.buitenin.groups.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import nl.buitenin.groups.internal.SplitComparison.Measure;
import nl.buitenin.groups.internal.SplitComparison.Row;
import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.readings.Difference;

/**
 * Numbers of a before/after comparison as a reader reads them: a theme's share and CSAT in whole percent with their
 * difference in percentage points, NPS in whole points, a p-value with three decimals or "< 0,001".
 */
final class SplitWords {

    private SplitWords() {
    }

    static String value(Measure measure, @Nullable Estimate estimate, Locale locale) {
        if (estimate == null) {
            return "";
        }
        return measure == Measure.NPS ? String.format(locale, "%.0f", estimate.value()) : String.format(locale, "%.0f %%", estimate.value());
    }

    /** A signed difference: "−14 pp", "+6". */
    static String signed(Measure measure, double value, Locale locale) {
        String number = String.format(locale, "%.0f", Math.abs(value));
        String sign = "0".equals(number) ? "" : value < 0 ? "−" : "+";
        return sign + number + (measure == Measure.NPS ? "" : " pp");
    }

    static String interval(Measure measure, Difference d, Locale locale) {
        return signed(measure, d.lower(), locale).replace(" pp", "") + " … " + signed(measure, d.upper(), locale);
    }

    static String p(double p, Locale locale) {
        return p < 0.001 ? "< " + String.format(locale, "%.3f", 0.001) : "= " + String.format(locale, "%.3f", p);
    }

    /**
     * Worse after the split, clearly: the theme (a complaint one is watching) more often, or a score lower, with the
     * interval leaving out zero.
     */
    static boolean clearlyWorse(Row row) {
        if (row.comparison() == null) {
            return false;
        }
        Difference d = row.comparison().difference();
        return row.measure() == Measure.THEME ? d.lower() > 0 : d.upper() < 0;
    }

    static boolean clearlyBetter(Row row) {
        if (row.comparison() == null) {
            return false;
        }
        Difference d = row.comparison().difference();
        return row.measure() == Measure.THEME ? d.upper() < 0 : d.lower() > 0;
    }
}
