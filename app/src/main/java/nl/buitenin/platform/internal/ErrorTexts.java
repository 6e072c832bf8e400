package nl.buitenin.platform.internal;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.ErrorMessages;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;

/**
 * Tells an error in the language of the request (the user's choice on pages; Accept-Language for the
 * API): through its message key when it has one, else its own text. One place, so no controller translates.
 */
@Component
class ErrorTexts implements ErrorMessages {

    private final MessageSource messages;

    ErrorTexts(MessageSource messages) {
        this.messages = messages;
    }

    String message(FieldError error) {
        if (error.key() == null) {
            return error.message();
        }
        return text(error.key(), error.args(), error.message());
    }

    @Override
    public String tell(FieldError error) {
        return message(error);
    }

    String message(NotFoundException e) {
        String thing = text(e.thing(), List.of(), e.thing());
        return text("platform.notFound", List.of(thing, e.id()), e.getMessage());
    }

    String message(ConflictException e) {
        return text(e.key(), e.args(), e.getMessage());
    }

    String text(String key, List<Object> args, String fallback) {
        return messages.getMessage(key, args.toArray(), fallback, LocaleContextHolder.getLocale());
    }
}
