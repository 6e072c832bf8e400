package nl.buitenin.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.groups.internal.DerivedAttributes;
import nl.buitenin.groups.internal.InteractionAttributes;
import nl.buitenin.groups.internal.JdbcDerivedAttributes;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.InteractionInput;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;

/**
 * The listener derives each person's stored attributes (channel, product) from their earliest new interaction on,
 * reading only the interactions from then on; after a feed in time order and a batch that comes late for the past, what
 * it stored must be what deriving everybody again from their whole history stores (that changes nothing). On H2 and
 * PostgreSQL.
 */
@DatabaseTest
@AutoConfigureMockMvc
class DerivingFromNewInteractionsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    InteractionIngest ingest;
    @Autowired
    InteractionAttributes deriving;
    @Autowired
    JdbcDerivedAttributes derived;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    EventPublicationRegistry registry;

    private record Planned(PersonKey person, TouchpointId touchpoint, InteractionKind kind, Instant at) {
    }

    @Test
    void derivingFromTheNewInteractionsStoresWhatTheWholeHistoryGives() throws Exception {
        GroupsFixture fixture = GroupsFixture.in(context, mvc);
        TouchpointId shop = journeys.addTouchpoint(journeys.addStage(journeys.createJourney(new Names(Unique.name("Fietsreis"),
                Unique.name("Cycling trip"))), new Names("Boeken", "Booking")), new Names(Unique.name("Webwinkel"), Unique.name("Web shop")),
                Channel.WEB, null);
        List<TouchpointId> touchpoints = List.of(fixture.touchpoint(), shop);
        Random random = new Random(61206L);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Within the purpose's 24 months, so that every person may be read.
        Instant start = now.minus(690, ChronoUnit.DAYS);
        List<PersonKey> people = fixture.people(40);
        List<Planned> planned = new ArrayList<>();
        for (PersonKey person : people) {
            int size = random.nextInt(25);
            for (int i = 0; i < size; i++) {
                planned.add(new Planned(person, touchpoints.get(random.nextInt(2)),
                        InteractionKind.values()[random.nextInt(InteractionKind.values().length)],
                        start.plus(random.nextInt(680 * 24), ChronoUnit.HOURS)));
            }
        }
        // A fifth comes late, after the rest; the rest as a feed sends it, in time order, in four batches.
        List<Planned> late = new ArrayList<>();
        List<Planned> feed = new ArrayList<>();
        planned.forEach(p -> (random.nextInt(5) == 0 ? late : feed).add(p));
        feed.sort(Comparator.comparing(Planned::at));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int quarter = feed.size() / 4 + 1;
        for (int from = 0; from < feed.size(); from += quarter) {
            send(feed.subList(from, Math.min(feed.size(), from + quarter)), tag);
        }
        send(late, tag);

        Map<PersonKey, List<DerivedAttributes.Value>> byTheListener = derived.ofAll(people);
        assertThat(byTheListener.values().stream().mapToInt(List::size).sum()).isGreaterThan(150);

        Map<PersonKey, Instant> latest = new LinkedHashMap<>();
        planned.forEach(p -> latest.merge(p.person(), p.at(), (a, b) -> a.isAfter(b) ? a : b));
        assertThat(deriving.derive(latest)).as("people whose values the whole history changes").isZero();
        assertThat(derived.ofAll(people)).isEqualTo(byTheListener);
    }

    private void send(List<Planned> batch, String tag) throws InterruptedException {
        List<InteractionInput> items = new ArrayList<>();
        for (Planned p : batch) {
            items.add(new InteractionInput("from-new-" + tag + "-" + items.size() + "-" + p.at().getEpochSecond() + "-" + p.person().value(),
                    p.touchpoint().toString(), OffsetDateTime.ofInstant(p.at(), ZoneOffset.UTC).toString(), p.person().value(),
                    p.kind().name()));
        }
        EventsHandled handled = EventsHandled.since(registry);
        ingest.ingest(items);
        handled.await();
    }
}
