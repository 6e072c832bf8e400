package nl.buitenin.contact.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.contact.internal.OfferPolicies;
import nl.buitenin.contact.internal.OfferPolicyFile;

/** The shared contact budget and the offer rules over REST; ADMIN and ANALYST read, ADMIN changes. */
@RestController
@RequestMapping("/api/v1/contact")
class ContactBudgetApi {

    private final OfferPolicies policies;

    ContactBudgetApi(OfferPolicies policies) {
        this.policies = policies;
    }

    @GetMapping("/budget")
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "The shared contact budget and the offer rules (the default until saved)",
            description = "budget: messages of every kind together per calendar week, month and quarter (perWeek, perMonth, perQuarter); "
                    + "kinds: per kind (OFFER, INVITATION, REMINDER, TOLD_BACK) a share of its own; topicCap offers per topic within "
                    + "topicCapDays days; no offer within recentSurveyDays days after a survey invitation.")
    OfferPolicyFile get() {
        return OfferPolicyFile.of(policies.current());
    }

    @PutMapping("/budget")
    @Allow(Role.ADMIN)
    @Operation(summary = "Change the shared contact budget and the offer rules; fields left out take their default")
    OfferPolicyFile change(@RequestBody OfferPolicyFile file) {
        return OfferPolicyFile.of(policies.change(file));
    }
}
