package nl.buitenin.workshop.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.workshop.internal.WorkshopRefused;

/**
 * A workshop someone did not join (403), one that does not exist (404) or a step the board no longer allows, such as a
 * note after the workshop closed (409): a page saying so in the reader's language, with the way back.
 */
@ControllerAdvice(assignableTypes = {BoardController.class, FacilitatorController.class})
class WorkshopPageErrors {

    @ExceptionHandler(WorkshopRefused.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(WorkshopRefused e, Model model) {
        model.addAttribute("messageKey", e.key());
        model.addAttribute("args", new Object[0]);
        return "workshop/refused";
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(ConflictException e, Model model) {
        model.addAttribute("messageKey", e.key());
        model.addAttribute("args", e.args().toArray());
        return "workshop/refused";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }
}
