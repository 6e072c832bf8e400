package nl.buitenin.textinsight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;

import nl.buitenin.insight.ShareCount;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.InteractionInput;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.textinsight.internal.DemandReadings;

/**
 * Contacts with a reason are read as value or failure demand after their batch is stored: a person's later contact
 * about the same matter as an earlier failure is a repeat, also when the earlier one came in another batch; a replayed
 * event reads nothing again; the journey map's share counts them per touchpoint.
 */
@DatabaseTest
class DemandAfterCommitTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    InteractionIngest ingest;
    @Autowired
    DemandReadings readings;
    @Autowired
    JdbcClient jdbc;

    TextInsightFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = TextInsightFixture.in(context);
    }

    @Test
    void aRepeatedContactAboutTheSameMatterIsFailureDemandAcrossBatches() throws Exception {
        PersonKey anna = fixture.person("Anna");
        String tag = UUID.randomUUID().toString();
        Instant first = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        EventsHandled handled = EventsHandled.since(registry);
        ingest.ingest(List.of(
                contact(tag + "-1", first, anna, "Mijn koffer is niet aangekomen in het hotel"),
                contact(tag + "-2", first, null, "Ik wil graag een cadeaubon kopen voor mijn moeder"),
                contact(tag + "-3", first, null, null)));
        handled.await();
        handled = EventsHandled.since(registry);
        ingest.ingest(List.of(contact(tag + "-4", first.plus(2, ChronoUnit.DAYS), anna, "Waar blijft mijn koffer?")));
        handled.await();

        List<DemandReadings.Stored> annas = readings.of(anna);
        assertThat(annas).extracting(DemandReadings.Stored::sourceRef).containsExactly(tag + "-1", tag + "-4");
        assertThat(annas).extracting(DemandReadings.Stored::demand).containsExactly("failure", "failure");
        assertThat(annas.get(1).failureKind()).as("the second contact repeats the first").isEqualTo("repeating");
        assertThat(jdbc.sql("select demand from textinsight_demand where source_ref = :r").param("r", tag + "-2").query(String.class).single())
                .isEqualTo("value");
        assertThat(readings.has(tag + "-3")).as("a contact without a reason is not read").isFalse();

        ShareCount share = readings.failureShares(LocalDate.ofInstant(first, ZoneOffset.UTC).minusDays(1),
                LocalDate.ofInstant(first, ZoneOffset.UTC).plusDays(3), ZoneOffset.UTC).get(fixture.touchpoint);
        assertThat(share).isEqualTo(new ShareCount(2, 3));

        // The same batch again: nothing stored twice, nothing read again.
        handled = EventsHandled.since(registry);
        ingest.ingest(List.of(contact(tag + "-4", first.plus(2, ChronoUnit.DAYS), anna, "Waar blijft mijn koffer?")));
        handled.await();
        assertThat(readings.of(anna)).hasSize(2);
    }

    private InteractionInput contact(String sourceId, Instant at, PersonKey person, String reason) {
        return new InteractionInput(sourceId, fixture.touchpoint.value().toString(), at.toString(), person == null ? null : person.value(),
                "CONTACT", reason, null);
    }
}
