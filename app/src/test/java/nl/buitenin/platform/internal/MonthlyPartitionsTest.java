package nl.buitenin.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.platform.MonthlyPartitions;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.RetentionExpired;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.TestDatabases;
import nl.buitenin.testing.Unique;

/**
 * The monthly partitions of interactions and contact decisions (docs/scaling.md): where rows land, that a source id
 * stays one interaction whatever its time, the partition job, retention dropping whole months and erasure reaching
 * every month. The job itself runs under a cluster lock that holds for five minutes, so the tests call what it runs,
 * {@link MonthlyPartitions#createAhead}. The partition checks run on PostgreSQL (H2 keeps plain tables); the duplicate check runs on both.
 */
@DatabaseTest
@AutoConfigureMockMvc
class MonthlyPartitionsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MonthlyPartitions partitions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EventPublicationRegistry registry;

    String ingestKey;
    String touchpoint;

    @BeforeEach
    void touchpoint() throws Exception {
        ingestKey = apiKeys.issue("till " + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        String journey = created(post("/api/v1/journeys"), "{\"nameNl\":\"" + Unique.name("Reis") + "\",\"nameEn\":\"" + Unique.name("Trip") + "\"}");
        String stage = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Boeken\",\"nameEn\":\"Book\"}");
        touchpoint = created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"Balie\",\"nameEn\":\"Desk\",\"channel\":\"location\",\"location\":\"Zwolle\"}");
    }

    @Test
    void aSourceIdSentAgainWithAnotherDayIsStillADuplicate() throws Exception {
        String source = "again-" + UUID.randomUUID();
        send(item(source, "2026-03-02T09:00:00Z", null)).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
        send(item(source, "2026-11-20T15:30:00Z", null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.items[0].status").value("DUPLICATE"));
        assertThat(jdbc.sql("select occurred_at from interaction where source_id = :s").param("s", source)
                .query(OffsetDateTime.class).list()).extracting(OffsetDateTime::toInstant)
                .containsExactly(Instant.parse("2026-03-02T09:00:00Z"));
    }

    @Test
    void rowsLandInTheirMonthAndTheJobMovesALateMonthOutOfTheDefault() throws Exception {
        onPostgres();
        YearMonth now = YearMonth.from(Instant.now().atOffset(ZoneOffset.UTC));
        YearMonth late = YearMonth.of(2010 + ThreadLocalRandom.current().nextInt(10), 1 + ThreadLocalRandom.current().nextInt(12));
        String tag = "land-" + UUID.randomUUID();
        send(item(tag + "-now", now.atDay(2).atTime(10, 0).toInstant(ZoneOffset.UTC).toString(), null) + ","
                + item(tag + "-late", late.atDay(3).atTime(10, 0).toInstant(ZoneOffset.UTC).toString(), null))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
        assertThat(partitionOf(tag + "-now")).isEqualTo("interaction_p" + month(now));
        assertThat(partitionOf(tag + "-late")).isEqualTo("interaction_default");

        partitions.createAhead(3);

        assertThat(partitionOf(tag + "-late")).isEqualTo("interaction_p" + month(late));
        assertThat(partitionOf(tag + "-now")).isEqualTo("interaction_p" + month(now));
        assertThat(jdbc.sql("select count(*) from interaction where source_id like :t").param("t", tag + "%").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void theJobCreatesTheMonthsAheadOnceOverTwoRuns() {
        onPostgres();
        YearMonth now = YearMonth.from(Instant.now().atOffset(ZoneOffset.UTC));
        // Months further ahead than the migration and the job make: this test's own, dropped again at the end. Every
        // partition left behind makes each later test's reads by id in the shared database slower (they look in every
        // month): up to 330 months once made the score-gaming reads of a later test take 4 s instead of 0.1 s.
        int ahead = 30 + ThreadLocalRandom.current().nextInt(12);
        List<String> first = partitions.createAhead(ahead);
        try {
            List<String> second = partitions.createAhead(ahead);

            String far = month(now.plusMonths(ahead));
            assertThat(first).contains("interaction_p" + far, "contact_decision_p" + far);
            assertThat(second).isEmpty();
            for (String table : List.of("interaction", "contact_decision")) {
                List<String> made = partitions.partitions(table);
                for (int m = 0; m <= ahead; m++) {
                    assertThat(made).contains(table + "_p" + month(now.plusMonths(m)));
                }
                assertThat(made).contains(table + "_default").doesNotHaveDuplicates();
            }
        } finally {
            // Each month is empty. Detached first: a month of the responses is referenced by the answers' key.
            first.stream().sorted(Comparator.comparing((String name) -> !name.startsWith("listening_answer_"))).forEach(name -> {
                String parent = name.replaceAll("_p\\d{6}$", "");
                if (name.compareTo(parent + "_p" + month(now.plusMonths(12))) > 0) {
                    jdbc.sql("alter table " + parent + " detach partition " + name).update();
                    jdbc.sql("drop table " + name).update();
                }
            });
        }
    }

    @Test
    void retentionDropsAMonthThatEndedBeforeTheCutoffAndKeepsTheNext() throws Exception {
        onPostgres();
        YearMonth old = YearMonth.of(1950 + ThreadLocalRandom.current().nextInt(40), 1 + ThreadLocalRandom.current().nextInt(12));
        YearMonth young = old.plusMonths(1);
        UUID oldDecision = decision(person(), old.atDay(15).atTime(12, 0).toInstant(ZoneOffset.UTC));
        UUID youngDecision = decision(person(), young.atDay(1).atTime(0, 5).toInstant(ZoneOffset.UTC));
        partitions.createAhead(3);
        assertThat(partitions.partitions("contact_decision")).contains("contact_decision_p" + month(old), "contact_decision_p" + month(young));

        Instant cutoff = young.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        EventsHandled handled = EventsHandled.since(registry);
        transactions.executeWithoutResult(s -> events.publishEvent(new RetentionExpired(PurposeId.FEEDBACK, cutoff)));
        handled.await();

        assertThat(partitions.partitions("contact_decision")).doesNotContain("contact_decision_p" + month(old))
                .contains("contact_decision_p" + month(young));
        assertThat(decisions(oldDecision)).isZero();
        assertThat(decisions(youngDecision)).isEqualTo(1);
        assertThat(jdbc.sql("select tableoid::regclass::text from contact_decision where id = :id").param("id", youngDecision)
                .query(String.class).single()).isEqualTo("contact_decision_p" + month(young));
    }

    @Test
    void erasureReachesThePersonsRowsInEveryMonth() throws Exception {
        onPostgres();
        String person = person();
        YearMonth now = YearMonth.from(Instant.now().atOffset(ZoneOffset.UTC));
        YearMonth earlier = YearMonth.of(2000 + ThreadLocalRandom.current().nextInt(10), 1 + ThreadLocalRandom.current().nextInt(12));
        String tag = "erase-" + UUID.randomUUID();
        send(item(tag + "-1", now.atDay(1).atTime(9, 0).toInstant(ZoneOffset.UTC).toString(), person) + ","
                + item(tag + "-2", earlier.atDay(20).atTime(9, 0).toInstant(ZoneOffset.UTC).toString(), person))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
        decision(person, now.atDay(1).atTime(9, 1).toInstant(ZoneOffset.UTC));
        decision(person, earlier.atDay(20).atTime(9, 1).toInstant(ZoneOffset.UTC));
        partitions.createAhead(3);
        assertThat(jdbc.sql("select distinct tableoid::regclass::text from interaction where person_key = :p").param("p", person)
                .query(String.class).list()).containsExactlyInAnyOrder("interaction_p" + month(now), "interaction_p" + month(earlier));
        assertThat(jdbc.sql("select distinct tableoid::regclass::text from contact_decision where person_key = :p").param("p", person)
                .query(String.class).list()).containsExactlyInAnyOrder("contact_decision_p" + month(now), "contact_decision_p" + month(earlier));

        EventsHandled handled = EventsHandled.since(registry);
        transactions.executeWithoutResult(s -> events.publishEvent(new PersonErased(new PersonKey(person), List.of(), Instant.now())));
        handled.await();

        for (String table : List.of("interaction", "contact_decision")) {
            for (String partition : partitions.partitions(table)) {
                assertThat(jdbc.sql("select count(*) from " + partition + " where person_key = :p").param("p", person)
                        .query(Long.class).single()).as(partition).isZero();
            }
        }
        // The interactions stay as anonymous counts, in their months.
        assertThat(jdbc.sql("select count(*) from interaction where source_id like :t and person_key is null").param("t", tag + "%")
                .query(Long.class).single()).isEqualTo(2);
    }

    private void onPostgres() {
        assumeThat(TestDatabases.current()).as("partitions are PostgreSQL's; H2 keeps plain tables").isEqualTo(TestDatabases.Kind.POSTGRES);
    }

    private static String person() {
        StringBuilder key = new StringBuilder("p_");
        for (int i = 0; i < 26; i++) {
            key.append("abcdefghijklmnopqrstuvwxyz234567".charAt(ThreadLocalRandom.current().nextInt(32)));
        }
        return key.toString();
    }

    private UUID decision(String person, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into contact_decision (id, person_key, touchpoint_id, kind, decided_at, allowed, reasons) "
                        + "values (:id, :p, :t, 'INVITATION', :at, true, 'ok')")
                .param("id", id).param("p", person).param("t", UUID.fromString(touchpoint))
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
        return id;
    }

    private long decisions(UUID id) {
        return jdbc.sql("select count(*) from contact_decision where id = :id").param("id", id).query(Long.class).single();
    }

    private String partitionOf(String sourceId) {
        return jdbc.sql("select tableoid::regclass::text from interaction where source_id = :s").param("s", sourceId).query(String.class).single();
    }

    private static String month(YearMonth month) {
        return String.format("%04d%02d", month.getYear(), month.getMonthValue());
    }

    private ResultActions send(String items) throws Exception {
        return mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + ingestKey).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content("{\"items\":[" + items + "]}"));
    }

    private String item(String sourceId, String at, String person) {
        return "{\"sourceId\":\"" + sourceId + "\",\"touchpoint\":\"" + touchpoint + "\",\"at\":\"" + at + "\""
                + (person == null ? "" : ",\"person\":\"" + person + "\"") + ",\"kind\":\"contact\"}";
    }

    private String created(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = mvc.perform(request.with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
