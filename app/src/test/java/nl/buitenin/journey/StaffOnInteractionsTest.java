package nl.buitenin.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.journey.internal.CsvImport;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * Who served the person: the interactions API and CSV import take an optional pseudonymous staff reference and team,
 * store them, publish them with the interaction, and refuse a name or an e-mail address as a staff reference naming
 * the field (API) or the line and column (CSV), in the reader's language; a retry stays a no-op.
 */
@DatabaseTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class StaffOnInteractionsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CsvImport csvImport;
    @Autowired
    ApplicationEvents recorded;

    String ingestKey;
    String touchpoint;
    String tag;

    @BeforeEach
    void journeyWithOneTouchpoint() throws Exception {
        ingestKey = apiKeys.issue("till " + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        String journey = created(post("/api/v1/journeys"), "{\"nameNl\":\"" + Unique.name("Boeken") + "\",\"nameEn\":\"" + Unique.name("Booking") + "\"}");
        String stage = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Boeken\",\"nameEn\":\"Book\"}");
        touchpoint = created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"Balie\",\"nameEn\":\"Desk\",\"channel\":\"location\",\"location\":\"Utrecht\"}");
        tag = UUID.randomUUID().toString();
    }

    @Test
    void theApiStoresStaffAndTeamPublishesThemAndARetryCreatesNothing() throws Exception {
        String batch = "{\"items\":[" + item(tag + "-1", " mw-014 ", "Boekingen Utrecht") + "," + item(tag + "-2", null, null) + "]}";
        send(batch, "en").andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
        send(batch, "en").andExpect(status().isOk()).andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.duplicates").value(2));

        assertThat(staffAndTeam(tag + "-1")).isEqualTo("mw-014|Boekingen Utrecht");
        assertThat(staffAndTeam(tag + "-2")).isEqualTo("null|null");
        List<InteractionsRecorded.Interaction> published = recorded.stream(InteractionsRecorded.class)
                .flatMap(e -> e.interactions().stream()).filter(i -> i.sourceId().startsWith(tag)).toList();
        assertThat(published).extracting(InteractionsRecorded.Interaction::staff).containsExactly("mw-014", null);
        assertThat(published).extracting(InteractionsRecorded.Interaction::team).containsExactly("Boekingen Utrecht", null);
    }

    @Test
    void aNameOrAnEmailAddressIsNoStaffReferenceAndIsRefusedNamingTheFieldInTheReadersLanguage() throws Exception {
        String batch = "{\"items\":[" + item(tag + "-mail", "jan@example.nl", "Klantenservice") + ","
                + item(tag + "-name", "Jan Jansen", null) + ","
                + item(tag + "-long", "m".repeat(65), null) + ","
                + item(tag + "-team", "mw-1", "Team <script>") + ","
                + item(tag + "-max", "m".repeat(64), "T".repeat(100)) + "]}";
        String english = send(batch, "en").andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.rejected").value(4))
                .andExpect(jsonPath("$.items[0].errors[0].field").value("staff"))
                .andExpect(jsonPath("$.items[1].errors[0].field").value("staff"))
                .andExpect(jsonPath("$.items[2].errors[0].field").value("staff"))
                .andExpect(jsonPath("$.items[3].errors[0].field").value("team"))
                .andExpect(jsonPath("$.items[4].status").value("CREATED"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(english, "$.items[0].errors[0].message"))
                .isEqualTo("'jan@example.nl' is not a pseudonymous staff reference: 1 to 64 letters, digits and . _ - "
                        + "(starting with a letter or digit; no name with spaces and no e-mail address)");
        String dutch = send("{\"items\":[" + item(tag + "-nl", "Jan Jansen", "Klantenservice") + "]}", "nl")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(dutch, "$.items[0].errors[0].message")).startsWith("'Jan Jansen' is geen pseudonieme medewerkersverwijzing");
        assertThat(jdbc.sql("select count(*) from interaction where source_id like :t").param("t", tag + "%").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void theCsvImportReadsStaffAndTeamColumnsAndNamesTheLineAndColumnOfABadOne() {
        String csv = "sourceId,touchpoint,at,Staff,team\n"
                + tag + "-1," + touchpoint + ",2026-03-02T09:00:00Z,mw-021,Reisadvies\n"
                + tag + "-2," + touchpoint + ",2026-03-02T09:00:00Z,,\n"
                + tag + "-3," + touchpoint + ",2026-03-02T09:00:00Z,piet@example.nl,Reisadvies\n"
                + tag + "-4," + touchpoint + ",2026-03-02T09:00:00Z,mw-022,\"Reis\tadvies\"\n";
        CsvImport.Report report = csvImport.importCsv(CsvInput.utf8(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.unknownColumns()).isEmpty();
        assertThat(report.rejected()).extracting(CsvImport.RowError::line).containsExactly(4L, 5L);
        assertThat(report.rejected()).extracting(CsvImport.RowError::column).containsExactly("staff", "team");
        assertThat(staffAndTeam(tag + "-1")).isEqualTo("mw-021|Reisadvies");
        assertThat(staffAndTeam(tag + "-2")).isEqualTo("null|null");

        CsvImport.Report again = csvImport.importCsv(CsvInput.utf8(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(again.created()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
    }

    private String staffAndTeam(String sourceId) {
        return jdbc.sql("select staff_ref, team from interaction where source_id = :s").param("s", sourceId)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2)).single();
    }

    private ResultActions send(String body, String language) throws Exception {
        return mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + ingestKey).header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String item(String sourceId, String staff, String team) {
        return "{\"sourceId\":\"" + sourceId + "\",\"touchpoint\":\"" + touchpoint + "\",\"at\":\"2026-03-02T09:00:00Z\""
                + (staff == null ? "" : ",\"staff\":\"" + staff + "\"") + (team == null ? "" : ",\"team\":\"" + team + "\"") + "}";
    }

    private String created(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = mvc.perform(request.with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
