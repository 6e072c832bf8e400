package nl.buitenin.readings.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import nl.buitenin.listening.QuestionType;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.readings.internal.CalibratedScores;
import nl.buitenin.readings.internal.CalibratedScores.Compare;

/**
 * The filters of the calibrated-scores page and API, read from text: a period of days (default the last year up to
 * today — a person's own scale needs their history — at most two years) and a scale question type (default: the type
 * answered at the most touchpoints) and what is compared (default touchpoints; teams, months or weeks). Every wrong
 * field is named at once.
 */
record CalibrationQuery(LocalDate from, LocalDate to, @Nullable QuestionType type, Compare by) {

    static final int DEFAULT_DAYS = 365;
    static final int MAX_DAYS = 731;

    static CalibrationQuery read(@Nullable String from, @Nullable String to, @Nullable String type, LocalDate today) {
        return read(from, to, type, null, today);
    }

    static CalibrationQuery read(@Nullable String from, @Nullable String to, @Nullable String type, @Nullable String by,
            LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate end = RequestValues.collecting(errors, () -> RequestValues.date("to", to, "readings.calibration.invalid.date"));
        LocalDate start = RequestValues.collecting(errors, () -> RequestValues.date("from", from, "readings.calibration.invalid.date"));
        QuestionType chosen = RequestValues.collecting(errors, () -> type(type));
        Compare compare = RequestValues.collecting(errors,
                () -> RequestValues.choice("by", by, Compare.class, "readings.calibration.invalid.by", by));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        end = end == null ? today : end;
        start = start == null ? end.minusDays(DEFAULT_DAYS - 1) : start;
        if (start.isAfter(end)) {
            throw InvalidInputException.of("from", "readings.calibration.invalid.period.order", start, end);
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw InvalidInputException.of("from", "readings.calibration.invalid.period.long", MAX_DAYS);
        }
        return new CalibrationQuery(start, end, chosen, compare == null ? Compare.TOUCHPOINTS : compare);
    }

    private static @Nullable QuestionType type(@Nullable String raw) {
        QuestionType type = RequestValues.choice("type", raw, QuestionType.class, "readings.calibration.invalid.type", raw);
        if (type != null && !CalibratedScores.TYPES.contains(type)) {
            throw InvalidInputException.of("type", "readings.calibration.invalid.type", raw);
        }
        return type;
    }
}
