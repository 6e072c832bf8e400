package nl.buitenin.journey.web;

import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.platform.CheckedPerItem;
import nl.buitenin.platform.EventBacklog;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.InteractionInput;
import nl.buitenin.platform.InvalidInputException;

/** Other systems send interactions in batches; a retried batch creates nothing new. */
@RestController
@RequestMapping("/api/v1")
class InteractionsApi {

    private final InteractionIngest ingest;

    InteractionsApi(InteractionIngest ingest) {
        this.ingest = ingest;
    }

    /** @param items up to 10 000 interactions */
    record InteractionBatch(@CheckedPerItem List<InteractionInput> items) {
    }

    @PostMapping("/interactions")
    @Allow(value = Role.ADMIN, scopes = Scope.INGEST)
    @Operation(summary = "Record a batch of interactions, idempotent by source id",
            description = "Each item: sourceId, touchpoint (id), at (ISO-8601 with offset), person (person key, optional), "
                    + "kind (contact, purchase, visit, search or offer_click; default contact), reason (why the person made contact, free text of at most "
                    + "1000 characters, optional; personal data: in the person's export and scrubbed on erasure) and reasonCode "
                    + "(the sending system's code for the reason: 1 to 64 letters, digits and . _ : / -, optional), staff (the pseudonymous "
                    + "reference of the staff member who served the person, such as mw-014: 1 to 64 letters, digits and . _ -, never a name "
                    + "or an e-mail address; optional; read per person only under the purpose service-quality-staff) and team (the "
                    + "staff member's team, at most 100 letters, digits, spaces and . - & ' ( ) /; optional). The answer reports per item (by index) whether it "
                    + "was created, a duplicate, or rejected and why. " + EventBacklog.API_DESCRIPTION)
    IngestReport record(@RequestBody InteractionBatch batch) {
        if (batch == null || batch.items() == null) {
            throw InvalidInputException.of("items", "journey.invalid.noItems");
        }
        return ingest.ingest(batch.items());
    }
}
