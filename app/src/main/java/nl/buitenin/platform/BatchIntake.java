package nl.buitenin.platform;

import java.util.List;

/**
 * A way in for batches of items that other systems send by another road than HTTP, such as an event stream. A module
 * contributes one bean per kind of item that hands the batch to the same service as its REST API, so both roads share
 * one validation, one idempotency by source id and one {@link IngestReport}; the road itself (Kafka, say) only reads the
 * items and acts on the report.
 *
 * @param <T> the item as the REST API reads it (a record of texts)
 */
public interface BatchIntake<T> {

    /** A short name, also the default topic's last part: {@code interactions}, {@code answers}. */
    String name();

    /** The item's type, read from JSON exactly as the REST API reads an element of its {@code items}. */
    Class<T> itemType();

    /** The most items {@link #ingest} takes at once. */
    int maxBatch();

    /** Validates and stores the items in one transaction; what became of each item is in the report, by index. */
    IngestReport ingest(List<T> items);
}
