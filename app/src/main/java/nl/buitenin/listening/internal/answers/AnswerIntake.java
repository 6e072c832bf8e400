package nl.buitenin.listening.internal.answers;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.buitenin.listening.internal.answers.AnswerBatches.AnswerInput;
import nl.buitenin.platform.BatchIntake;
import nl.buitenin.platform.IngestReport;

/**
 * Answered surveys from an event stream: the items of {@code POST /api/v1/answers}, through the same {@link AnswerBatches},
 * so a source id sent by the API and again by the stream is one response.
 */
@Component
class AnswerIntake implements BatchIntake<AnswerInput> {

    private final AnswerBatches batches;

    AnswerIntake(AnswerBatches batches) {
        this.batches = batches;
    }

    @Override
    public String name() {
        return "answers";
    }

    @Override
    public Class<AnswerInput> itemType() {
        return AnswerInput.class;
    }

    @Override
    public int maxBatch() {
        return AnswerBatches.MAX_BATCH;
    }

    @Override
    public IngestReport ingest(List<AnswerInput> items) {
        return batches.ingest(items);
    }
}
