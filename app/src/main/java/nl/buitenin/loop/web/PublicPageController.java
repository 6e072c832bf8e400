package nl.buitenin.loop.web;

import java.util.Locale;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import nl.buitenin.access.PublicEndpoint;
import nl.buitenin.loop.internal.YouSaidWeDid;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.PageController;

/** The organisation's public "you said, we did" page: completed actions and their themes, no personal data. */
@PageController
class PublicPageController {

    private final YouSaidWeDid youSaidWeDid;
    private final Organisations organisations;

    PublicPageController(YouSaidWeDid youSaidWeDid, Organisations organisations) {
        this.youSaidWeDid = youSaidWeDid;
        this.organisations = organisations;
    }

    @GetMapping("/you-said-we-did")
    @PublicEndpoint(why = "the organisation tells everyone what it changed; the page holds no personal data and hides small counts")
    String page(Model model, Locale locale) {
        model.addAttribute("entries", youSaidWeDid.completed(null, null, locale));
        model.addAttribute("minimum", youSaidWeDid.minimumCount());
        model.addAttribute("zone", organisations.current().timeZone());
        return "loop/public";
    }
}
