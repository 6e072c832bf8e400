package nl.buitenin.assumptions.internal;

import java.text.NumberFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import nl.buitenin.assumptions.Verdict;
import nl.buitenin.insight.Estimate;
import nl.buitenin.privacy.SmallCellRule;

/**
 * An outcome in words, in the reader's language: the verdict, what was expected and the interval it rests on, or why
 * there is no verdict yet. Numbers as the reader writes them (4,5 in Dutch), in the figure's unit.
 */
@Component
public class Explanations {

    private final MessageSource messages;
    private final SmallCellRule smallCells;

    Explanations(MessageSource messages, SmallCellRule smallCells) {
        this.messages = messages;
        this.smallCells = smallCells;
    }

    public String explain(@Nullable AssumptionTest test, @Nullable Outcome outcome, Locale locale) {
        if (test == null) {
            return text("assumptions.why.no_test", locale);
        }
        if (outcome == null) {
            return text("assumptions.why.not_tested", locale);
        }
        Estimate figure = outcome.figure();
        return switch (outcome.why()) {
            case NO_TEST -> text("assumptions.why.no_test", locale);
            case NO_DATA -> text("assumptions.why.no_data", locale);
            case PILOT_RUNNING -> text("assumptions.why.pilot_running", locale);
            case TOO_FEW -> text("assumptions.why.too_few", locale, smallCells.k());
            case INTERVAL, UNDECIDED -> figure == null ? text("assumptions.why.no_data", locale)
                    : text(outcome.verdict() == Verdict.CONFIRMED ? "assumptions.explain.confirmed"
                            : outcome.verdict() == Verdict.REFUTED ? "assumptions.explain.refuted" : "assumptions.explain.undecided", locale,
                            value(test, figure.lower(), locale), value(test, figure.upper(), locale), expected(test, outcome, locale))
                            + " " + evidence(test, outcome, locale) + largest(test, outcome, locale);
        };
    }

    /** The figure with n: "NPS 42 (n = 120)", "62,5 % (n = 80)". */
    public String evidence(AssumptionTest test, Outcome outcome, Locale locale) {
        Estimate figure = outcome.figure();
        if (figure == null) {
            return "";
        }
        return text("assumptions.explain.evidence", locale, value(test, figure.value(), locale), whole(outcome.n(), locale));
    }

    /**
     * For a theme expected to be most of all (not "the largest", which names its rival already): the theme that was
     * largest when another one was, with its interval; empty otherwise. Every theme's share has the same n (the themes
     * counted in the period), so the larger lower bound is the larger count.
     */
    String largest(AssumptionTest test, Outcome outcome, Locale locale) {
        Outcome.Rival rival = outcome.rival();
        Estimate figure = outcome.figure();
        if (test.kind() != TestKind.THEME || test.expectation() == Expectation.LARGEST || rival == null || figure == null
                || rival.lower() <= figure.lower()) {
            return "";
        }
        return " " + text("assumptions.explain.largest", locale, "en".equals(locale.getLanguage()) ? rival.nameEn() : rival.nameNl(),
                value(test, rival.lower(), locale), value(test, rival.upper(), locale));
    }

    /** What was expected, in words: "at least 8", "more than half", "larger than every other theme (...)". */
    public String expected(AssumptionTest test, @Nullable Outcome outcome, Locale locale) {
        return switch (test.expectation()) {
            case AT_LEAST -> text("assumptions.expected.at_least", locale, value(test, test.lowOrZero(), locale));
            case AT_MOST -> text("assumptions.expected.at_most", locale, value(test, test.highOrZero(), locale));
            case BETWEEN -> text("assumptions.expected.between", locale, value(test, test.lowOrZero(), locale),
                    value(test, test.highOrZero(), locale));
            case MOST -> text("assumptions.expected.most", locale);
            case LARGEST -> {
                Outcome.Rival rival = outcome == null ? null : outcome.rival();
                yield rival == null ? text("assumptions.expected.largest", locale)
                        : text("assumptions.expected.largest.rival", locale, "en".equals(locale.getLanguage()) ? rival.nameEn() : rival.nameNl(),
                                value(test, rival.lower(), locale), value(test, rival.upper(), locale));
            }
        };
    }

    /** A number in the figure's unit: NPS points whole, percentages with one decimal and a % sign, means with two decimals. */
    public String value(AssumptionTest test, double number, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(false);
        return switch (unit(test)) {
            case POINTS -> {
                format.setMaximumFractionDigits(1);
                yield format.format(number);
            }
            case PERCENT -> {
                format.setMaximumFractionDigits(1);
                yield format.format(number) + " %";
            }
            case MEAN -> {
                format.setMaximumFractionDigits(2);
                yield format.format(number);
            }
        };
    }

    enum Unit {
        POINTS, PERCENT, MEAN
    }

    static Unit unit(AssumptionTest test) {
        return switch (test.kind()) {
            case THEME, SHARE -> Unit.PERCENT;
            case QUESTION -> "mean".equals(test.measure()) ? Unit.MEAN : Unit.PERCENT;
            case SCORE, PILOT -> "nps".equals(test.measure()) ? Unit.POINTS : "csat".equals(test.measure()) ? Unit.PERCENT : Unit.MEAN;
        };
    }

    private String whole(long n, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
