package nl.buitenin.journey;

import java.util.List;

/**
 * The new interactions of one ingested batch, published once in the transaction that stored them. Listeners
 * treat each element exactly as a single {@link InteractionRecorded}; one event per batch instead of one per
 * interaction keeps the event log (and the work after each commit) from growing by a row per contact, which
 * is what lets the API keep up with a raw COPY.
 */
public record InteractionsRecorded(List<InteractionRecorded> interactions) {

    public InteractionsRecorded {
        interactions = List.copyOf(interactions);
    }
}
