package nl.buitenin.organisation.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import nl.buitenin.access.AnySignedIn;

/** The start page: the organisation and the capabilities the signed-in user may open. */
@Controller
class HomeController {

    @GetMapping("/")
    @AnySignedIn
    String home() {
        return "home";
    }
}
