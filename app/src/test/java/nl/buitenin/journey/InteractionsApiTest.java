package nl.buitenin.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.RetentionExpired;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;

@DatabaseTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class InteractionsApiTest {

    static final String PERSON = "p_abcdefghijklmnopqrstuvwxyz";

    @Autowired
    MockMvc mvc;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    Interactions interactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    List<PersonalDataSource> sources;
    @Autowired
    ApplicationEvents recorded;
    @Autowired
    EventSerializer serializer;

    /** The characters H2's event log holds of a serialized event (vendor migration V1_4_0). */
    static final int EVENT_LOG_COLUMN = 1_000_000;

    String ingestKey;
    String touchpoint;

    @BeforeEach
    void journeyWithOneTouchpoint() throws Exception {
        ingestKey = apiKeys.issue("shop till " + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        String journey = created(post("/api/v1/journeys"), "{\"nameNl\":\"" + Unique.name("Boeken") + "\",\"nameEn\":\"" + Unique.name("Booking") + "\"}");
        String stage = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Boeken\",\"nameEn\":\"Book\"}");
        touchpoint = created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"Winkel\",\"nameEn\":\"Shop\",\"channel\":\"location\",\"location\":\"Utrecht\"}");
    }

    @Test
    void aRetriedBatchCreatesNothingNewAndSaysSoPerItem() throws Exception {
        String tag = UUID.randomUUID().toString();
        String batch = "{\"items\":[" + item(tag + "-1", "2026-03-02T09:00:00Z", PERSON) + "," + item(tag + "-2", "2026-03-02T10:00:00Z", null)
                + "]}";
        send(batch).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2)).andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.items[0].status").value("CREATED"));
        send(batch).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.duplicates").value(2))
                .andExpect(jsonPath("$.items[1].status").value("DUPLICATE"));
        assertThat(jdbc.sql("select count(*) from interaction where source_id like :t").param("t", tag + "%")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void badItemsAreRejectedWithIndexAndReasonWhileGoodOnesAreTaken() throws Exception {
        String tag = UUID.randomUUID().toString();
        String batch = "{\"items\":[" + item(tag + "-ok", "2026-03-02T09:00:00Z", null) + ","
                + item(tag + "-when", "yesterday", null) + ","
                + "{\"sourceId\":\"" + tag + "-where\",\"touchpoint\":\"" + UUID.randomUUID() + "\",\"at\":\"2026-03-02T09:00:00Z\",\"person\":\"jan@example.nl\"},"
                + item(tag + "-ok", "2026-03-02T09:00:00Z", null) + "]}";
        send(batch).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.items[1].index").value(1))
                .andExpect(jsonPath("$.items[1].status").value("REJECTED"))
                .andExpect(jsonPath("$.items[1].errors[0].field").value("at"))
                .andExpect(jsonPath("$.items[2].reason").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("touchpoint: no touchpoint has the id"),
                        org.hamcrest.Matchers.containsString("person: 'jan@example.nl' is not a person key"))))
                .andExpect(jsonPath("$.items[3].status").value("DUPLICATE"));
    }

    @Test
    void aKeyThatMayOnlyReadCannotSendInteractions() throws Exception {
        String reader = apiKeys.issue("reader " + UUID.randomUUID(), Set.of(Scope.READ), null).plainText();
        mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + reader)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"items\":[]}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/journeys").header("Authorization", "Bearer " + reader)).andExpect(status().isOk());
    }

    @Test
    void anEmptyOrOversizedBatchIsRefusedNamingItems() throws Exception {
        send("{\"items\":[]}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("items"));
    }

    @Test
    void daysAreCountedInTheOrganisationsTimeZone() throws Exception {
        String tag = UUID.randomUUID().toString();
        // 22:30 UTC on 31 May is 00:30 on 1 June in Amsterdam (summer time).
        send("{\"items\":[" + item(tag, "2025-05-31T22:30:00Z", null) + "]}").andExpect(status().isOk());
        List<DailyVolume> days = interactions.dailyVolumes(List.of(TouchpointId.of(touchpoint)), LocalDate.of(2025, 5, 30),
                LocalDate.of(2025, 6, 2));
        assertThat(days).containsExactly(new DailyVolume(TouchpointId.of(touchpoint), LocalDate.of(2025, 6, 1), 1));
        assertThat(interactions.volumes(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 1))).containsEntry(TouchpointId.of(touchpoint), 1L);
    }

    /**
     * The journey map reads counts per touchpoint and day kept at ingestion, not the interactions themselves; here
     * they are checked against the stored rows, counted independently, after retries, a source id resent with another
     * day, a rejected item and batches sent at the same time over the same days.
     */
    @Test
    void theCountsPerDayAgreeWithTheStoredInteractions() throws Exception {
        String tag = UUID.randomUUID().toString();
        send("{\"items\":[" + item(tag + "-1", "2025-04-01T08:00:00Z", null) + "," + item(tag + "-2", "2025-04-01T09:00:00Z", null) + ","
                + item(tag + "-3", "2025-04-02T09:00:00Z", null) + "]}").andExpect(status().isOk()).andExpect(jsonPath("$.created").value(3));
        send("{\"items\":[" + item(tag + "-1", "2025-04-03T08:00:00Z", null) + "," + item(tag + "-4", "2025-04-02T10:00:00Z", null) + ","
                + item(tag + "-bad", "not a time", null) + "]}").andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (int s = 0; s < 4; s++) {
                int sender = s;
                sent.add(senders.submit(() -> {
                    StringBuilder batch = new StringBuilder("{\"items\":[");
                    for (int i = 0; i < 40; i++) {
                        // Half of each batch overlaps the next sender's: the same source ids, sent at the same time.
                        batch.append(i == 0 ? "" : ",").append(item(tag + "-c" + (sender * 20 + i) % 80,
                                "2025-04-0" + (1 + i % 3) + "T1" + (i % 10) + ":00:00Z", null));
                    }
                    send(batch.append("]}").toString()).andExpect(status().isOk());
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get();
            }
        } finally {
            senders.shutdown();
        }
        TouchpointId at = TouchpointId.of(touchpoint);
        List<DailyVolume> stored = jdbc.sql("select local_day, count(*) from interaction where touchpoint_id = :t group by local_day order by local_day")
                .param("t", UUID.fromString(touchpoint))
                .query((rs, n) -> new DailyVolume(at, rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
        assertThat(stored.stream().mapToLong(DailyVolume::count).sum()).isEqualTo(4 + 80);
        assertThat(interactions.dailyVolumes(List.of(at), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 4))).isEqualTo(stored);
        assertThat(interactions.volumes(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 2))).containsEntry(at,
                stored.stream().filter(d -> d.day().isBefore(LocalDate.of(2025, 4, 3))).mapToLong(DailyVolume::count).sum());
    }

    @Test
    void aForgottenPersonsInteractionsKeepTheirCountButLoseTheKey() throws Exception {
        String tag = UUID.randomUUID().toString();
        String person = "p_" + "q".repeat(20) + "abcdef";
        Instant at = Instant.parse("2026-01-10T12:00:00Z");
        send("{\"items\":[" + item(tag, at.toString(), person) + "]}").andExpect(status().isOk());
        assertThat(interactions.recentContacts(new PersonKey(person), at.minus(Duration.ofDays(1)))).containsExactly(at);

        EventsHandled handled = EventsHandled.since(registry);
        transactions.executeWithoutResult(s -> events.publishEvent(new PersonErased(new PersonKey(person), List.of(), Instant.now())));

        handled.await();
        assertThat(interactions.recentContacts(new PersonKey(person), at.minus(Duration.ofDays(1)))).isEmpty();
        assertThat(jdbc.sql("select count(*) from interaction where source_id = :s").param("s", tag).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReasonAndItsCodeAreStoredAndPublishedForAConsumerToClassify() throws Exception {
        String tag = UUID.randomUUID().toString();
        String batch = "{\"items\":[" + item(tag + "-1", "2026-03-02T09:00:00Z", PERSON, "  Waar blijft mijn bevestiging?\\nVorige week geboekt ", "chase.confirmation")
                + "," + item(tag + "-2", "2026-03-02T10:00:00Z", null, null, null) + "]}";
        send(batch).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));

        assertThat(jdbc.sql("select reason, reason_code from interaction where source_id = :s").param("s", tag + "-1")
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2)).single())
                .isEqualTo("Waar blijft mijn bevestiging?\nVorige week geboekt|chase.confirmation");
        assertThat(jdbc.sql("select count(*) from interaction where source_id = :s and reason is null and reason_code is null")
                .param("s", tag + "-2").query(Long.class).single()).isEqualTo(1);
        List<InteractionsRecorded.Interaction> published = recorded.stream(InteractionsRecorded.class)
                .flatMap(e -> e.interactions().stream()).filter(i -> i.sourceId().startsWith(tag)).toList();
        assertThat(published).extracting(InteractionsRecorded.Interaction::reason)
                .containsExactly("Waar blijft mijn bevestiging?\nVorige week geboekt", null);
        assertThat(published).extracting(InteractionsRecorded.Interaction::reasonCode).containsExactly("chase.confirmation", null);
    }

    /** A thousand reasons of a thousand characters would not fit one event in H2's event log (a million characters). */
    @Test
    void aBatchOfLongReasonsIsPublishedInEventsSmallEnoughForTheEventLog() throws Exception {
        String tag = UUID.randomUUID().toString();
        StringBuilder batch = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 1_000; i++) {
            batch.append(i == 0 ? "" : ",").append(item(tag + "-" + i, "2026-03-02T09:00:00Z", null, "Koffer kwijt ".repeat(76) + "x".repeat(11) + "!", null));
        }
        send(batch.append("]}").toString()).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1_000));

        List<InteractionsRecorded> published = recorded.stream(InteractionsRecorded.class)
                .filter(e -> e.interactions().get(0).sourceId().startsWith(tag)).toList();
        assertThat(published).hasSizeGreaterThan(1);
        assertThat(published).allSatisfy(e -> assertThat(((String) serializer.serialize(e)).length()).isLessThanOrEqualTo(EVENT_LOG_COLUMN));
        assertThat(published.stream().mapToInt(InteractionsRecorded::size).sum()).isEqualTo(1_000);
    }

    /**
     * Every field as long as it may be, and every character of the source ids and reasons one that JSON escapes (a
     * quote, a backslash, a line break): the stored events are twice the characters of the fields, and still each fits
     * H2's event log. The batch is taken whole, on H2 as on PostgreSQL.
     */
    @Test
    void aBatchOfTheLongestFieldsInCharactersJsonEscapesStillFitsTheEventLog() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String team = "T".repeat(100);
        String topic = "O".repeat(100);
        String staff = "s".repeat(64);
        String code = "c".repeat(64);
        String reason = "\\\\\\\"\\n".repeat(83) + "x";
        StringBuilder batch = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 1_000; i++) {
            String id = tag + "-" + i + "-";
            String sourceId = id + "\\\"".repeat(200 - id.length());
            batch.append(i == 0 ? "" : ",").append("{\"sourceId\":\"").append(sourceId).append("\",\"touchpoint\":\"").append(touchpoint)
                    .append("\",\"at\":\"2026-03-02T09:00:00Z\",\"kind\":\"contact\",\"reason\":\"").append(reason)
                    .append("\",\"reasonCode\":\"").append(code).append("\",\"staff\":\"").append(staff).append("\",\"team\":\"")
                    .append(team).append("\",\"topic\":\"").append(topic).append("\"}");
        }
        send(batch.append("]}").toString()).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1_000));

        List<InteractionsRecorded> published = recorded.stream(InteractionsRecorded.class)
                .filter(e -> e.interactions().get(0).sourceId().startsWith(tag + "-")).toList();
        assertThat(published.stream().mapToInt(InteractionsRecorded::size).sum()).isEqualTo(1_000);
        assertThat(published.get(0).interactions().get(0).sourceId()).hasSize(200).endsWith("\"\"");
        assertThat(published.get(0).interactions().get(0).reason()).hasSize(250);
        assertThat(published).allSatisfy(e -> assertThat(((String) serializer.serialize(e)).length()).isLessThanOrEqualTo(EVENT_LOG_COLUMN));
        assertThat(jdbc.sql("select count(*) from interaction where source_id like :tag").param("tag", tag + "-%").query(Long.class).single())
                .isEqualTo(1_000);
    }

    /**
     * The bound a publisher splits events by is never below what the application's own serializer writes: random events
     * with texts of quotes, backslashes, line breaks and other control characters, letters beyond ASCII and emoji, and
     * missing values.
     */
    @Test
    void theStoredLengthOfAnEventIsNeverMoreThanItsBound() {
        java.util.Random random = new java.util.Random(20261207L);
        String[] pieces = {"a", "Z", "9", " ", "\"", "\\", "\n", "\t", "\u0001", "\u001f", "é", "ß", "\u20ac", "\ud83d\ude00", "/", "<", "'"};
        TouchpointId[] touchpoints = {TouchpointId.of(touchpoint), new TouchpointId(UUID.randomUUID()), new TouchpointId(UUID.randomUUID())};
        for (int e = 0; e < 300; e++) {
            List<InteractionsRecorded.Interaction> interactions = new java.util.ArrayList<>();
            int bound = InteractionsRecorded.STORED_OVERHEAD;
            for (int i = 0, n = 1 + random.nextInt(40); i < n; i++) {
                InteractionsRecorded.Interaction interaction = new InteractionsRecorded.Interaction(touchpoints[random.nextInt(3)],
                        random.nextBoolean() ? null : new PersonKey(PERSON), Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                        random.nextInt(1_000_000_000)), text(random, pieces, 1 + random.nextInt(200)),
                        InteractionKind.values()[random.nextInt(InteractionKind.values().length)], maybe(random, pieces, 1000),
                        maybe(random, pieces, 64), maybe(random, pieces, 64), maybe(random, pieces, 100), maybe(random, pieces, 100));
                interactions.add(interaction);
                bound += InteractionsRecorded.storedLengthAtMost(interaction);
            }
            String stored = (String) serializer.serialize(InteractionsRecorded.of(interactions));
            assertThat(stored.length()).as(stored).isLessThanOrEqualTo(bound);
        }
    }

    private static String maybe(java.util.Random random, String[] pieces, int max) {
        return random.nextInt(4) == 0 ? null : text(random, pieces, 1 + random.nextInt(max));
    }

    private static String text(java.util.Random random, String[] pieces, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    @Test
    void aBadReasonOrReasonCodeIsRejectedNamingTheFieldInTheReadersLanguage() throws Exception {
        String tag = UUID.randomUUID().toString();
        String batch = "{\"items\":[" + item(tag + "-long", "2026-03-02T09:00:00Z", null, "x".repeat(1001), null) + ","
                + item(tag + "-bell", "2026-03-02T09:00:00Z", null, "bel\\u0007letje", null) + ","
                + item(tag + "-code", "2026-03-02T09:00:00Z", null, "prima", "no spaces allowed") + ","
                + item(tag + "-max", "2026-03-02T09:00:00Z", null, "x".repeat(1000), "a".repeat(64)) + "]}";
        mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + ingestKey).header("Accept-Language", "nl")
                        .contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.rejected").value(3))
                .andExpect(jsonPath("$.items[0].errors[0].field").value("reason"))
                .andExpect(jsonPath("$.items[0].errors[0].message").value("mag hoogstens 1000 tekens lang zijn"))
                .andExpect(jsonPath("$.items[1].errors[0].field").value("reason"))
                .andExpect(jsonPath("$.items[1].errors[0].message").value(org.hamcrest.Matchers.containsString("U+0007")))
                .andExpect(jsonPath("$.items[1].errors[0].message").value(org.hamcrest.Matchers.containsString("positie 4")))
                .andExpect(jsonPath("$.items[2].errors[0].field").value("reasonCode"))
                .andExpect(jsonPath("$.items[2].errors[0].message").value(org.hamcrest.Matchers.containsString("geen redencode")))
                .andExpect(jsonPath("$.items[3].status").value("CREATED"));
        send("{\"items\":[" + item(tag + "-code-en", "2026-03-02T09:00:00Z", null, null, "-dash") + "]}")
                .andExpect(jsonPath("$.items[0].errors[0].field").value("reasonCode"))
                .andExpect(jsonPath("$.items[0].errors[0].message").value(org.hamcrest.Matchers.containsString("is not a reason code")));
    }

    @Test
    void aForgottenPersonsReasonsLoseTheirIdentifiersAndOtherReasonsLoseTheirMentions() throws Exception {
        String tag = UUID.randomUUID().toString();
        String person = "p_" + "r".repeat(20) + "abcdef";
        send("{\"items\":[" + item(tag + "-own", "2026-01-10T12:00:00Z", person,
                "Jansen belt, bereikbaar op 06 12 34 56 78 of jan.jansen@example.nl, koffer kwijt", "lost") + ","
                + item(tag + "-other", "2026-01-11T12:00:00Z", PERSON, "Belt namens buurman Jansen (jan.jansen@example.nl) over zijn koffer",
                        null) + "]}").andExpect(status().isOk());

        EventsHandled handled = EventsHandled.since(registry);
        transactions.executeWithoutResult(s -> events.publishEvent(new PersonErased(new PersonKey(person),
                List.of("Jan Jansen", "jan.jansen@example.nl", "+31612345678"), Instant.now())));
        handled.await();

        String own = reason(tag + "-own");
        assertThat(own).doesNotContain("Jansen").doesNotContain("12 34").doesNotContain("example.nl").contains("koffer kwijt");
        String other = reason(tag + "-other");
        assertThat(other).doesNotContain("Jansen").doesNotContain("example.nl").contains("koffer");
        assertThat(jdbc.sql("select count(*) from interaction where source_id like :t and person_key = :p").param("t", tag + "%")
                .param("p", person).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select reason_code from interaction where source_id = :s").param("s", tag + "-own").query(String.class)
                .single()).isEqualTo("lost");
    }

    @Test
    void theReasonIsInThePersonsExport() throws Exception {
        String tag = UUID.randomUUID().toString();
        String person = "p_" + "s".repeat(20) + "abcdef";
        send("{\"items\":[" + item(tag, "2026-01-10T12:00:00Z", person, "Snapt de routebeschrijving niet", "route") + "]}")
                .andExpect(status().isOk());
        PersonalDataSource source = sources.stream().filter(s -> s.section().equals("interactions")).findFirst().orElseThrow();
        String exported = tools.jackson.databind.json.JsonMapper.builder().findAndAddModules().build()
                .writeValueAsString(source.export(new PersonKey(person)));
        assertThat(exported).contains("\"reason\":\"Snapt de routebeschrijving niet\"").contains("\"reasonCode\":\"route\"");
    }

    @Test
    void pastTheRetentionOfFeedbackTheReasonGoesWithTheKeyAndTheCodeStays() throws Exception {
        String tag = UUID.randomUUID().toString();
        String person = "p_" + "t".repeat(20) + "abcdef";
        send("{\"items\":[" + item(tag + "-old", "2024-01-10T12:00:00Z", person, "Jansen mist zijn koffer", "lost") + ","
                + item(tag + "-new", "2026-01-10T12:00:00Z", person, "Vraagt weer naar de koffer", "lost") + "]}")
                .andExpect(status().isOk());

        EventsHandled handled = EventsHandled.since(registry);
        transactions.executeWithoutResult(s -> events.publishEvent(new RetentionExpired(PurposeId.FEEDBACK,
                Instant.parse("2025-01-01T00:00:00Z"))));
        handled.await();

        assertThat(reason(tag + "-old")).isNull();
        assertThat(reason(tag + "-new")).isEqualTo("Vraagt weer naar de koffer");
        assertThat(jdbc.sql("select reason_code from interaction where source_id = :s").param("s", tag + "-old").query(String.class)
                .single()).isEqualTo("lost");
    }

    private String reason(String sourceId) {
        return jdbc.sql("select reason from interaction where source_id = :s").param("s", sourceId)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
    }

    @Test
    void historiesFromAMomentLeaveOutWhatCameBefore() throws Exception {
        String tag = UUID.randomUUID().toString();
        List<PersonKey> people = List.of(new PersonKey(Unique.personKey()), new PersonKey(Unique.personKey()), new PersonKey(Unique.personKey()));
        StringBuilder batch = new StringBuilder("{\"items\":[");
        String[] months = {"2025-11-03T08:00:00Z", "2026-01-15T12:30:00Z", "2026-03-02T09:00:00Z", "2026-03-02T09:00:00Z", "2026-06-30T23:59:59Z"};
        for (int p = 0; p < people.size(); p++) {
            for (int m = 0; m < months.length; m++) {
                batch.append(p + m == 0 ? "" : ",").append(item(tag + "-" + p + "-" + m, months[m], people.get(p).value()));
            }
        }
        send(batch.append("]}").toString()).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(15));
        // From the moment of two interactions (included): the three from then on, as the whole history has them.
        java.util.Map<PersonKey, List<Interactions.Occurred>> read = transactions.execute(
                s -> interactions.historiesOf(people, Instant.parse("2026-03-02T09:00:00Z")));
        java.util.Map<PersonKey, List<Interactions.Occurred>> whole = transactions.execute(s -> interactions.historiesOf(people));

        assertThat(whole.get(people.get(0))).hasSize(5);
        assertThat(read.get(people.get(1))).extracting(Interactions.Occurred::sourceId)
                .containsExactly(tag + "-1-2", tag + "-1-3", tag + "-1-4");
        for (PersonKey person : people) {
            assertThat(read.get(person)).isEqualTo(whole.get(person).subList(2, 5));
        }
        assertThat(transactions.execute(s -> interactions.historiesOf(people, Instant.parse("2026-07-01T00:00:00Z"))).get(people.get(2)))
                .isEmpty();
    }

    private org.springframework.test.web.servlet.ResultActions send(String body) throws Exception {
        return mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + ingestKey).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String item(String sourceId, String at, String person) {
        return "{\"sourceId\":\"" + sourceId + "\",\"touchpoint\":\"" + touchpoint + "\",\"at\":\"" + at + "\""
                + (person == null ? "" : ",\"person\":\"" + person + "\"") + ",\"kind\":\"visit\"}";
    }

    /** An item with a reason and a reason code (each left out when null); the reason is put in the JSON as given. */
    private String item(String sourceId, String at, String person, String reason, String reasonCode) {
        String item = item(sourceId, at, person);
        return item.substring(0, item.length() - 1) + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
                + (reasonCode == null ? "" : ",\"reasonCode\":\"" + reasonCode + "\"") + "}";
    }

    private String created(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = mvc.perform(request.with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
