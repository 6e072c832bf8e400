package nl.buitenin.demand.internal.volume;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.demand.internal.DemandProperties;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.InteractionsRecorded;
import nl.buitenin.journey.InteractionsRecorded.Interaction;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.organisation.Organisations;

/**
 * Turns every interaction journey records into one contact in its channel × location × interval, as the
 * source {@link VolumeSource#INTERACTIONS}. Only the count is kept: not the person, and of the interactions
 * only a hash, so that an event delivered again (the event registry resubmits unfinished ones) is not counted
 * twice.
 * <p>
 * The unit that is counted once is the event, not the interaction: journey publishes each interaction in exactly
 * one event, in the transaction that stored it for the first time, and a redelivered event holds the same
 * interactions in the same order. So one hash over the event's interaction ids recognises a redelivery, where a
 * hash per interaction cost an insert per contact, as much as storing the interaction itself (measured in
 * {@code JourneyBenchmarks ingest}). An event of one interaction has that interaction's own hash, the key that
 * single-interaction events have always had.
 */
@Component
public class InteractionCounts {

    /** Touchpoints rarely change, and interactions come in thousands; a minute's staleness is harmless. */
    private static final Duration TOUCHPOINT_CACHE = Duration.ofMinutes(1);

    private final CountWriter writer;
    private final Touchpoints touchpoints;
    private final Organisations organisations;
    private final DemandProperties properties;
    private final Clock clock;
    private final Map<TouchpointId, Cached> cache = new ConcurrentHashMap<>();

    InteractionCounts(CountWriter writer, Touchpoints touchpoints, Organisations organisations,
            DemandProperties properties, Clock clock) {
        this.writer = writer;
        this.touchpoints = touchpoints;
        this.organisations = organisations;
        this.properties = properties;
        this.clock = clock;
    }

    private record Cached(Optional<Touchpoint> touchpoint, Instant until) {
    }

    /** What happened to one interaction. */
    public enum Outcome {
        COUNTED, ALREADY_COUNTED, NOT_A_CONTACT, UNKNOWN_TOUCHPOINT
    }

    /**
     * A batch of interactions from the journey API: summed per interval and written in one fixed order (channel,
     * location and interval), so that two batches counted at the same time wait for each other instead of
     * deadlocking.
     */
    @ApplicationModuleListener
    void on(InteractionsRecorded batch) {
        countAll(batch.interactions());
    }

    private record Slot(String channel, String location, OffsetDateTime start) implements Comparable<Slot> {
        private static final Comparator<Slot> ORDER = Comparator.comparing(Slot::channel).thenComparing(Slot::location)
                .thenComparing(Slot::start);

        @Override
        public int compareTo(Slot other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * Counts the interactions of one event in the caller's transaction, unless exactly these interactions were
     * counted before; returns how many were counted now.
     */
    public int countAll(List<Interaction> interactions) {
        if (interactions.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!writer.markCounted(fingerprint(interactions), now)) {
            return 0;
        }
        int minutes = properties.intervalMinutes();
        ZoneId zone = organisations.current().timeZone();
        TreeMap<Slot, Integer> slots = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (Interaction interaction : interactions) {
            if (!countedKind(interaction) || !seen.add(interaction.sourceId())) {
                continue;
            }
            Optional<Touchpoint> touchpoint = touchpoint(interaction.touchpoint());
            if (touchpoint.isEmpty()) {
                continue;
            }
            ZonedDateTime start = Intervals.floor(interaction.at().atZone(zone), minutes);
            slots.merge(new Slot(touchpoint.get().channel().name(), location(touchpoint.get()),
                    OffsetDateTime.ofInstant(start.toInstant(), ZoneOffset.UTC)), 1, Integer::sum);
        }
        writer.add(slots.entrySet().stream().map(e -> new CountWriter.SlotCount(e.getKey().channel(), e.getKey().location(),
                e.getKey().start(), e.getValue())).toList(), minutes, now);
        return slots.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Counts the interaction unless its kind is not counted or it was counted before. Runs in the caller's transaction. */
    public Outcome count(Interaction interaction) {
        if (!countedKind(interaction)) {
            return Outcome.NOT_A_CONTACT;
        }
        if (touchpoint(interaction.touchpoint()).isEmpty()) {
            return Outcome.UNKNOWN_TOUCHPOINT;
        }
        // An event of one is recognised by the interaction's own hash, so this is the batch path's check too.
        return countAll(List.of(interaction)) == 1 ? Outcome.COUNTED : Outcome.ALREADY_COUNTED;
    }

    /** Events stored before the kind was part of them were contacts: the journey API's default kind. */
    private boolean countedKind(Interaction interaction) {
        return properties.interactionKinds().contains(interaction.kind() == null ? InteractionKind.CONTACT : interaction.kind());
    }

    private String location(Touchpoint touchpoint) {
        return touchpoint.location() == null || touchpoint.location().isBlank() ? properties.interactionLocation()
                : touchpoint.location().strip();
    }

    private Optional<Touchpoint> touchpoint(TouchpointId id) {
        Instant now = clock.instant();
        Cached cached = cache.get(id);
        if (cached == null || cached.until().isBefore(now)) {
            cached = new Cached(touchpoints.byId(id), now.plus(TOUCHPOINT_CACHE));
            cache.put(id, cached);
        }
        return cached.touchpoint();
    }

    /** The first 128 bits of the SHA-256 of the interaction's id: enough to recognise it, nothing to read from it. */
    static String hash(String sourceId) {
        return HexFormat.of().formatHex(sha256().digest(sourceId.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    /**
     * The hash of one interaction's id for an event of one, else the first 128 bits of the SHA-256 over every id,
     * each preceded by its length so that no two lists of ids run together into the same bytes.
     */
    static String fingerprint(List<Interaction> interactions) {
        if (interactions.size() == 1) {
            return hash(interactions.get(0).sourceId());
        }
        MessageDigest digest = sha256();
        ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
        for (Interaction interaction : interactions) {
            byte[] id = interaction.sourceId().getBytes(StandardCharsets.UTF_8);
            digest.update(length.clear().putInt(id.length).array());
            digest.update(id);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
