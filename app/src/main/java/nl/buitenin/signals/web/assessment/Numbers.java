package nl.buitenin.signals.web.assessment;

import java.util.Locale;

import nl.buitenin.insight.Estimate;

/** Scores on the 1–5 scale as a reader writes them: one decimal, with the reader's decimal sign. */
record Numbers(Locale locale) {

    String score(double value) {
        return String.format(locale, "%.1f", value);
    }

    String signed(double value) {
        return (value > 0 ? "+" : value < 0 ? "−" : "") + String.format(locale, "%.1f", Math.abs(value));
    }

    String interval(Estimate estimate) {
        return score(estimate.lower()) + "–" + score(estimate.upper());
    }

    String p(double p) {
        return p < 0.001 ? (locale.getLanguage().equals("nl") ? "< 0,001" : "< 0.001") : String.format(locale, "%.3f", p);
    }
}
