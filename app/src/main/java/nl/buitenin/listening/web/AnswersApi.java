package nl.buitenin.listening.web;

import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.listening.internal.answers.AnswerBatches;
import nl.buitenin.listening.internal.answers.AnswerBatches.AnswerInput;
import nl.buitenin.platform.CheckedPerItem;
import nl.buitenin.platform.EventBacklog;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.platform.InvalidInputException;

/** Other systems send answered surveys in batches; a retried batch creates nothing new. */
@RestController
@RequestMapping("/api/v1")
class AnswersApi {

    private final AnswerBatches batches;

    AnswersApi(AnswerBatches batches) {
        this.batches = batches;
    }

    /** @param items up to 10 000 answered surveys */
    record AnswerBatch(@CheckedPerItem List<AnswerInput> items) {
    }

    @PostMapping("/answers")
    @Allow(value = Role.ADMIN, scopes = Scope.INGEST)
    @Operation(summary = "Record a batch of answered surveys, idempotent by source id",
            description = "Each item: sourceId, survey (id of a published version), touchpoint (id), at (ISO-8601 with offset), "
                    + "person (person key, optional), language (nl or en), answers (per question key a list of values: the score, "
                    + "the chosen option values, or the text), staff (the pseudonymous reference of the staff member who served the "
                    + "person, such as mw-014: 1 to 64 letters, digits and . _ -, never a name or an e-mail address; optional) and team "
                    + "(at most 100 letters, digits, spaces and . - & ' ( ) /; optional). Answers are checked like answers on the page; scores count at once "
                    + "and case rules apply. The answer reports per item (by index) whether it was created, a duplicate, or "
                    + "rejected and why. " + EventBacklog.API_DESCRIPTION)
    IngestReport record(@RequestBody AnswerBatch batch) {
        if (batch == null || batch.items() == null) {
            throw InvalidInputException.of("items", "listening.invalid.items.missing");
        }
        return batches.ingest(batch.items());
    }
}
