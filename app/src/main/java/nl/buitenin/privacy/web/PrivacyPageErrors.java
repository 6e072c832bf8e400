package nl.buitenin.privacy.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import nl.buitenin.platform.NotFoundException;

/** A purpose or person that does not exist is a 404 page, not an error. */
@ControllerAdvice(basePackageClasses = PrivacyPageErrors.class, annotations = Controller.class)
class PrivacyPageErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }
}
