package nl.buitenin.journey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import nl.buitenin.platform.EventChunks;
import nl.buitenin.privacy.PersonKey;

/**
 * The interactions recorded for the first time by one ingested batch (a retried one is not published again),
 * published once in the transaction that stored them. The contact policy counts recent contacts from them;
 * demand derives volumes. One event per batch instead of one per interaction keeps the event log (and the work
 * after each commit) from growing by a row per contact, which is what lets the API keep up with a raw COPY.
 * <p>
 * How the event log stores it is a detail of serialisation: the log writes it to JSON once per listener inside
 * the request's transaction, and a list of records repeats every field name, touchpoint id and kind per
 * interaction (about 250 bytes each). So it is written in columns ({@link Columns}): each touchpoint and kind
 * once, referred to by its position, and times as numbers.
 *
 * @param interactions the new interactions, in the order they were stored
 */
public record InteractionsRecorded(List<Interaction> interactions) {

    public InteractionsRecorded {
        interactions = List.copyOf(interactions);
    }

    /**
     * One interaction of the batch.
     *
     * @param person   the person, or null when the source did not know who it was
     * @param sourceId the id the sending system gave the interaction
     * @param kind       what happened; null only in events stored before the kind was part of the event, which
     *                   were contacts unless the sender said otherwise
     * @param reason     why the person made contact, as written (free text, personal data), or null
     * @param reasonCode the sending system's code for the reason, or null
     * @param staff      the pseudonymous reference of the staff member who served the person, or null (personal data of
     *                   staff: read per person only under the purpose {@code service-quality-staff})
     * @param team       the team of that staff member, or null
     * @param topic      what the interaction was about for the person's interests (a destination, a product), or null
     */
    public record Interaction(TouchpointId touchpoint, PersonKey person, Instant at, String sourceId, InteractionKind kind,
            @Nullable String reason, @Nullable String reasonCode, @Nullable String staff, @Nullable String team,
            @Nullable String topic) {

        public Interaction {
            Objects.requireNonNull(touchpoint, "touchpoint");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(sourceId, "sourceId");
        }

        /** An interaction without a topic. */
        public Interaction(TouchpointId touchpoint, PersonKey person, Instant at, String sourceId, InteractionKind kind,
                @Nullable String reason, @Nullable String reasonCode, @Nullable String staff, @Nullable String team) {
            this(touchpoint, person, at, sourceId, kind, reason, reasonCode, staff, team, null);
        }

        /** An interaction without a reason. */
        public Interaction(TouchpointId touchpoint, PersonKey person, Instant at, String sourceId, InteractionKind kind) {
            this(touchpoint, person, at, sourceId, kind, null, null);
        }

        /** An interaction without staff and team. */
        public Interaction(TouchpointId touchpoint, PersonKey person, Instant at, String sourceId, InteractionKind kind,
                @Nullable String reason, @Nullable String reasonCode) {
            this(touchpoint, person, at, sourceId, kind, reason, reasonCode, null, null);
        }
    }

    /** The event for these interactions, in the order given. */
    public static InteractionsRecorded of(List<Interaction> interactions) {
        return new InteractionsRecorded(interactions);
    }

    /** How many interactions the event holds. */
    public int size() {
        return interactions.size();
    }

    /**
     * Whether an interaction says why the person made contact. A listener that reads only reasons names this as its
     * condition: the event log then stores no publication for it, and it gets no transaction, for the events of plain
     * contacts that are most of them.
     */
    public boolean hasReasons() {
        for (Interaction interaction : interactions) {
            if (interaction.reason() != null && !interaction.reason().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Whether an interaction names both a person and a topic: the condition of a listener that reads only those. */
    public boolean hasTopicsOfPeople() {
        for (Interaction interaction : interactions) {
            if (interaction.person() != null && interaction.topic() != null) {
                return true;
            }
        }
        return false;
    }

    /** Characters of the stored form besides the interactions: its field names, brackets and the kinds' names. */
    public static final int STORED_OVERHEAD = 400;

    /**
     * An upper bound of the characters one interaction adds to the event's stored form ({@link Columns} as JSON), so a
     * publisher can keep an event within what the event log holds: its numbers at their longest, its touchpoint as if
     * it were the only one at it, and each text with its quotes and a comma, every character JSON escapes counted as
     * its longest escape ({@code \u0000}).
     */
    public static int storedLengthAtMost(Interaction interaction) {
        // touchpoint index, epoch second, nano and kind index (at most 11, 20, 10 and 11 characters with their commas),
        // the touchpoint's id in the list of distinct ones (36 and quotes and a comma).
        int length = 11 + 21 + 11 + 11 + 39;
        length += EventChunks.textLength(interaction.person() == null ? null : interaction.person().value());
        length += EventChunks.textLength(interaction.sourceId());
        length += EventChunks.textLength(interaction.reason());
        length += EventChunks.textLength(interaction.reasonCode());
        length += EventChunks.textLength(interaction.staff());
        length += EventChunks.textLength(interaction.team());
        length += EventChunks.textLength(interaction.topic());
        return length;
    }

    /** The form in which the event log stores the event. */
    @JsonValue
    Columns columns() {
        return Columns.of(interactions);
    }

    /**
     * Reads the stored event: in columns, or stored before the columns as a list of interactions, which the event
     * log may still hold unfinished from before an upgrade.
     */
    @JsonCreator
    static InteractionsRecorded read(@JsonProperty("touchpoints") List<TouchpointId> touchpoints,
            @JsonProperty("touchpoint") int[] touchpoint, @JsonProperty("epochSecond") long[] epochSecond,
            @JsonProperty("nano") int[] nano, @JsonProperty("persons") List<String> persons,
            @JsonProperty("sourceIds") List<String> sourceIds, @JsonProperty("kinds") List<InteractionKind> kinds,
            @JsonProperty("kind") int[] kind, @JsonProperty("reasons") List<String> reasons,
            @JsonProperty("reasonCodes") List<String> reasonCodes, @JsonProperty("staff") List<String> staff,
            @JsonProperty("teams") List<String> teams, @JsonProperty("topics") List<String> topics,
            @JsonProperty("interactions") List<Interaction> interactions) {
        if (sourceIds == null && interactions != null) {
            return new InteractionsRecorded(interactions);
        }
        // Events stored before reasons (or staff and teams) were part of the event have no such columns: none.
        List<String> none = Collections.nCopies(sourceIds.size(), null);
        return new InteractionsRecorded(new Columns(touchpoints, touchpoint, epochSecond, nano, persons, sourceIds, kinds, kind,
                reasons == null ? none : reasons, reasonCodes == null ? none : reasonCodes, staff == null ? none : staff,
                teams == null ? none : teams, topics == null ? none : topics).interactions());
    }

    /**
     * The stored form: per interaction a position in the lists of distinct touchpoints and kinds, its time as
     * seconds and nanoseconds since 1970-01-01T00:00Z, its person's key (or null), its source id and its reason and
     * reason code (or null), the staff reference and team of who served the person (or null), and its topic (or null).
     */
    record Columns(List<TouchpointId> touchpoints, int[] touchpoint, long[] epochSecond, int[] nano, List<String> persons,
            List<String> sourceIds, List<InteractionKind> kinds, int[] kind, List<String> reasons, List<String> reasonCodes,
            List<String> staff, List<String> teams, List<String> topics) {

        Columns {
            int size = sourceIds.size();
            if (touchpoint.length != size || epochSecond.length != size || nano.length != size || persons.size() != size
                    || kind.length != size || reasons.size() != size || reasonCodes.size() != size || staff.size() != size
                    || teams.size() != size || topics.size() != size) {
                throw new IllegalArgumentException("columns of different lengths");
            }
        }

        static Columns of(List<Interaction> interactions) {
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
            List<String> reasons = new ArrayList<>(size);
            List<String> reasonCodes = new ArrayList<>(size);
            List<String> staff = new ArrayList<>(size);
            List<String> teams = new ArrayList<>(size);
            List<String> topics = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                Interaction interaction = interactions.get(i);
                touchpoint[i] = touchpointIndex.computeIfAbsent(interaction.touchpoint(), id -> {
                    touchpoints.add(id);
                    return touchpoints.size() - 1;
                });
                epochSecond[i] = interaction.at().getEpochSecond();
                nano[i] = interaction.at().getNano();
                persons.add(interaction.person() == null ? null : interaction.person().value());
                sourceIds.add(interaction.sourceId());
                reasons.add(interaction.reason());
                reasonCodes.add(interaction.reasonCode());
                staff.add(interaction.staff());
                teams.add(interaction.team());
                topics.add(interaction.topic());
                // A null kind (only in old events) is kept as null, as the single event kept it.
                kind[i] = kindIndex.computeIfAbsent(interaction.kind(), k -> {
                    kinds.add(k);
                    return kinds.size() - 1;
                });
            }
            return new Columns(touchpoints, touchpoint, epochSecond, nano, Collections.unmodifiableList(persons), sourceIds,
                    Collections.unmodifiableList(kinds), kind, Collections.unmodifiableList(reasons),
                    Collections.unmodifiableList(reasonCodes), Collections.unmodifiableList(staff), Collections.unmodifiableList(teams),
                    Collections.unmodifiableList(topics));
        }

        List<Interaction> interactions() {
            List<Interaction> interactions = new ArrayList<>(sourceIds.size());
            for (int i = 0; i < sourceIds.size(); i++) {
                String person = persons.get(i);
                interactions.add(new Interaction(touchpoints.get(touchpoint[i]), person == null ? null : new PersonKey(person),
                        Instant.ofEpochSecond(epochSecond[i], nano[i]), sourceIds.get(i), kinds.get(kind[i]), reasons.get(i),
                        reasonCodes.get(i), staff.get(i), teams.get(i), topics.get(i)));
            }
            return interactions;
        }
    }
}
