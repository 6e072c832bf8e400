package nl.buitenin.signals.web.assessment;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.signals.internal.assessment.DayStatement;

/** A form error as a person reads it: what it is about (a field's label or a statement's text) and what is wrong. */
record ShownError(String about, String anchor, String message) {

    static List<ShownError> of(List<FieldError> errors, MessageSource messages, Locale locale) {
        return errors.stream().map(e -> {
            String field = e.field() == null ? "" : e.field();
            String about = DayStatement.byKey(field).map(s -> messages.getMessage(s.messageKey(), null, locale))
                    .orElseGet(() -> field.isEmpty() ? "" : messages.getMessage("assessment.field." + field, null, field, locale));
            String message = e.key() == null ? e.message() : messages.getMessage(e.key(), e.args().toArray(), e.message(), locale);
            return new ShownError(about, field.isEmpty() ? "" : "field-" + field.replace('.', '-'), message);
        }).toList();
    }
}
