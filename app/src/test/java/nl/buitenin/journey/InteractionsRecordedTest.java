package nl.buitenin.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import nl.buitenin.journey.InteractionsRecorded.Interaction;
import nl.buitenin.privacy.PersonKey;

/** The columnar event gives back exactly the interactions it was made of, also after the event log's JSON. */
class InteractionsRecordedTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private List<Interaction> interactions() {
        TouchpointId shop = new TouchpointId(UUID.randomUUID());
        TouchpointId phone = new TouchpointId(UUID.randomUUID());
        List<Interaction> interactions = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            PersonKey person = i % 2 == 0 ? null : new PersonKey("p_" + "abcdefghijklmnopqrstuvwxyz".substring(i % 26) + "a".repeat(i % 26));
            interactions.add(new Interaction(i % 3 == 0 ? shop : phone, person,
                    Instant.parse("2026-02-01T10:00:00Z").plusSeconds(i * 37L).plusNanos(i % 7 * 1_000_000L), "src-" + i,
                    i % 5 == 0 ? null : InteractionKind.values()[i % InteractionKind.values().length],
                    i % 4 == 1 ? "Waar blijft mijn bevestiging? \"Dringend\", nr. " + i : null, i % 8 == 1 ? "chase-" + i : null));
        }
        return interactions;
    }

    @Test
    void survivesTheEventLogAndIsSmallerThanAListOfRecords() {
        List<Interaction> interactions = interactions();
        String stored = json.writeValueAsString(InteractionsRecorded.of(interactions));

        InteractionsRecorded read = json.readValue(stored, InteractionsRecorded.class);

        assertThat(read.interactions()).isEqualTo(interactions);
        assertThat(read.size()).isEqualTo(1_000);
        assertThat(stored.length()).isLessThan(json.writeValueAsString(Map.of("interactions", interactions)).length() / 2);
    }

    @Test
    void readsAnEventStoredAsAListBeforeTheColumns() {
        List<Interaction> interactions = interactions();
        String old = json.writeValueAsString(Map.of("interactions", interactions));

        assertThat(json.readValue(old, InteractionsRecorded.class).interactions()).isEqualTo(interactions);
    }

    @Test
    void carriesTheReasonsAndReadsAnEventInColumnsFromBeforeTheReasonsAsHavingNone() {
        List<Interaction> interactions = interactions();
        String stored = json.writeValueAsString(InteractionsRecorded.of(interactions));
        assertThat(json.readValue(stored, InteractionsRecorded.class).interactions().get(1).reason())
                .isEqualTo("Waar blijft mijn bevestiging? \"Dringend\", nr. 1");
        assertThat(json.readValue(stored, InteractionsRecorded.class).interactions().get(1).reasonCode()).isEqualTo("chase-1");

        tools.jackson.databind.node.ObjectNode old = (tools.jackson.databind.node.ObjectNode) json.readTree(stored);
        old.remove("reasons");
        old.remove("reasonCodes");
        List<Interaction> read = json.readValue(json.writeValueAsString(old), InteractionsRecorded.class).interactions();

        assertThat(read).hasSize(1_000).allSatisfy(i -> {
            assertThat(i.reason()).isNull();
            assertThat(i.reasonCode()).isNull();
        });
        assertThat(read.get(1).sourceId()).isEqualTo("src-1");
    }

    @Test
    void carriesWhoServedThePersonAndReadsAnEventFromBeforeAsServedByNobodyKnown() {
        TouchpointId desk = new TouchpointId(UUID.randomUUID());
        List<Interaction> interactions = List.of(
                new Interaction(desk, null, Instant.parse("2026-02-01T10:00:00Z"), "desk-1", InteractionKind.CONTACT, null, null, "mw-014",
                        "Boekingen Utrecht"),
                new Interaction(desk, null, Instant.parse("2026-02-01T10:05:00Z"), "desk-2", InteractionKind.CONTACT, null, null, null, null));
        String stored = json.writeValueAsString(InteractionsRecorded.of(interactions));
        assertThat(json.readValue(stored, InteractionsRecorded.class).interactions()).isEqualTo(interactions);

        tools.jackson.databind.node.ObjectNode old = (tools.jackson.databind.node.ObjectNode) json.readTree(stored);
        old.remove("staff");
        old.remove("teams");
        List<Interaction> read = json.readValue(json.writeValueAsString(old), InteractionsRecorded.class).interactions();
        assertThat(read).extracting(Interaction::staff).containsExactly(null, null);
        assertThat(read).extracting(Interaction::team).containsExactly(null, null);
        assertThat(read).extracting(Interaction::sourceId).containsExactly("desk-1", "desk-2");
    }
}
