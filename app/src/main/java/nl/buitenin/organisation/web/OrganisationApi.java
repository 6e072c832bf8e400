package nl.buitenin.organisation.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.organisation.Organisation;
import nl.buitenin.organisation.Organisations;

@RestController
@RequestMapping("/api/v1/organisation")
class OrganisationApi {

    private final Organisations organisations;

    OrganisationApi(Organisations organisations) {
        this.organisations = organisations;
    }

    /** {@code register}: FORMAL ("u") or INFORMAL ("je"); left out in a change, it stays as it was. */
    record OrganisationView(String name, String personWord, String defaultLanguage, String timeZone,
            @Nullable String register) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.name(), o.personWord().name(), o.defaultLanguage(), o.timeZone().getId(), o.register().name());
        }
    }

    @GetMapping
    @Allow(value = {Role.ADMIN, Role.ANALYST, Role.AGENT, Role.PLANNER, Role.PRIVACY_OFFICER}, scopes = Scope.READ)
    @Operation(summary = "The organisation's settings")
    OrganisationView get() {
        return OrganisationView.of(organisations.current());
    }

    @PutMapping
    @Allow(Role.ADMIN)
    @Operation(summary = "Change the organisation's settings")
    OrganisationView update(@RequestBody OrganisationView changed) {
        return OrganisationView.of(organisations.update(new Organisation(changed.name(),
                Organisation.personWord(changed.personWord()), changed.defaultLanguage(), Organisation.zone(changed.timeZone()),
                changed.register() == null ? organisations.current().register() : Organisation.register(changed.register()))));
    }
}
