package nl.buitenin.groups.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.Interactions.Occurred;
import nl.buitenin.journey.TouchpointId;

/** The attributes derived from interactions, against a history written out by hand. */
class DerivedAttributesTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final TouchpointId BOOKING = new TouchpointId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final TouchpointId PHONE = new TouchpointId(UUID.fromString("00000000-0000-0000-0000-000000000002"));
    private static final TouchpointId UNKNOWN = new TouchpointId(UUID.fromString("00000000-0000-0000-0000-000000000003"));

    private static DerivedAttributes.Place place(TouchpointId id) {
        if (id.equals(BOOKING)) {
            return new DerivedAttributes.Place(Channel.WEB, "Wandelreis");
        }
        return id.equals(PHONE) ? new DerivedAttributes.Place(Channel.PHONE, "Service") : null;
    }

    @Test
    void countsGoUpAtEachInteractionAndDownTwelveMonthsLater() {
        Instant first = Instant.parse("2025-03-10T09:00:00Z");
        Instant second = Instant.parse("2025-09-01T09:00:00Z");
        Instant call = Instant.parse("2025-10-01T12:00:00Z");
        List<DerivedAttributes.Value> values = DerivedAttributes.of(List.of(new Occurred("a", BOOKING, InteractionKind.PURCHASE, first),
                new Occurred("b", BOOKING, InteractionKind.PURCHASE, second), new Occurred("c", PHONE, InteractionKind.CONTACT, call)),
                DerivedAttributesTest::place, AMSTERDAM);
        assertThat(values).containsExactly(
                new DerivedAttributes.Value("channel", "web", first),
                new DerivedAttributes.Value("interactions_12m", "1", first),
                new DerivedAttributes.Value("product", "Wandelreis", first),
                new DerivedAttributes.Value("purchases_12m", "1", first),
                new DerivedAttributes.Value("interactions_12m", "2", second),
                new DerivedAttributes.Value("purchases_12m", "2", second),
                new DerivedAttributes.Value("channel", "phone", call),
                new DerivedAttributes.Value("contacts_12m", "1", call),
                new DerivedAttributes.Value("interactions_12m", "3", call),
                // Twelve months after each, in Amsterdam's time (10:00 there, 09:00 UTC in winter and spring alike).
                new DerivedAttributes.Value("interactions_12m", "2", Instant.parse("2026-03-10T09:00:00Z")),
                new DerivedAttributes.Value("purchases_12m", "1", Instant.parse("2026-03-10T09:00:00Z")),
                new DerivedAttributes.Value("interactions_12m", "1", Instant.parse("2026-09-01T09:00:00Z")),
                new DerivedAttributes.Value("purchases_12m", "0", Instant.parse("2026-09-01T09:00:00Z")),
                new DerivedAttributes.Value("contacts_12m", "0", Instant.parse("2026-10-01T12:00:00Z")),
                new DerivedAttributes.Value("interactions_12m", "0", Instant.parse("2026-10-01T12:00:00Z")));
    }

    @Test
    void anInteractionAtAnUnknownTouchpointCountsButSetsNoChannel() {
        Instant at = Instant.parse("2025-03-10T09:00:00Z");
        assertThat(DerivedAttributes.of(List.of(new Occurred("a", UNKNOWN, InteractionKind.VISIT, at)), DerivedAttributesTest::place, AMSTERDAM))
                .extracting(DerivedAttributes.Value::name).containsExactly("interactions_12m", "visits_12m", "interactions_12m", "visits_12m");
    }

    @Test
    void twoPurchasesAtOneMomentCountTwice() {
        Instant at = Instant.parse("2025-03-10T09:00:00Z");
        assertThat(DerivedAttributes.of(List.of(new Occurred("a", BOOKING, InteractionKind.PURCHASE, at),
                new Occurred("b", BOOKING, InteractionKind.PURCHASE, at)), DerivedAttributesTest::place, AMSTERDAM))
                .contains(new DerivedAttributes.Value("purchases_12m", "2", at))
                .doesNotContain(new DerivedAttributes.Value("purchases_12m", "1", at));
    }
}
