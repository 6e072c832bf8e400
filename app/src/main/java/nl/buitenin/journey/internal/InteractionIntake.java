package nl.buitenin.journey.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.buitenin.platform.BatchIntake;
import nl.buitenin.platform.IngestReport;

/** Interactions from an event stream: the items of {@code POST /api/v1/interactions}, through the same {@link InteractionIngest}. */
@Component
class InteractionIntake implements BatchIntake<InteractionInput> {

    private final InteractionIngest ingest;

    InteractionIntake(InteractionIngest ingest) {
        this.ingest = ingest;
    }

    @Override
    public String name() {
        return "interactions";
    }

    @Override
    public Class<InteractionInput> itemType() {
        return InteractionInput.class;
    }

    @Override
    public int maxBatch() {
        return InteractionIngest.MAX_BATCH;
    }

    @Override
    public IngestReport ingest(List<InteractionInput> items) {
        return ingest.ingest(items);
    }
}
