package nl.buitenin.organisation.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.organisation.Organisation;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.organisation.PersonWord;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;

@PageController
@Allow(Role.ADMIN)
class OrganisationController {

    private final Organisations organisations;

    OrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/admin/organisation")
    String form(Model model) {
        model.addAttribute("words", PersonWord.values());
        model.addAttribute("registers", nl.buitenin.organisation.Register.values());
        model.addAttribute("form", organisations.current());
        return "organisation/settings";
    }

    @PostMapping("/admin/organisation")
    String save(@RequestParam String name, @RequestParam String personWord, @RequestParam String defaultLanguage,
            @RequestParam String timeZone, @RequestParam(required = false) String register, Model model) {
        try {
            organisations.update(new Organisation(name, Organisation.personWord(personWord), defaultLanguage,
                    Organisation.zone(timeZone),
                    register == null ? organisations.current().register() : Organisation.register(register)));
            return "redirect:/admin/organisation?saved";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("words", PersonWord.values());
        model.addAttribute("registers", nl.buitenin.organisation.Register.values());
            model.addAttribute("form", organisations.current());
            return "organisation/settings";
        }
    }
}
