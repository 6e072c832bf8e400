package nl.buitenin.privacy.web;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeRefusedException;
import nl.buitenin.privacy.internal.Erasure;
import nl.buitenin.privacy.internal.Exports;
import nl.buitenin.privacy.internal.JdbcConsents;
import nl.buitenin.privacy.internal.JdbcPersons;
import nl.buitenin.privacy.internal.PersonExport;
import nl.buitenin.privacy.internal.Purposes;
import nl.buitenin.privacy.internal.SignedLinks;

/**
 * The privacy officer finds a person by the organisation's customer id. The page shows no contact
 * details until a purpose is chosen; that read is checked and logged like any other.
 */
@PageController
@Allow(Role.PRIVACY_OFFICER)
class PersonsController {

    private final JdbcPersons persons;
    private final JdbcConsents consents;
    private final Purposes purposes;
    private final Exports exports;
    private final ExportViews exportViews;
    private final Erasure erasure;
    private final SignedLinks links;

    PersonsController(JdbcPersons persons, JdbcConsents consents, Purposes purposes, Exports exports, Erasure erasure,
            SignedLinks links, ExportViews exportViews) {
        this.exportViews = exportViews;
        this.persons = persons;
        this.consents = consents;
        this.purposes = purposes;
        this.exports = exports;
        this.erasure = erasure;
        this.links = links;
    }

    @GetMapping("/privacy/persons")
    String search(@RequestParam(required = false) String customerId, Model model) {
        if (!RequestValues.blank(customerId)) {
            try {
                show(persons.keyFor(customerId), model);
            } catch (InvalidInputException e) {
                model.addAttribute("errors", e.errors());
            }
        }
        model.addAttribute("customerId", customerId);
        return "privacy/persons";
    }

    @PostMapping("/privacy/persons/{key}/contact-details")
    String contactDetails(@PathVariable String key, @RequestParam String purpose, Model model) {
        PersonKey person = key(key);
        show(person, model);
        try {
            Optional<ContactDetails> details = persons.contactDetails(person, RegisterController.purposeId(purpose));
            model.addAttribute("details", details.orElse(null));
        } catch (PurposeRefusedException e) {
            model.addAttribute("refusal", e.reason().name());
        }
        model.addAttribute("chosenPurpose", purpose);
        return "privacy/persons";
    }

    @PostMapping("/privacy/persons/{key}/link")
    String link(@PathVariable String key, Model model) {
        PersonKey person = key(key);
        show(person, model);
        model.addAttribute("link", links.linkFor(person).toString());
        return "privacy/persons";
    }

    @GetMapping("/privacy/persons/{key}/export")
    String export(@PathVariable String key, Model model) {
        PersonKey person = key(key);
        model.addAttribute("export", exportViews.of(exports.export(person), org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("personKey", person);
        return "privacy/export";
    }

    @GetMapping("/privacy/persons/{key}/export.json")
    ResponseEntity<PersonExport> exportJson(@PathVariable String key) {
        PersonKey person = key(key);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + person.value() + ".json\"")
                .contentType(MediaType.APPLICATION_JSON).body(exports.export(person));
    }

    @PostMapping("/privacy/persons/{key}/erase")
    String erase(@PathVariable String key, @RequestParam(defaultValue = "false") boolean confirmed, Model model) {
        PersonKey person = key(key);
        if (!confirmed) {
            show(person, model);
            model.addAttribute("errors", List.of(InvalidInputException.FieldError.of("confirmed",
                    "privacy.invalid.confirmErasure")));
            return "privacy/persons";
        }
        erasure.erase(person, "privacy-officer");
        model.addAttribute("erased", true);
        return "privacy/persons";
    }

    private void show(PersonKey person, Model model) {
        model.addAttribute("personKey", person);
        model.addAttribute("exists", persons.exists(person));
        if (persons.exists(person)) {
            model.addAttribute("preferences", persons.preferences(person));
            model.addAttribute("consents", consents.current(person));
        }
        model.addAttribute("purposes", purposes.active().stream().filter(p -> p.personalData()).toList());
    }

    private PersonKey key(String key) {
        if (!PersonKey.isValid(key)) {
            throw new NotFoundException("privacy.thing.person", key);
        }
        PersonKey person = new PersonKey(key);
        if (!persons.exists(person)) {
            throw new NotFoundException("privacy.thing.person", key);
        }
        return person;
    }
}
