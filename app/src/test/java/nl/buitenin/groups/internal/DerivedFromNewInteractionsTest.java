package nl.buitenin.groups.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.Interactions.Occurred;
import nl.buitenin.journey.TouchpointId;

/**
 * Deriving a person's stored values (channel, product) from their earliest new interaction on
 * ({@link DerivedAttributes#from}, with the stored values before it and only the interactions from it on read) gives
 * what deriving them from the whole history gives ({@link DerivedAttributes#of}, the independent computation here): for
 * thousands of random histories, over several years, with interactions at the same moment, on month ends and leap days,
 * across changes of the clocks, at unknown touchpoints, and new interactions that come late for the past.
 */
class DerivedFromNewInteractionsTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final List<TouchpointId> TOUCHPOINTS = List.of(touchpoint(1), touchpoint(2), touchpoint(3), touchpoint(4));

    private static TouchpointId touchpoint(int n) {
        return new TouchpointId(new UUID(0, n));
    }

    /** Three known touchpoints of two journeys and channels, and one unknown (no channel, no product). */
    private static DerivedAttributes.Place place(TouchpointId id) {
        int n = (int) id.value().getLeastSignificantBits();
        return switch (n) {
            case 1 -> new DerivedAttributes.Place(Channel.WEB, "Wandelreis");
            case 2 -> new DerivedAttributes.Place(Channel.PHONE, "Wandelreis");
            case 3 -> new DerivedAttributes.Place(Channel.WEB, "Fietsreis");
            default -> null;
        };
    }

    private static final Function<TouchpointId, DerivedAttributes.Place> PLACES = DerivedFromNewInteractionsTest::place;

    /** The moments a history is drawn from: some hours, month ends, a leap day and the nights the clocks change. */
    private static final List<LocalDateTime> SPECIAL = List.of(LocalDateTime.parse("2024-02-29T10:00"), LocalDateTime.parse("2024-01-31T23:30"),
            LocalDateTime.parse("2024-03-31T02:30"), LocalDateTime.parse("2024-10-27T02:30"), LocalDateTime.parse("2025-03-30T02:15"),
            LocalDateTime.parse("2025-10-26T02:45"), LocalDateTime.parse("2025-02-28T10:00"), LocalDateTime.parse("2025-01-31T09:00"),
            LocalDateTime.parse("2025-12-31T23:59"));

    @Test
    void derivingFromTheEarliestNewInteractionGivesWhatTheWholeHistoryGives() {
        Random random = new Random(20261206L);
        int withNewBeforeOld = 0;
        for (int run = 0; run < 3_000; run++) {
            List<Occurred> old = history(random, random.nextInt(40), "o" + run);
            List<Occurred> added = history(random, 1 + random.nextInt(6), "n" + run);
            // Most feeds send the recent past; some runs send only what follows the old history, as a feed in time order.
            if (random.nextBoolean() && !old.isEmpty()) {
                Instant last = old.get(old.size() - 1).at();
                added = added.stream().map(o -> new Occurred(o.sourceId(), o.touchpoint(), o.kind(),
                        last.plusSeconds(random.nextInt(3) * 3_600L + o.at().getEpochSecond() % 86_400))).toList();
            }
            List<Occurred> all = sorted(concat(old, added));
            Instant since = added.stream().map(Occurred::at).min(Comparator.naturalOrder()).orElseThrow();
            if (!old.isEmpty() && since.isBefore(old.get(old.size() - 1).at())) {
                withNewBeforeOld++;
            }

            List<DerivedAttributes.Value> stored = kept(DerivedAttributes.of(sorted(old), PLACES, AMSTERDAM));
            Map<String, String> before = new HashMap<>();
            List<DerivedAttributes.Value> kept = new ArrayList<>();
            for (DerivedAttributes.Value value : stored) {
                if (value.from().isBefore(since)) {
                    before.put(value.name(), value.value());
                    kept.add(value);
                }
            }
            List<Occurred> recent = all.stream().filter(o -> !o.at().isBefore(since)).toList();
            List<DerivedAttributes.Value> incremental = concat(kept, DerivedAttributes.from(since, before, recent, PLACES, AMSTERDAM));

            assertThat(incremental).as("run %d: old %s, added %s", run, old, added)
                    .containsExactlyInAnyOrderElementsOf(kept(DerivedAttributes.of(all, PLACES, AMSTERDAM)));
        }
        // The late interactions were there: the case that needs the stored values before them.
        assertThat(withNewBeforeOld).isGreaterThan(500);
    }

    @Test
    void aChannelSetLongBeforeIsTakenFromTheStoredValues() {
        Instant longAgo = Instant.parse("2023-05-01T10:00:00Z");
        Instant now = Instant.parse("2025-06-01T10:00:00Z");
        Occurred call = new Occurred("a", touchpoint(2), InteractionKind.CONTACT, longAgo);
        Occurred unknownPlace = new Occurred("b", touchpoint(4), InteractionKind.CONTACT, now);
        Occurred web = new Occurred("c", touchpoint(1), InteractionKind.VISIT, now.plusSeconds(60));
        Map<String, String> before = new HashMap<>();
        kept(DerivedAttributes.of(List.of(call), PLACES, AMSTERDAM)).forEach(v -> before.put(v.name(), v.value()));
        assertThat(before).containsExactly(Map.entry("channel", "phone"));

        // Only a contact at an unknown touchpoint since: the channel stays phone, nothing to store.
        assertThat(DerivedAttributes.from(now, before, List.of(unknownPlace), PLACES, AMSTERDAM)).isEmpty();
        // A visit on the web after it: the channel becomes web from then on; the counts are never among the stored values.
        assertThat(DerivedAttributes.from(now, before, List.of(unknownPlace, web), PLACES, AMSTERDAM))
                .containsExactly(new DerivedAttributes.Value("channel", "web", now.plusSeconds(60)));
    }

    /** The values that are stored: channel and product. */
    private static List<DerivedAttributes.Value> kept(List<DerivedAttributes.Value> values) {
        return values.stream().filter(v -> DerivedAttributes.STORED.contains(v.name())).toList();
    }

    private static List<Occurred> history(Random random, int size, String prefix) {
        List<Occurred> history = new ArrayList<>();
        Instant start = Instant.parse("2023-01-01T00:00:00Z");
        for (int i = 0; i < size; i++) {
            Instant at;
            int pick = random.nextInt(10);
            if (pick == 0) {
                at = SPECIAL.get(random.nextInt(SPECIAL.size())).atZone(AMSTERDAM).toInstant();
            } else if (pick == 1 && !history.isEmpty()) {
                at = history.get(random.nextInt(history.size())).at(); // at the same moment as another
            } else {
                at = start.plusSeconds(random.nextInt(3 * 365) * 86_400L + random.nextInt(24) * 3_600L);
            }
            InteractionKind kind = InteractionKind.values()[random.nextInt(InteractionKind.values().length)];
            history.add(new Occurred(prefix + "-" + i, TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size())), kind, at));
        }
        return history;
    }

    /** Oldest first, ties by source id: the order journey reads a history in. */
    private static List<Occurred> sorted(List<Occurred> history) {
        return history.stream().sorted(Comparator.comparing(Occurred::at).thenComparing(Occurred::sourceId)).toList();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }
}
