package nl.buitenin.assumptions.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RequestValues;

/**
 * A test as sent by the form or the API, every value as text. {@link #read} names every wrong field at once: a known
 * kind and what it needs (a scale for a score, a theme, a share of the map, a survey and question key), an expectation
 * that fits the kind with its bounds, and a period whose end is not before its start.
 */
public record TestForm(@Nullable String kind, @Nullable String measure, @Nullable String theme, @Nullable String survey,
        @Nullable String question, @Nullable String expectation, @Nullable String low, @Nullable String high, @Nullable String from,
        @Nullable String to) {

    static final Set<String> SCALES = Set.of("nps", "csat", "ces", "rating_5", "rating_10");
    static final Set<String> QUESTION_MEASURES = Set.of("share", "mean");

    public AssumptionTest read(List<String> shareKeys) {
        List<FieldError> errors = new ArrayList<>();
        TestKind readKind = RequestValues.collecting(errors,
                () -> RequestValues.requiredChoice("kind", kind, TestKind.class, "assumptions.invalid.kind"));
        Expectation readExpectation = RequestValues.collecting(errors,
                () -> RequestValues.requiredChoice("expectation", expectation, Expectation.class, "assumptions.invalid.expectation"));
        Double readLow = RequestValues.collecting(errors, () -> RequestValues.decimal("low", low, "assumptions.invalid.number"));
        Double readHigh = RequestValues.collecting(errors, () -> RequestValues.decimal("high", high, "assumptions.invalid.number"));
        LocalDate readFrom = RequestValues.collecting(errors, () -> RequestValues.require(
                RequestValues.date("from", from, "assumptions.invalid.date"), "from", "assumptions.invalid.period.missing"));
        LocalDate readTo = RequestValues.collecting(errors, () -> RequestValues.require(
                RequestValues.date("to", to, "assumptions.invalid.date"), "to", "assumptions.invalid.period.missing"));
        if (readFrom != null && readTo != null && readTo.isBefore(readFrom)) {
            errors.add(FieldError.of("to", "assumptions.invalid.period.order"));
        }
        String readMeasure = RequestValues.given(measure);
        UUID readTheme = RequestValues.collecting(errors, () -> RequestValues.uuid("theme", theme, "assumptions.invalid.theme"));
        UUID readSurvey = RequestValues.collecting(errors, () -> RequestValues.uuid("survey", survey, "assumptions.invalid.survey"));
        String readQuestion = RequestValues.given(question);
        if (readKind != null) {
            switch (readKind) {
                case SCORE -> {
                    readMeasure = readMeasure == null ? null : readMeasure.toLowerCase(Locale.ROOT);
                    if (readMeasure == null || !SCALES.contains(readMeasure)) {
                        errors.add(FieldError.of("measure", "assumptions.invalid.measure.scale"));
                    }
                }
                case THEME -> {
                    if (readTheme == null && errors.stream().noneMatch(e -> "theme".equals(e.field()))) {
                        errors.add(FieldError.of("theme", "assumptions.invalid.theme.missing"));
                    }
                }
                case SHARE -> {
                    if (readMeasure == null || !shareKeys.contains(readMeasure)) {
                        errors.add(FieldError.of("measure", "assumptions.invalid.measure.share"));
                    }
                }
                case PILOT -> errors.add(FieldError.of("kind", "assumptions.invalid.kind.pilot"));
                case QUESTION -> {
                    readMeasure = readMeasure == null ? "share" : readMeasure.toLowerCase(Locale.ROOT);
                    if (!QUESTION_MEASURES.contains(readMeasure)) {
                        errors.add(FieldError.of("measure", "assumptions.invalid.measure.question"));
                    }
                    if (readSurvey == null && errors.stream().noneMatch(e -> "survey".equals(e.field()))) {
                        errors.add(FieldError.of("survey", "assumptions.invalid.survey.missing"));
                    }
                    if (readQuestion == null) {
                        errors.add(FieldError.of("question", "assumptions.invalid.question.missing"));
                    }
                }
            }
            if (readExpectation != null && readKind != TestKind.THEME
                    && (readExpectation == Expectation.MOST || readExpectation == Expectation.LARGEST)) {
                errors.add(FieldError.of("expectation", "assumptions.invalid.expectation.themeOnly"));
            }
        }
        if (readExpectation != null) {
            if (readExpectation.needsLow() && readLow == null && errors.stream().noneMatch(e -> "low".equals(e.field()))) {
                errors.add(FieldError.of("low", "assumptions.invalid.low.missing"));
            }
            if (readExpectation.needsHigh() && readHigh == null && errors.stream().noneMatch(e -> "high".equals(e.field()))) {
                errors.add(FieldError.of("high", "assumptions.invalid.high.missing"));
            }
            if (readExpectation == Expectation.BETWEEN && readLow != null && readHigh != null && readHigh < readLow) {
                errors.add(FieldError.of("high", "assumptions.invalid.high.belowLow"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AssumptionTest(readKind, readKind == TestKind.THEME ? null : readMeasure, readKind == TestKind.THEME ? readTheme : null,
                readKind == TestKind.QUESTION ? readSurvey : null, readKind == TestKind.QUESTION ? readQuestion : null, null, readExpectation,
                readExpectation.needsLow() ? readLow : null, readExpectation.needsHigh() ? readHigh : null, readFrom, readTo);
    }

    public static TestForm of(@Nullable AssumptionTest test) {
        if (test == null) {
            return new TestForm(null, null, null, null, null, null, null, null, null, null);
        }
        return new TestForm(test.kind().code(), test.measure(), test.theme() == null ? null : test.theme().toString(),
                test.survey() == null ? null : test.survey().toString(), test.question(), test.expectation().code(),
                test.low() == null ? null : plain(test.low()), test.high() == null ? null : plain(test.high()), test.from().toString(),
                test.to().toString());
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
