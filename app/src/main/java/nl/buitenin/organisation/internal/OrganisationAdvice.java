package nl.buitenin.organisation.internal;

import java.util.Locale;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import nl.buitenin.organisation.Organisation;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.PageController;

/**
 * Every page knows the organisation and its word for the people it serves, in the page's language:
 * {@code ${person}} ("klant"), {@code ${persons}} ("klanten").
 * Pages only ({@link PageController}): an API call has no model to fill.
 */
@ControllerAdvice(annotations = PageController.class)
class OrganisationAdvice {

    private final Organisations organisations;

    OrganisationAdvice(Organisations organisations) {
        this.organisations = organisations;
    }

    @ModelAttribute("organisation")
    Organisation organisation() {
        return organisations.current();
    }

    /** The register texts a person reads follow: {@code #{${register.key('answer.lead')}(...)}} picks "u" or "je". */
    @ModelAttribute("register")
    nl.buitenin.organisation.Register register() {
        return organisations.current().register();
    }

    /** Dates in the reader's language and the organisation's time zone: {@code ${dates.dateTime(at)}}. */
    @ModelAttribute("dates")
    nl.buitenin.platform.ReadableDates dates(Locale locale) {
        return nl.buitenin.platform.ReadableDates.of(locale, organisations.current().timeZone());
    }

    @ModelAttribute("person")
    String person(Locale locale) {
        return organisations.current().personWord().singular(locale);
    }

    @ModelAttribute("persons")
    String persons(Locale locale) {
        return organisations.current().personWord().plural(locale);
    }
}
