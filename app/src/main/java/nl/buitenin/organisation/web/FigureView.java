package nl.buitenin.organisation.web;

import java.text.NumberFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import nl.buitenin.platform.StartFigure;

/**
 * A start-page figure with its numbers written out in the reader's language (1.234,5 in Dutch, 1,234.5 in English),
 * so every panel's figures read alike whatever module computed them.
 */
record FigureView(StartFigure figure, @Nullable String value, @Nullable String n, @Nullable String lower, @Nullable String upper) {

    static FigureView of(StartFigure figure, Locale locale) {
        int decimals = figure.format() == StartFigure.Format.MEAN ? 1 : 0;
        return new FigureView(figure, text(figure.value(), decimals, locale),
                figure.n() == null ? null : text(figure.n().doubleValue(), 0, locale),
                text(figure.lower(), decimals, locale), text(figure.upper(), decimals, locale));
    }

    private static @Nullable String text(@Nullable Double number, int decimals, Locale locale) {
        if (number == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        // Half up, as people round (NumberFormat's default, half even, writes 5.25 as 5.2).
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        String text = format.format(number);
        return text.equals("-0") ? "0" : text;
    }

    public boolean percent() {
        return figure.format() == StartFigure.Format.PERCENT;
    }
}
