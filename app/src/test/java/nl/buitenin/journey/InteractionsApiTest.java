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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;

@DatabaseTest
@AutoConfigureMockMvc
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

    private org.springframework.test.web.servlet.ResultActions send(String body) throws Exception {
        return mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + ingestKey).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String item(String sourceId, String at, String person) {
        return "{\"sourceId\":\"" + sourceId + "\",\"touchpoint\":\"" + touchpoint + "\",\"at\":\"" + at + "\""
                + (person == null ? "" : ",\"person\":\"" + person + "\"") + ",\"kind\":\"visit\"}";
    }

    private String created(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = mvc.perform(request.with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
