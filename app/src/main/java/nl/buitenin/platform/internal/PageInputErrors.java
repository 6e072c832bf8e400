package nl.buitenin.platform.internal;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import nl.buitenin.platform.BusyException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Bad input on a page that its controller does not answer itself (a paging parameter below 0, a word where a number
 * belongs, a form field with a character no database can store) is a 400 page naming the field, in the reader's
 * language, instead of an error 500. Runs last: a module's own page advice, and the REST API's problem handler, come
 * first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageInputErrors {

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidInputException e, Model model) {
        return page(e.errors(), model);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String typeMismatch(MethodArgumentTypeMismatchException e, Model model) {
        return page(List.of(FieldError.of(e.getName(), "platform.invalid.value", String.valueOf(e.getValue()))), model);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String missing(MissingServletRequestParameterException e, Model model) {
        return page(List.of(FieldError.of(e.getParameterName(), "platform.invalid.required")), model);
    }

    /** As on the API: a text the database refused for its length or characters is the sender's mistake, not a 500. */
    @ExceptionHandler(DataAccessException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String storage(DataAccessException e, Model model) {
        if (!UnstorableValues.causedBy(e)) {
            throw e;
        }
        return page(List.of(FieldError.of("input", "platform.invalid.stored")), model);
    }

    /** An upload while the node is still busy with earlier data: nothing was stored, try again shortly. */
    @ExceptionHandler(BusyException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String busy(BusyException e, Model model) {
        model.addAttribute("seconds", e.retryAfter().toSeconds());
        return "platform/busy";
    }

    private static String page(List<FieldError> errors, Model model) {
        model.addAttribute("errors", errors);
        return "platform/invalid";
    }
}
