package nl.buitenin.signals.internal.warnings;

import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A warning in words for a reader, on the page and in the digest: its title, a plain explanation with the figures, the
 * n, the threshold and the series as points of a small line chart with the labels of its periods.
 */
@Component
public class WarningTexts {

    /** A warning as a person reads it. */
    public record Shown(WarningKind kind, String code, String state, String title, String explanation, String figures,
            String points, String seriesText, long n, int threshold, boolean active) {
    }

    private final MessageSource messages;

    WarningTexts(MessageSource messages) {
        this.messages = messages;
    }

    public List<Shown> show(List<Warning> warnings, Locale locale) {
        return warnings.stream().map(w -> show(w, locale)).toList();
    }

    public Shown show(Warning w, Locale locale) {
        String subject = "nl".equals(locale.getLanguage()) ? w.subjectNl() : w.subjectEn();
        String title = message(w.kind().key("title"), locale, subject == null ? "" : subject);
        String explanation;
        String figures = "";
        if (!w.available()) {
            explanation = message(w.kind().key("unavailable"), locale);
        } else {
            TrendTest.Result r = w.result();
            String recent = value(w.kind(), r.recent(), locale);
            String baseline = value(w.kind(), r.baseline(), locale);
            String change = r.relativeChange() == null ? "–" : percent(Math.abs(r.relativeChange()), locale);
            explanation = message(w.kind().key("explanation"), locale, recent, baseline, change, w.threshold(), subject == null ? "" : subject);
            figures = switch (r.state()) {
                case ACTIVE -> message("signals.warnings.state.active.because", locale, change, w.threshold(), chance(r.pValue(), locale), r.n());
                case QUIET -> message("signals.warnings.state.quiet.because", locale, w.threshold(), chance(r.pValue(), locale), r.n());
                case TOO_LITTLE -> message("signals.warnings.state.tooLittle.because", locale, r.n(), TrendTest.MINIMUM_COUNT);
            };
        }
        List<String> labels = new ArrayList<>();
        for (Period p : w.series()) {
            labels.add(label(p.label(), locale) + ": " + value(w.kind(), p.value(), locale));
        }
        return new Shown(w.kind(), w.kind().code(), w.state(), title, explanation, figures, points(w.series()), String.join(" · ", labels),
                w.result().n(), w.threshold(), w.active());
    }

    /** A period's label: a month in the reader's language, or the two windows of a rising theme. */
    public String label(String label, Locale locale) {
        if (label.equals("before") || label.equals("now")) {
            return message("signals.warnings.window." + label, locale);
        }
        return YearMonth.parse(label).format(DateTimeFormatter.ofPattern("MMM yyyy", locale));
    }

    /** The value as the kind's unit: a percentage for shares, hours per manager, a count per month or window. */
    public String value(WarningKind kind, double value, Locale locale) {
        if (kind.measure() == TrendTest.Measure.SHARE) {
            return percent(value, locale);
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(1);
        return message(kind.key("unit"), locale, number.format(value));
    }

    private static String percent(double fraction, Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(0);
        return number.format(fraction * 100) + " %";
    }

    /** The p-value in words: "kleiner dan 1 op 1000", or as a percentage. */
    private String chance(double p, Locale locale) {
        if (p < 0.001) {
            return message("signals.warnings.chance.tiny", locale);
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(p < 0.1 ? 1 : 0);
        return number.format(p * 100) + " %";
    }

    /** The series as the points of a polyline in a 100 × 24 box, the lowest value at the bottom. */
    static String points(List<Period> series) {
        if (series.size() < 2) {
            return "";
        }
        double max = series.stream().mapToDouble(Period::value).max().orElse(0);
        double min = Math.min(0, series.stream().mapToDouble(Period::value).min().orElse(0));
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < series.size(); i++) {
            double x = 100.0 * i / (series.size() - 1);
            double y = 22 - 20 * (series.get(i).value() - min) / span;
            points.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return points.toString();
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
