package nl.buitenin.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.HeapOnlyUpdates;
import nl.buitenin.testing.TestDatabases;
import nl.buitenin.testing.Unique;

/**
 * The count per touchpoint and day is added to by every batch of interactions. On PostgreSQL the table keeps room on its
 * pages (vendor migration V17_5_1), so those additions are heap-only updates: its indexes get no new entry per update.
 * On full pages nearly none were.
 */
@DatabaseTest
class InteractionDayUpdatesTest {

    @Autowired
    JdbcJourneys journeys;
    @Autowired
    InteractionIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void onPostgresAddingToADaysCountLeavesItsIndexesAlone() {
        if (TestDatabases.current() != TestDatabases.Kind.POSTGRES) {
            return; // H2 has neither fillfactor nor heap-only updates
        }
        JourneyId journey = journeys.createJourney(new Names(Unique.name("Dagtellingen"), Unique.name("Day counts")));
        StageId stage = journeys.addStage(journey, new Names("Fase", "Stage"));
        List<TouchpointId> touchpoints = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            touchpoints.add(journeys.addTouchpoint(stage, new Names("Balie " + t, "Desk " + t), Channel.LOCATION, null));
        }
        String tag = UUID.randomUUID().toString();
        // Noon in Amsterdam, so each interaction's day is its date whatever the offset.
        LocalDate first = LocalDate.of(2027, 1, 1);
        List<NewInteraction> oneEach = new ArrayList<>();
        List<NewInteraction> more = new ArrayList<>();
        for (int day = 0; day < 300; day++) {
            Instant noon = first.plusDays(day).atTime(12, 0).atZone(ZoneId.of("Europe/Amsterdam")).toInstant();
            for (int t = 0; t < touchpoints.size(); t++) {
                oneEach.add(new NewInteraction(tag + "-" + day + "-" + t, touchpoints.get(t), noon, null, InteractionKind.VISIT));
                if ((day + t) % 5 == 0) {
                    more.add(new NewInteraction(tag + "-more-" + day + "-" + t, touchpoints.get(t), noon, null, InteractionKind.VISIT));
                }
            }
        }
        assertThat(ingest.recordValid(oneEach)).isEqualTo(3_000);

        // Then one day in five of each touchpoint (spread over its rows, so over the pages) gets one more, as the next
        // batches of a day would.
        HeapOnlyUpdates updates = transactions.execute(s -> {
            assertThat(ingest.recordValid(more)).isEqualTo(600);
            return HeapOnlyUpdates.inThisTransaction(jdbc, "interaction_day");
        });

        assertThat(updates.updated()).isEqualTo(600);
        assertThat(updates.heapOnly()).as("heap-only updates of %s", updates.updated()).isGreaterThanOrEqualTo(570);
        assertThat(jdbc.sql("select sum(interactions) from interaction_day where touchpoint_id in (:ids)")
                .param("ids", touchpoints.stream().map(TouchpointId::value).toList()).query(Long.class).single()).isEqualTo(3_600);
    }
}
