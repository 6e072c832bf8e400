package nl.buitenin.textinsight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.TestPropertySource;

import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.InteractionInput;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.textinsight.internal.DemandReadings;

/**
 * The repeat window is the organisation's setting: with one day, a contact two days after a failure about the same
 * matter is no repeat (with the default fourteen days it is, see {@link DemandAfterCommitTest}), one within the day is.
 */
@DatabaseTest
@TestPropertySource(properties = "buitenin.textinsight.repeat-window=1d")
class RepeatWindowTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    InteractionIngest ingest;
    @Autowired
    DemandReadings readings;

    @Test
    void aContactAboutTheSameMatterCountsAsARepeatOnlyWithinTheConfiguredWindow() throws Exception {
        TextInsightFixture fixture = TextInsightFixture.in(context);
        PersonKey anna = fixture.person("Anna");
        String tag = UUID.randomUUID().toString();
        Instant first = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        EventsHandled handled = EventsHandled.since(registry);
        ingest.ingest(List.of(contact(fixture, tag + "-1", first, anna, "Mijn koffer is niet aangekomen in het hotel")));
        handled.await();
        handled = EventsHandled.since(registry);
        ingest.ingest(List.of(contact(fixture, tag + "-2", first.plus(2, ChronoUnit.DAYS), anna, "Waar blijft mijn koffer?"),
                contact(fixture, tag + "-3", first.plus(2, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS), anna, "Vraagt waar de koffer is")));
        handled.await();

        List<DemandReadings.Stored> annas = readings.of(anna);
        assertThat(annas).extracting(DemandReadings.Stored::sourceRef).containsExactly(tag + "-1", tag + "-2", tag + "-3");
        assertThat(annas.get(1).demand()).isEqualTo("failure");
        assertThat(annas.get(1).failureKind()).as("two days after: outside the window of one day").isNotEqualTo("repeating");
        assertThat(annas.get(2).failureKind()).as("three hours after the second").isEqualTo("repeating");
    }

    private static InteractionInput contact(TextInsightFixture fixture, String sourceId, Instant at, PersonKey person, String reason) {
        return new InteractionInput(sourceId, fixture.touchpoint.value().toString(), at.toString(), person.value(), "CONTACT", reason, null);
    }
}
