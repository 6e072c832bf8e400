package nl.buitenin.contact.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.contact.internal.JdbcContactStore;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.PersonKey;

/** The contact policy and its decisions over REST; ADMIN and ANALYST only. */
@RestController
@RequestMapping("/api/v1/contact")
@Allow({Role.ADMIN, Role.ANALYST})
class ContactPolicyApi {

    private final StoredContactPolicy policy;
    private final JdbcContactStore store;

    ContactPolicyApi(StoredContactPolicy policy, JdbcContactStore store) {
        this.policy = policy;
        this.store = store;
    }

    @GetMapping("/policy")
    @Operation(summary = "The contact policy (the default until one is saved)")
    PolicyFile get() {
        return PolicyFile.of(policy.current());
    }

    @PutMapping("/policy")
    @Operation(summary = "Change the contact policy; fields left out take their default")
    PolicyFile change(@RequestBody PolicyFile file) {
        return PolicyFile.of(policy.change(file));
    }

    @GetMapping("/decisions")
    @Operation(summary = "Decisions with their reason codes: of one person (person=p_...), or the latest 100")
    List<JdbcContactStore.StoredDecision> decisions(@RequestParam(required = false) String person) {
        if (RequestValues.blank(person)) {
            return store.recentDecisions(100);
        }
        if (!PersonKey.isValid(person)) {
            throw InvalidInputException.of("person", "contact.invalid.person");
        }
        return store.decisionsOf(new PersonKey(person));
    }
}
