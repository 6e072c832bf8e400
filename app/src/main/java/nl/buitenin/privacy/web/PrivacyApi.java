package nl.buitenin.privacy.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.ConsentChange;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PreferredChannel;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.internal.AccessLog;
import nl.buitenin.privacy.internal.AccessLogEntry;
import nl.buitenin.privacy.internal.Actors;
import nl.buitenin.privacy.internal.Erasure;
import nl.buitenin.privacy.internal.Exports;
import nl.buitenin.privacy.internal.JdbcConsents;
import nl.buitenin.privacy.internal.JdbcPersons;
import nl.buitenin.privacy.internal.PersonExport;
import nl.buitenin.privacy.internal.Purposes;
import nl.buitenin.privacy.internal.Retention;
import nl.buitenin.privacy.internal.SignedLinks;
import nl.buitenin.privacy.internal.StaffData;

/**
 * The REST API of the privacy module: other systems register persons and consents (scope INGEST,
 * idempotent: the customer id is the natural key, and a consent that is already in that state is a
 * no-op); the privacy officer manages the register, reads the access log, exports and erases.
 */
@RestController
@RequestMapping("/api/v1")
class PrivacyApi {

    private final Purposes purposes;
    private final JdbcPersons persons;
    private final JdbcConsents consents;
    private final AccessLog log;
    private final Exports exports;
    private final Erasure erasure;
    private final Retention retention;
    private final Actors actors;
    private final SignedLinks links;
    private final StaffData staffData;

    PrivacyApi(Purposes purposes, JdbcPersons persons, JdbcConsents consents, AccessLog log, Exports exports, Erasure erasure,
            Retention retention, Actors actors, SignedLinks links, StaffData staffData) {
        this.staffData = staffData;
        this.purposes = purposes;
        this.persons = persons;
        this.consents = consents;
        this.log = log;
        this.exports = exports;
        this.erasure = erasure;
        this.retention = retention;
        this.actors = actors;
        this.links = links;
    }

    record PurposeView(String id, String nameNl, String nameEn, String descriptionNl, String descriptionEn, String legalBasis,
            boolean personalData, String dataCategories, Integer retentionMonths, String recipients, Instant retiredAt) {
        static PurposeView of(nl.buitenin.privacy.internal.Purpose p) {
            return new PurposeView(p.id().value(), p.nameNl(), p.nameEn(), p.descriptionNl(), p.descriptionEn(), p.legalBasis().name(),
                    p.personalData(), p.dataCategories(), p.retentionMonths(), p.recipients(), p.retiredAt());
        }
    }

    @GetMapping("/purposes")
    @Allow(value = {Role.ADMIN, Role.ANALYST, Role.AGENT, Role.PLANNER, Role.PRIVACY_OFFICER}, scopes = Scope.READ)
    @Operation(summary = "The processing register (GDPR art. 30)")
    List<PurposeView> purposes() {
        return purposes.all().stream().map(PurposeView::of).toList();
    }

    @PostMapping("/purposes")
    @Allow(Role.PRIVACY_OFFICER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a purpose to the register")
    PurposeView createPurpose(@RequestBody PurposeForm form) {
        return PurposeView.of(purposes.create(form.toPurpose()));
    }

    @PutMapping("/purposes/{id}")
    @Allow(Role.PRIVACY_OFFICER)
    @Operation(summary = "Change a purpose of the register")
    PurposeView updatePurpose(@PathVariable String id, @RequestBody PurposeForm form) {
        PurposeForm fixed = new PurposeForm(RegisterController.purposeId(id).value(), form.nameNl(), form.nameEn(),
                form.descriptionNl(), form.descriptionEn(), form.legalBasis(), form.personalData(), form.dataCategories(),
                form.retentionMonths(), form.recipients());
        return PurposeView.of(purposes.update(fixed.toPurpose()));
    }

    record PersonRequest(String customerId, String name, String email, String phone, PreferredChannel channel, String language,
            Boolean remindersWanted, Boolean doNotAsk) {
    }

    record PersonRegistered(String personKey, URI ownPage) {
    }

    @PostMapping("/persons")
    @Allow(value = Role.PRIVACY_OFFICER, scopes = Scope.INGEST)
    @Operation(summary = "Register a person or update their contact details; the customer id makes it idempotent")
    PersonRegistered register(@RequestBody PersonRequest request) {
        RequestValues.required("customerId", request.customerId(), "privacy.invalid.required");
        ContactDetails details = new ContactDetails(request.name(), request.email(), request.phone());
        PersonKey key = persons.register(request.customerId(), details);
        if (request.channel() != null || request.language() != null || request.remindersWanted() != null || request.doNotAsk() != null) {
            Preferences current = persons.preferences(key);
            persons.setPreferences(key, new Preferences(request.channel() == null ? current.channel() : request.channel(),
                    request.language() == null ? current.language() : request.language(),
                    request.remindersWanted() == null ? current.remindersWanted() : request.remindersWanted(),
                    request.doNotAsk() == null ? current.doNotAsk() : request.doNotAsk()));
        }
        return new PersonRegistered(key.value(), links.linkFor(key));
    }

    record ConsentRequest(String customerId, String personKey, String purpose, Boolean given, String channel) {
    }

    @PostMapping("/consents")
    @Allow(value = Role.PRIVACY_OFFICER, scopes = Scope.INGEST)
    @Operation(summary = "Record consent given or withdrawn; repeating the current state changes nothing")
    List<ConsentChange> consent(@RequestBody ConsentRequest request) {
        PersonKey key = person(request.customerId(), request.personKey());
        if (request.purpose() == null) {
            throw InvalidInputException.of("purpose", "privacy.invalid.required");
        }
        if (request.given() == null) {
            throw InvalidInputException.of("given", "privacy.invalid.given");
        }
        PurposeId purpose;
        try {
            purpose = new PurposeId(request.purpose());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("purpose", "privacy.invalid.purposeId", request.purpose());
        }
        String channel = request.channel() == null ? "api" : request.channel();
        if (request.given()) {
            consents.give(key, purpose, channel);
        } else {
            consents.withdraw(key, purpose, channel);
        }
        return consents.current(key);
    }

    @GetMapping("/persons/{key}/consents")
    @Allow(value = Role.PRIVACY_OFFICER, scopes = Scope.READ)
    @Operation(summary = "A person's current consents")
    List<ConsentChange> consents(@PathVariable String key) {
        return consents.current(existing(key));
    }

    @GetMapping("/persons/{key}/export")
    @Allow(Role.PRIVACY_OFFICER)
    @Operation(summary = "Everything held on a person in every module (GDPR art. 15 and 20)")
    PersonExport export(@PathVariable String key) {
        return exports.export(existing(key));
    }

    @DeleteMapping("/persons/{key}")
    @Allow(Role.PRIVACY_OFFICER)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Forget a person in every module (GDPR art. 17)")
    void erase(@PathVariable String key) {
        erasure.erase(existing(key), "api");
    }

    @GetMapping("/privacy/staff/{staffRef}/export")
    @Allow(Role.PRIVACY_OFFICER)
    @Operation(summary = "Everything held about a staff reference (who served the person) in every module; staff are people too")
    StaffData.StaffExport staffExport(@PathVariable String staffRef) {
        return staffData.export(staffRef);
    }

    @DeleteMapping("/privacy/staff/{staffRef}")
    @Allow(Role.PRIVACY_OFFICER)
    @Operation(summary = "Erase a staff reference in every module: interactions and responses lose it, their team stays for team figures")
    List<StaffData.Erased> staffErasure(@PathVariable String staffRef) {
        return staffData.erase(staffRef);
    }

    @GetMapping("/privacy/access-log")
    @Allow({Role.PRIVACY_OFFICER, Role.ADMIN})
    @Operation(summary = "The access log, newest first; filter by person key, purpose and actor")
    PageResult<AccessLogEntry> accessLog(@RequestParam(required = false) String personKey,
            @RequestParam(required = false) String purpose, @RequestParam(required = false) String actor,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PersonKey person = personKey == null ? null : existingOrInvalid(personKey);
        PurposeId purposeId = purpose == null ? null : RegisterController.purposeId(purpose);
        return log.find(new AccessLog.Filter(person, purposeId, actor, null, null, null), PageRequest.of(page, size));
    }

    @PostMapping("/privacy/retention/preview")
    @Allow(Role.PRIVACY_OFFICER)
    @Operation(summary = "What the retention job would delete or anonymise now")
    Retention.Run previewRetention() {
        return retention.preview(actors.current());
    }

    @PostMapping("/privacy/retention/run")
    @Allow(Role.PRIVACY_OFFICER)
    @Operation(summary = "Run the retention job now")
    Retention.Run runRetention() {
        return retention.run(actors.current());
    }

    private PersonKey person(String customerId, String personKey) {
        if (!RequestValues.blank(customerId)) {
            return persons.keyFor(customerId);
        }
        if (personKey != null) {
            return existingOrInvalid(personKey);
        }
        throw InvalidInputException.of("customerId", "privacy.invalid.customerOrKey");
    }

    private static PersonKey existingOrInvalid(String key) {
        if (!PersonKey.isValid(key)) {
            throw InvalidInputException.of("personKey", "privacy.invalid.personKey");
        }
        return new PersonKey(key);
    }

    private PersonKey existing(String key) {
        if (!PersonKey.isValid(key) || !persons.exists(new PersonKey(key))) {
            throw new NotFoundException("privacy.thing.person", key);
        }
        return new PersonKey(key);
    }
}
