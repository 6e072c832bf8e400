package nl.buitenin.privacy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.SmallCells;
import nl.buitenin.privacy.internal.AccessLog;
import nl.buitenin.privacy.internal.PrivacyProperties;
import nl.buitenin.privacy.internal.Purposes;

/** Who read what, for which purpose, about whom: per person and per purpose, with filters. */
@PageController
@Allow({Role.PRIVACY_OFFICER, Role.ADMIN})
class AccessLogController {

    private final AccessLog log;
    private final Persons persons;
    private final Purposes purposes;
    private final Organisations organisations;
    private final PrivacyProperties properties;

    AccessLogController(AccessLog log, Persons persons, Purposes purposes, Organisations organisations, PrivacyProperties properties) {
        this.log = log;
        this.persons = persons;
        this.purposes = purposes;
        this.organisations = organisations;
        this.properties = properties;
    }

    /** Reads and refusals for one purpose over the last 30 days; the number of persons is hidden below k. */
    record PurposeSummary(String purpose, long reads, long refusals, SmallCells.Suppressed persons) {
    }

    @GetMapping("/privacy/access-log")
    String log(@RequestParam(required = false) String person, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String actor, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "false") boolean refused,
            @RequestParam(required = false) Integer page, Model model) {
        ZoneId zone = organisations.current().timeZone();
        PersonKey key = null;
        try {
            key = personKey(person);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        PurposeId purposeId = RequestValues.blank(purpose) ? null : RegisterController.purposeId(purpose);
        Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        var filter = new AccessLog.Filter(key, purposeId, actor, start, end, refused);
        PageRequest paging;
        try {
            paging = PageRequest.of(page, 50);
        } catch (InvalidInputException e) {
            // A page number below 0 (a hand-edited link): say so and show the first page.
            List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
            if (model.getAttribute("errors") instanceof List<?> earlier) {
                earlier.forEach(error -> errors.add((InvalidInputException.FieldError) error));
            }
            errors.addAll(e.errors());
            model.addAttribute("errors", errors);
            paging = PageRequest.of(0, 50);
        }
        model.addAttribute("entries", log.find(filter, paging));
        // Not "person": that is the organisation's word for its people, which every page (and this label) reads.
        model.addAttribute("personFilter", person);
        model.addAttribute("personKey", key);
        model.addAttribute("purpose", purpose);
        model.addAttribute("actor", actor);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("refused", refused);
        model.addAttribute("purposes", purposes.all());
        model.addAttribute("zone", zone);
        List<PurposeSummary> summary = log.countsPerPurpose(Instant.now().minus(30, ChronoUnit.DAYS)).stream()
                .map(c -> new PurposeSummary(c.purpose(), c.reads(), c.refusals(), SmallCells.suppress(c.persons(), properties.minCell())))
                .toList();
        model.addAttribute("summary", summary);
        return "privacy/access-log";
    }

    /** A person is looked up by the organisation's customer id (the key is derived) or by the key itself. */
    private PersonKey personKey(String person) {
        String value = RequestValues.given(person);
        if (value == null) {
            return null;
        }
        return PersonKey.isValid(value) ? new PersonKey(value) : persons.keyFor(value);
    }
}
