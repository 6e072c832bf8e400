package nl.buitenin.privacy.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageController;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.SmallCells;
import nl.buitenin.privacy.internal.JdbcConsents;
import nl.buitenin.privacy.internal.JdbcPersons;
import nl.buitenin.privacy.internal.LegalBasis;
import nl.buitenin.privacy.internal.PrivacyProperties;
import nl.buitenin.privacy.internal.Purpose;
import nl.buitenin.privacy.internal.Purposes;

/**
 * The processing register (GDPR art. 30): the privacy officer manages the purposes; an administrator
 * may read them. Exported as CSV and as a printable page.
 */
@PageController
@Allow({Role.PRIVACY_OFFICER, Role.ADMIN})
class RegisterController {

    private final Purposes purposes;
    private final JdbcConsents consents;
    private final JdbcPersons persons;
    private final PrivacyProperties properties;
    private final Organisations organisations;

    RegisterController(Purposes purposes, JdbcConsents consents, JdbcPersons persons, PrivacyProperties properties,
            Organisations organisations) {
        this.purposes = purposes;
        this.consents = consents;
        this.persons = persons;
        this.properties = properties;
        this.organisations = organisations;
    }

    /** A purpose with the number of persons who consented to it now, hidden below k. */
    record Row(Purpose purpose, SmallCells.Suppressed consented) {
    }

    @GetMapping("/privacy")
    String register(Model model) {
        Map<String, Long> given = consents.givenPerPurpose();
        model.addAttribute("rows", purposes.all().stream()
                .map(p -> new Row(p, SmallCells.suppress(given.getOrDefault(p.id().value(), 0L), properties.minCell()))).toList());
        model.addAttribute("personCount", SmallCells.suppress(persons.count(), properties.minCell()));
        model.addAttribute("minCell", properties.minCell());
        return "privacy/register";
    }

    @GetMapping("/privacy/purposes/new")
    @Allow(Role.PRIVACY_OFFICER)
    String newPurpose(Model model) {
        return form(model, PurposeForm.empty(), true, List.of());
    }

    @PostMapping("/privacy/purposes")
    @Allow(Role.PRIVACY_OFFICER)
    String create(@ModelAttribute PurposeForm form, Model model) {
        try {
            purposes.create(form.toPurpose());
        } catch (InvalidInputException e) {
            return form(model, form, true, e.errors());
        } catch (ConflictException e) {
            return form(model, form, true, List.of(e.error("id")));
        }
        return "redirect:/privacy?saved=" + form.id().strip();
    }

    @GetMapping("/privacy/purposes/{id}")
    @Allow(Role.PRIVACY_OFFICER)
    String edit(@PathVariable String id, Model model) {
        return form(model, PurposeForm.of(purposes.get(purposeId(id))), false, List.of());
    }

    @PostMapping("/privacy/purposes/{id}")
    @Allow(Role.PRIVACY_OFFICER)
    String update(@PathVariable String id, @ModelAttribute PurposeForm form, Model model) {
        PurposeForm fixedId = new PurposeForm(purposeId(id).value(), form.nameNl(), form.nameEn(), form.descriptionNl(),
                form.descriptionEn(), form.legalBasis(), form.personalData(), form.dataCategories(), form.retentionMonths(),
                form.recipients());
        try {
            purposes.update(fixedId.toPurpose());
        } catch (InvalidInputException e) {
            return form(model, fixedId, false, e.errors());
        }
        return "redirect:/privacy?saved=" + fixedId.id();
    }

    @PostMapping("/privacy/purposes/{id}/retire")
    @Allow(Role.PRIVACY_OFFICER)
    String retire(@PathVariable String id) {
        purposes.retire(purposeId(id));
        return "redirect:/privacy";
    }

    @PostMapping("/privacy/purposes/{id}/reinstate")
    @Allow(Role.PRIVACY_OFFICER)
    String reinstate(@PathVariable String id) {
        purposes.reinstate(purposeId(id));
        return "redirect:/privacy";
    }

    @GetMapping("/privacy/register/print")
    String printable(Model model) {
        model.addAttribute("purposes", purposes.all());
        model.addAttribute("organisationName", organisations.current().name());
        model.addAttribute("printedAt", java.time.LocalDate.now(organisations.current().timeZone()));
        return "privacy/register-print";
    }

    /** The register as CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read the accents). */
    @GetMapping("/privacy/register.csv")
    ResponseEntity<byte[]> csv(Locale locale) throws IOException {
        StringWriter out = new StringWriter();
        out.write('\ufeff');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("id", "name_nl", "name_en",
                "description_nl", "description_en", "legal_basis", "personal_data", "data_categories", "retention_months",
                "recipients", "retired_at").get())) {
            for (Purpose p : purposes.all()) {
                csv.printRecord(p.id().value(), p.nameNl(), p.nameEn(), p.descriptionNl(), p.descriptionEn(), p.legalBasis().name(),
                        p.personalData(), p.dataCategories(), p.retentionMonths(), p.recipients(), p.retiredAt());
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"verwerkingsregister.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String form(Model model, PurposeForm form, boolean creating, List<FieldError> errors) {
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("bases", LegalBasis.values());
        model.addAttribute("errors", errors);
        return "privacy/purpose-form";
    }

    static PurposeId purposeId(String id) {
        try {
            return new PurposeId(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("privacy.thing.purpose", id);
        }
    }
}
