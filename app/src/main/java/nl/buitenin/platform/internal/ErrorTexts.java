package nl.buitenin.platform.internal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Tells a validation error in the language of the request (the user's choice on pages; Accept-Language for the
 * API): through its message key when it has one, else its own text. One place, so no controller translates.
 */
@Component
class ErrorTexts {

    private final MessageSource messages;

    ErrorTexts(MessageSource messages) {
        this.messages = messages;
    }

    String message(FieldError error) {
        if (error.key() == null) {
            return error.message();
        }
        return messages.getMessage(error.key(), error.args().toArray(), error.message(), LocaleContextHolder.getLocale());
    }
}
