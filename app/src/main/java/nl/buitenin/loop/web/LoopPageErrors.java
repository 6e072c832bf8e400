package nl.buitenin.loop.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;

/** A case of another team, or one that does not exist, is a 404 page, never a stack trace. */
@ControllerAdvice(assignableTypes = {CaseQueueController.class, TeamLeadController.class, ActionsController.class,
        FiguresController.class, LoopAdminController.class})
class LoopPageErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidInputException e, Model model) {
        model.addAttribute("errors", e.errors());
        return "loop/invalid";
    }
}
