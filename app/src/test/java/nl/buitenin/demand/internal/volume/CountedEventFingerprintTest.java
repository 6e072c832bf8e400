package nl.buitenin.demand.internal.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.InteractionsRecorded.Interaction;
import nl.buitenin.journey.TouchpointId;

/** The key under which demand remembers a counted event. */
class CountedEventFingerprintTest {

    private static final TouchpointId TOUCHPOINT = new TouchpointId(UUID.fromString("7c1d2a52-0f55-4c1e-9a53-0d1b5e3f4a10"));

    @Test
    void anEventOfOneHasTheKeyOfItsInteractionAsSingleEventsAlwaysHad() throws Exception {
        // Independently: the first 16 bytes of SHA-256("call-1"), in hex.
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("call-1".getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(digest).substring(0, 32);

        assertThat(InteractionCounts.fingerprint(interactions("call-1"))).isEqualTo(expected).hasSize(32);
        assertThat(InteractionCounts.hash("call-1")).isEqualTo(expected);
    }

    @Test
    void theSameInteractionsGiveTheSameKeyAndOtherOnesAnother() {
        String key = InteractionCounts.fingerprint(interactions("a", "bc", "d"));

        assertThat(InteractionCounts.fingerprint(interactions("a", "bc", "d"))).isEqualTo(key);
        // Ids that would run together into the same characters are told apart by their lengths.
        assertThat(InteractionCounts.fingerprint(interactions("ab", "c", "d"))).isNotEqualTo(key);
        assertThat(InteractionCounts.fingerprint(interactions("a", "bc"))).isNotEqualTo(key);
        assertThat(InteractionCounts.fingerprint(interactions("a", "bc", "d", "e"))).isNotEqualTo(key);
        assertThat(key).hasSize(32).matches("[0-9a-f]+");
    }

    private static List<Interaction> interactions(String... sourceIds) {
        return java.util.Arrays.stream(sourceIds).map(id -> new Interaction(TOUCHPOINT, null,
                Instant.parse("2026-06-01T08:00:00Z"), id, InteractionKind.CONTACT)).toList();
    }
}
