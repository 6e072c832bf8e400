package nl.buitenin.journey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import nl.buitenin.privacy.PersonKey;

/**
 * The new interactions of one ingested batch, published once in the transaction that stored them. Listeners
 * treat each element of {@link #interactions()} exactly as a single {@link InteractionRecorded}; one event per
 * batch instead of one per interaction keeps the event log (and the work after each commit) from growing by a
 * row per contact, which is what lets the API keep up with a raw COPY.
 * <p>
 * The event is stored in columns rather than as a list of records: the event log serialises it to JSON once
 * per listener inside the request's transaction, and a list of records repeats every field name, touchpoint
 * id and kind per interaction (about 250 bytes each). Here each touchpoint and kind is written once and
 * referred to by its position, and times are numbers.
 *
 * @param touchpoints     the distinct touchpoints of the batch
 * @param touchpoint      per interaction, its touchpoint's position in {@code touchpoints}
 * @param epochSecond     per interaction, the seconds of its time since 1970-01-01T00:00Z
 * @param nano            per interaction, the nanoseconds within that second
 * @param persons         per interaction, the person's key or null
 * @param sourceIds       per interaction, the id the sending system gave it
 * @param kinds           the distinct kinds of the batch
 * @param kind            per interaction, its kind's position in {@code kinds}
 */
public record InteractionsRecorded(List<TouchpointId> touchpoints, int[] touchpoint, long[] epochSecond, int[] nano,
        List<String> persons, List<String> sourceIds, List<InteractionKind> kinds, int[] kind) {

    public InteractionsRecorded {
        int size = sourceIds.size();
        if (touchpoint.length != size || epochSecond.length != size || nano.length != size || persons.size() != size
                || kind.length != size) {
            throw new IllegalArgumentException("columns of different lengths");
        }
        touchpoints = List.copyOf(touchpoints);
        persons = java.util.Collections.unmodifiableList(new ArrayList<>(persons));
        sourceIds = List.copyOf(sourceIds);
        kinds = java.util.Collections.unmodifiableList(new ArrayList<>(kinds));
    }

    /** The event for these interactions, in the order given. */
    public static InteractionsRecorded of(List<InteractionRecorded> interactions) {
        int size = interactions.size();
        Map<TouchpointId, Integer> touchpointIndex = new HashMap<>();
        List<TouchpointId> touchpoints = new ArrayList<>();
        Map<InteractionKind, Integer> kindIndex = new HashMap<>();
        List<InteractionKind> kinds = new ArrayList<>();
        int[] touchpoint = new int[size];
        long[] epochSecond = new long[size];
        int[] nano = new int[size];
        List<String> persons = new ArrayList<>(size);
        List<String> sourceIds = new ArrayList<>(size);
        int[] kind = new int[size];
        for (int i = 0; i < size; i++) {
            InteractionRecorded interaction = interactions.get(i);
            touchpoint[i] = touchpointIndex.computeIfAbsent(interaction.touchpoint(), id -> {
                touchpoints.add(id);
                return touchpoints.size() - 1;
            });
            epochSecond[i] = interaction.at().getEpochSecond();
            nano[i] = interaction.at().getNano();
            persons.add(interaction.person() == null ? null : interaction.person().value());
            sourceIds.add(interaction.sourceId());
            // A null kind (only in old events) is kept as null, as the single event kept it.
            kind[i] = kindIndex.computeIfAbsent(interaction.kind(), k -> {
                kinds.add(k);
                return kinds.size() - 1;
            });
        }
        return new InteractionsRecorded(touchpoints, touchpoint, epochSecond, nano, persons, sourceIds, kinds, kind);
    }

    /**
     * Reads the stored event; also an event stored before the columns, as a list of interactions, which the
     * event log may still hold unfinished from before an upgrade.
     */
    @JsonCreator
    static InteractionsRecorded read(@JsonProperty("touchpoints") List<TouchpointId> touchpoints,
            @JsonProperty("touchpoint") int[] touchpoint, @JsonProperty("epochSecond") long[] epochSecond,
            @JsonProperty("nano") int[] nano, @JsonProperty("persons") List<String> persons,
            @JsonProperty("sourceIds") List<String> sourceIds, @JsonProperty("kinds") List<InteractionKind> kinds,
            @JsonProperty("kind") int[] kind, @JsonProperty("interactions") List<InteractionRecorded> interactions) {
        if (sourceIds == null && interactions != null) {
            return of(interactions);
        }
        return new InteractionsRecorded(touchpoints, touchpoint, epochSecond, nano, persons, sourceIds, kinds, kind);
    }

    /** How many interactions the event holds. */
    public int size() {
        return sourceIds.size();
    }

    /** The interactions as records, in the order they were stored. */
    public List<InteractionRecorded> interactions() {
        List<InteractionRecorded> interactions = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            String person = persons.get(i);
            interactions.add(new InteractionRecorded(touchpoints.get(touchpoint[i]),
                    person == null ? null : new PersonKey(person), Instant.ofEpochSecond(epochSecond[i], nano[i]),
                    sourceIds.get(i), kinds.get(kind[i])));
        }
        return interactions;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InteractionsRecorded that && interactions().equals(that.interactions());
    }

    @Override
    public int hashCode() {
        return interactions().hashCode();
    }

    @Override
    public String toString() {
        return "InteractionsRecorded" + Arrays.toString(interactions().toArray());
    }
}
