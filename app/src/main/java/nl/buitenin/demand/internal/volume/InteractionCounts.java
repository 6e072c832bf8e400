package nl.buitenin.demand.internal.volume;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.demand.internal.DemandProperties;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.InteractionRecorded;
import nl.buitenin.journey.InteractionsRecorded;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.organisation.Organisations;

/**
 * Turns every interaction journey records into one contact in its channel × location × interval, as the
 * source {@link VolumeSource#INTERACTIONS}. Only the count is kept: not the person, and of the interaction
 * only a hash of its id, so that an event delivered again (the event registry resubmits unfinished ones)
 * is not counted twice.
 */
@Component
public class InteractionCounts {

    /** Touchpoints rarely change, and interactions come in thousands; a minute's staleness is harmless. */
    private static final Duration TOUCHPOINT_CACHE = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final CountWriter writer;
    private final Touchpoints touchpoints;
    private final Organisations organisations;
    private final DemandProperties properties;
    private final Clock clock;
    private final Map<TouchpointId, Cached> cache = new ConcurrentHashMap<>();

    InteractionCounts(JdbcClient jdbc, CountWriter writer, Touchpoints touchpoints, Organisations organisations,
            DemandProperties properties, Clock clock) {
        this.jdbc = jdbc;
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
     * A batch of interactions from the journey API, counted as if each came alone (counting is idempotent), but
     * summed per interval first and written in one fixed order (interaction hash, then channel, location and
     * interval), so that two batches counted at the same time wait for each other instead of deadlocking.
     */
    @ApplicationModuleListener
    void on(InteractionsRecorded batch) {
        countAll(batch.interactions());
    }

    private record Slot(String channel, String location, OffsetDateTime start) implements Comparable<Slot> {
        @Override
        public int compareTo(Slot other) {
            return java.util.Comparator.comparing(Slot::channel).thenComparing(Slot::location).thenComparing(Slot::start).compare(this, other);
        }
    }

    /** Counts a batch in the caller's transaction; returns how many interactions were counted now. */
    public int countAll(java.util.List<InteractionRecorded> interactions) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int minutes = properties.intervalMinutes();
        java.time.ZoneId zone = organisations.current().timeZone();
        java.util.TreeMap<String, Slot> byHash = new java.util.TreeMap<>();
        for (InteractionRecorded interaction : interactions) {
            InteractionKind kind = interaction.kind() == null ? InteractionKind.CONTACT : interaction.kind();
            if (!properties.interactionKinds().contains(kind)) {
                continue;
            }
            Optional<Touchpoint> touchpoint = touchpoint(interaction.touchpoint());
            if (touchpoint.isEmpty()) {
                continue;
            }
            String location = touchpoint.get().location() == null || touchpoint.get().location().isBlank() ? properties.interactionLocation()
                    : touchpoint.get().location().strip();
            ZonedDateTime start = Intervals.floor(interaction.at().atZone(zone), minutes);
            byHash.put(hash(interaction.sourceId()), new Slot(touchpoint.get().channel().name(), location,
                    OffsetDateTime.ofInstant(start.toInstant(), ZoneOffset.UTC)));
        }
        java.util.TreeMap<Slot, Integer> slots = new java.util.TreeMap<>();
        Set<String> fresh = writer.insertAbsent(new java.util.ArrayList<>(byHash.keySet()), now);
        byHash.forEach((hash, slot) -> {
            if (fresh.contains(hash)) {
                slots.merge(slot, 1, Integer::sum);
            }
        });
        writer.add(slots.entrySet().stream().map(e -> new CountWriter.SlotCount(e.getKey().channel(), e.getKey().location(),
                e.getKey().start(), e.getValue())).toList(), minutes, now);
        return slots.values().stream().mapToInt(Integer::intValue).sum();
    }

    @ApplicationModuleListener
    void on(InteractionRecorded interaction) {
        count(interaction);
    }

    /** Counts the interaction unless its kind is not counted or it was counted before. Runs in the caller's transaction. */
    public Outcome count(InteractionRecorded interaction) {
        // Events stored before the kind was part of them were contacts: the journey API's default kind.
        InteractionKind kind = interaction.kind() == null ? InteractionKind.CONTACT : interaction.kind();
        if (!properties.interactionKinds().contains(kind)) {
            return Outcome.NOT_A_CONTACT;
        }
        Optional<Touchpoint> touchpoint = touchpoint(interaction.touchpoint());
        if (touchpoint.isEmpty()) {
            return Outcome.UNKNOWN_TOUCHPOINT;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int fresh = jdbc.sql("insert into demand_counted_interaction (source_hash, counted_at) values (:hash, :now) on conflict do nothing")
                .param("hash", hash(interaction.sourceId())).param("now", now).update();
        if (fresh == 0) {
            return Outcome.ALREADY_COUNTED;
        }
        String location = touchpoint.get().location() == null || touchpoint.get().location().isBlank() ? properties.interactionLocation()
                : touchpoint.get().location().strip();
        int minutes = properties.intervalMinutes();
        ZonedDateTime start = Intervals.floor(interaction.at().atZone(organisations.current().timeZone()), minutes);
        writer.increment(new CountWriter.SlotCount(touchpoint.get().channel().name(), location,
                OffsetDateTime.ofInstant(start.toInstant(), ZoneOffset.UTC), 1), minutes, now);
        return Outcome.COUNTED;
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sourceId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
