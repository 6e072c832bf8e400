package nl.buitenin.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.demand.internal.volume.InteractionCounts;
import nl.buitenin.demand.internal.volume.JdbcContactVolumes;
import nl.buitenin.demand.internal.volume.SeriesKey;
import nl.buitenin.demand.internal.volume.VolumeSource;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.InteractionsRecorded;
import nl.buitenin.journey.InteractionsRecorded.Interaction;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.HeapOnlyUpdates;
import nl.buitenin.testing.TestDatabases;
import nl.buitenin.testing.Unique;

/**
 * Interactions sent to the journey API become anonymous counts in demand, on H2 and PostgreSQL. Each test
 * has its own location, so the tests do not see each other's counts.
 */
@DatabaseTest
@AutoConfigureMockMvc
@EnableScenarios
class InteractionCountsTest {

    static final String PERSON = "p_countsnobodyinthedemandtab";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcContactVolumes volumes;
    @Autowired
    ContactVolumes reported;
    @Autowired
    InteractionCounts counts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Organisations organisations;

    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    EventSerializer eventSerializer;

    EventsHandled handled;
    String ingestKey;
    String stage;
    String location;
    String phone;

    @BeforeEach
    void aPhoneTouchpointAtItsOwnLocation() throws Exception {
        ingestKey = apiKeys.issue("telephony " + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        String journey = created(post("/api/v1/journeys"), "{\"nameNl\":\"" + Unique.name("Vragen") + "\",\"nameEn\":\"" + Unique.name("Questions") + "\"}");
        stage = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Vragen\",\"nameEn\":\"Ask\"}");
        location = "Belcentrum " + UUID.randomUUID().toString().substring(0, 8);
        phone = touchpoint("phone", location);
        handled = EventsHandled.since(registry);
    }

    @Test
    void interactionsBecomeCountsInTheirLocalQuarterAlsoWhenTheClocksGoBack() throws Exception {
        assertThat(organisations.current().timeZone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
        String tag = UUID.randomUUID().toString();
        // 25 October 2026: the clocks go back at 03:00 CEST to 02:00 CET, so 02:40 happens twice, in two different quarters.
        send("{\"items\":[" + String.join(",",
                item(tag + "-1", phone, "2026-10-25T02:40:00+02:00", PERSON, "contact"),
                item(tag + "-2", phone, "2026-10-25T02:40:00+01:00", PERSON, "contact"),
                item(tag + "-3", phone, "2026-10-25T02:44:59+01:00", null, "contact"),
                item(tag + "-4", phone, "2026-10-25T02:45:00+01:00", null, null),
                item(tag + "-5", phone, "2026-10-25T02:46:00+01:00", PERSON, "purchase")) + "]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(5));

        Map<Instant, Long> counted = awaitCounts(location);

        assertThat(counted).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                Instant.parse("2026-10-25T00:30:00Z"), 1L,
                Instant.parse("2026-10-25T01:30:00Z"), 2L,
                Instant.parse("2026-10-25T01:45:00Z"), 1L)));
        assertThat(volumes.sourceOf(new SeriesKey(Channel.PHONE, location))).isEqualTo(VolumeSource.INTERACTIONS);
        assertNoPersonKeyInDemandTables();
    }

    /**
     * An interval is written once and added to after every batch. On PostgreSQL the table keeps room on its pages
     * (vendor migration V17_5_0), so those additions are heap-only updates that give none of its four indexes a new
     * entry; on full pages nearly none were, and the counting took twice the time.
     */
    @Test
    void onPostgresAddingToCountedIntervalsLeavesTheirIndexesAlone() {
        if (TestDatabases.current() != TestDatabases.Kind.POSTGRES) {
            return; // H2 has neither fillfactor nor heap-only updates
        }
        TouchpointId touchpoint = new TouchpointId(UUID.fromString(phone));
        String tag = UUID.randomUUID().toString();
        Instant first = Instant.parse("2027-03-01T00:00:00Z");
        List<Interaction> oneEach = new ArrayList<>();
        for (int hour = 0; hour < 3_000; hour++) {
            oneEach.add(new Interaction(touchpoint, null, first.plus(Duration.ofHours(hour)), tag + "-" + hour, InteractionKind.CONTACT));
        }
        transactions.executeWithoutResult(s -> counts.countAll(oneEach));

        // Then one interval in five gets one more contact, as the next batches of a day would.
        HeapOnlyUpdates updates = transactions.execute(s -> {
            List<Interaction> more = new ArrayList<>();
            for (int hour = 0; hour < 3_000; hour += 5) {
                more.add(new Interaction(touchpoint, null, first.plus(Duration.ofHours(hour)), tag + "-more-" + hour, InteractionKind.CONTACT));
            }
            counts.countAll(more);
            return HeapOnlyUpdates.inThisTransaction(jdbc, "demand_volume");
        });

        assertThat(updates.updated()).isEqualTo(600);
        assertThat(updates.heapOnly()).as("heap-only updates of %s", updates.updated()).isGreaterThanOrEqualTo(570);
        assertThat(countsAt(location).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3_600);
    }

    @Test
    void aTouchpointWithoutLocationCountsAtTheContactCentreAndAnOrdinaryDayHasItsUsualOffset() throws Exception {
        String chat = touchpoint("chat", null);
        String tag = UUID.randomUUID().toString();
        send("{\"items\":[" + item(tag, chat, "2026-06-03T09:07:00+02:00", PERSON, "contact") + "]}")
                .andExpect(status().isOk());

        Map<Instant, Long> counted = awaitCounts("Klantenservice", Channel.CHAT, Instant.parse("2026-06-03T07:00:00Z"));

        assertThat(counted).containsExactlyEntriesOf(Map.of(Instant.parse("2026-06-03T07:00:00Z"), 1L));
    }

    @Test
    void anEventDeliveredTwiceCountsOnce(Scenario scenario) throws Exception {
        Interaction event = new Interaction(new TouchpointId(UUID.fromString(phone)), new PersonKey(PERSON),
                Instant.parse("2026-06-01T08:05:00Z"), "redelivered-" + UUID.randomUUID(), InteractionKind.CONTACT);

        scenario.publish(InteractionsRecorded.of(List.of(event))).andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> countsAt(location), counted -> !counted.isEmpty());
        // Delivered again: nothing changes, so the wait is for the listener to be done rather than for a change.
        EventsHandled again = EventsHandled.since(registry);
        transactions.executeWithoutResult(s -> events.publishEvent(InteractionsRecorded.of(List.of(event))));
        Object third = transactions.execute(s -> counts.count(event));
        again.await();

        assertThat(third).isEqualTo(InteractionCounts.Outcome.ALREADY_COUNTED);
        assertThat(countsAt(location)).containsExactlyEntriesOf(Map.of(Instant.parse("2026-06-01T08:00:00Z"), 1L));
        assertNoPersonKeyInDemandTables();
    }

    @Test
    void aBatchIsSummedPerIntervalAndARedeliveredBatchCountsNothing() throws Exception {
        String tag = UUID.randomUUID().toString();
        TouchpointId touchpoint = new TouchpointId(UUID.fromString(phone));
        List<Interaction> batch = List.of(
                new Interaction(touchpoint, null, Instant.parse("2026-06-04T08:01:00Z"), tag + "-1", InteractionKind.CONTACT),
                new Interaction(touchpoint, null, Instant.parse("2026-06-04T08:14:00Z"), tag + "-2", InteractionKind.CONTACT),
                new Interaction(touchpoint, null, Instant.parse("2026-06-04T08:20:00Z"), tag + "-3", InteractionKind.VISIT),
                new Interaction(touchpoint, null, Instant.parse("2026-06-04T08:21:00Z"), tag + "-4", InteractionKind.PURCHASE));

        Integer first = transactions.execute(s -> counts.countAll(batch));
        Integer again = transactions.execute(s -> counts.countAll(batch));
        assertThat(first).isEqualTo(3);
        assertThat(again).isZero();

        Map<Instant, Long> counted = countsAt(location);
        assertThat(counted).containsEntry(Instant.parse("2026-06-04T08:00:00Z"), 2L).containsEntry(Instant.parse("2026-06-04T08:15:00Z"), 1L);
    }

    @Test
    void laterBatchesAddToExistingIntervalsAsSingleCountsWouldAlsoWhenCountedAtTheSameTime() throws Exception {
        String tag = UUID.randomUUID().toString();
        TouchpointId touchpoint = new TouchpointId(UUID.fromString(phone));
        // 08:00 gets one single count first; then 6 batches of 10 interactions, counted on 3 threads at once, each
        // batch 08:00-08:09 (into the existing quarter) and 08:20 (into a quarter some batches create, others add to).
        transactions.executeWithoutResult(s -> counts.count(new Interaction(touchpoint, null,
                Instant.parse("2026-06-05T08:00:00Z"), tag + "-single", InteractionKind.CONTACT)));
        List<List<Interaction>> batches = new java.util.ArrayList<>();
        for (int b = 0; b < 6; b++) {
            List<Interaction> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Instant at = i < 7 ? Instant.parse("2026-06-05T08:00:00Z").plusSeconds(60L * i) : Instant.parse("2026-06-05T08:20:00Z");
                batch.add(new Interaction(touchpoint, null, at, tag + "-" + b + "-" + i, InteractionKind.CONTACT));
            }
            batches.add(batch);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Integer>> counted = new java.util.ArrayList<>();
            for (List<Interaction> batch : batches) {
                counted.add(pool.submit(() -> transactions.execute(s -> counts.countAll(batch))));
            }
            for (java.util.concurrent.Future<Integer> n : counted) {
                assertThat(n.get()).isEqualTo(10);
            }
        } finally {
            pool.shutdown();
        }
        // A batch delivered again counts nothing; the next batch, of one new interaction, counts it.
        Integer redelivered = transactions.execute(s -> counts.countAll(batches.get(0)));
        assertThat(redelivered).isZero();
        List<Interaction> next = List.of(new Interaction(touchpoint, null, Instant.parse("2026-06-05T08:31:00Z"),
                tag + "-new", InteractionKind.CONTACT));
        Integer newlyCounted = transactions.execute(s -> counts.countAll(next));
        assertThat(newlyCounted).isEqualTo(1);

        assertThat(countsAt(location)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                Instant.parse("2026-06-05T08:00:00Z"), 1L + 6 * 7,
                Instant.parse("2026-06-05T08:15:00Z"), 6L * 3,
                Instant.parse("2026-06-05T08:30:00Z"), 1L)));
    }

    @Test
    void reportedCountsOfTheSameSeriesWinSoNothingIsCountedTwice() throws Exception {
        String tag = UUID.randomUUID().toString();
        send("{\"items\":[" + item(tag + "-1", phone, "2026-06-02T09:01:00+02:00", null, "contact") + ","
                + item(tag + "-2", phone, "2026-06-02T09:02:00+02:00", null, "contact") + "]}").andExpect(status().isOk());
        awaitCounts(location);
        SeriesKey series = new SeriesKey(Channel.PHONE, location);
        Instant from = Instant.parse("2026-06-02T00:00:00Z");
        Instant to = Instant.parse("2026-06-03T00:00:00Z");
        assertThat(volumes.counts(series, from, to)).extracting(JdbcContactVolumes.Stored::offered).containsExactly(2L);

        reported.record(List.of(new ContactVolume(Channel.PHONE, location, Instant.parse("2026-06-02T07:00:00Z"), 5, 5L, 200.0, 0L,
                "acd-" + tag)));

        assertThat(volumes.sourceOf(series)).isEqualTo(VolumeSource.REPORTED);
        assertThat(volumes.counts(series, from, to)).extracting(JdbcContactVolumes.Stored::offered).containsExactly(5L);
        assertThat(volumes.series().stream().filter(series::equals)).hasSize(1);
    }

    @Test
    void onlyTheConfiguredKindsCount() {
        Interaction purchase = new Interaction(new TouchpointId(UUID.fromString(phone)), null,
                Instant.parse("2026-06-01T08:05:00Z"), "purchase-" + UUID.randomUUID(), InteractionKind.PURCHASE);
        Interaction older = new Interaction(new TouchpointId(UUID.fromString(phone)), null,
                Instant.parse("2026-06-01T08:05:00Z"), "no-kind-" + UUID.randomUUID(), null);

        assertThat((Object) transactions.execute(s -> counts.count(purchase))).isEqualTo(InteractionCounts.Outcome.NOT_A_CONTACT);
        assertThat((Object) transactions.execute(s -> counts.count(older))).isEqualTo(InteractionCounts.Outcome.COUNTED);
        assertThat(countsAt(location)).containsExactlyEntriesOf(Map.of(Instant.parse("2026-06-01T08:00:00Z"), 1L));
    }

    /** The event log's own serializer writes the event in columns and reads it back as the same records. */
    @Test
    void theEventLogStoresTheEventInColumnsAndReadsItBackAsRecords() {
        TouchpointId touchpoint = new TouchpointId(UUID.fromString(phone));
        InteractionsRecorded event = InteractionsRecorded.of(List.of(
                new Interaction(touchpoint, new PersonKey(PERSON), Instant.parse("2026-06-06T08:01:00.5Z"), "serialized-1", InteractionKind.CONTACT),
                new Interaction(touchpoint, null, Instant.parse("2026-06-06T08:02:00Z"), "serialized-2", null)));

        String stored = eventSerializer.serialize(event).toString();

        assertThat(stored).contains("\"sourceIds\"", "\"epochSecond\"").doesNotContain("\"interactions\"");
        assertThat(eventSerializer.deserialize(stored, InteractionsRecorded.class)).isEqualTo(event);
    }

    /** No column of any demand table holds the person key or a column meant for people. */
    private void assertNoPersonKeyInDemandTables() {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where lower(table_name) like 'demand%'")
                .query(String.class).list();
        assertThat(tables).contains("demand_volume", "demand_counted_interaction");
        for (String table : tables) {
            List<Map<String, Object>> rows = jdbc.sql("select * from " + table).query().listOfRows();
            for (Map<String, Object> row : rows) {
                assertThat(row.keySet()).noneMatch(column -> column.toLowerCase().contains("person"));
                assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(PERSON));
            }
        }
    }

    private Map<Instant, Long> awaitCounts(String at) throws InterruptedException {
        return awaitCounts(at, Channel.PHONE, null);
    }

    /**
     * The counts once the listener, which runs after the ingest's commit on another thread, is done with every event
     * published since the test began, as the event publication registry tells it.
     */
    private Map<Instant, Long> awaitCounts(String at, Channel channel, Instant start) throws InterruptedException {
        handled.await();
        return countsAt(at, channel, start);
    }

    private Map<Instant, Long> countsAt(String at) {
        return countsAt(at, Channel.PHONE, null);
    }

    private Map<Instant, Long> countsAt(String at, Channel channel, Instant start) {
        Map<Instant, Long> result = new TreeMap<>();
        jdbc.sql("select interval_start, offered from demand_volume where location = :location and channel = :channel and source = 'interactions'")
                .param("location", at).param("channel", channel.name())
                .query((rs, n) -> result.put(rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), rs.getLong(2))).list();
        if (start != null) {
            result.keySet().removeIf(t -> !t.equals(start));
        }
        return result;
    }

    private org.springframework.test.web.servlet.ResultActions send(String body) throws Exception {
        return mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + ingestKey)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String touchpoint(String channel, String at) throws Exception {
        return created(post("/api/v1/stages/" + stage + "/touchpoints"), "{\"nameNl\":\"Telefoon\",\"nameEn\":\"Phone\",\"channel\":\"" + channel
                + "\"" + (at == null ? "" : ",\"location\":\"" + at + "\"") + "}");
    }

    private static String item(String sourceId, String touchpoint, String at, String person, String kind) {
        return "{\"sourceId\":\"" + sourceId + "\",\"touchpoint\":\"" + touchpoint + "\",\"at\":\"" + at + "\""
                + (person == null ? "" : ",\"person\":\"" + person + "\"") + (kind == null ? "" : ",\"kind\":\"" + kind + "\"") + "}";
    }

    private String created(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = mvc.perform(request.with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
