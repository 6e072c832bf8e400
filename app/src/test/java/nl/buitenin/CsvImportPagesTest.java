package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * The defects found by uploading files to the interactions and demand import pages, tried through the pages (HTTP only):
 * a malformed quoted header answered 500, a byte order mark was refused, Latin-1 text became a new series with a
 * replacement character, two {@code at} columns took the second and an extra field was ignored.
 */
@DatabaseTest
@AutoConfigureMockMvc
class CsvImportPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    String touchpoint;
    String tag;

    @BeforeEach
    void setUp() throws Exception {
        String journey = created(post("/api/v1/journeys"), "{\"nameNl\":\"" + Unique.name("Boeken") + "\",\"nameEn\":\"" + Unique.name("Booking") + "\"}");
        String stage = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Boeken\",\"nameEn\":\"Book\"}");
        touchpoint = created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"Winkel\",\"nameEn\":\"Shop\",\"channel\":\"location\",\"location\":\"Utrecht\"}");
        // a readable tag: it becomes a demand location, which other tests see on the start page
        tag = "csv" + UUID.randomUUID().toString().substring(0, 8);
    }

    int statusOf(String path, byte[] csv) throws Exception {
        return mvc.perform(multipart(path).file(new MockMultipartFile("file", "x.csv", "text/csv", csv)).param("location", tag).param("channel", "PHONE")
                .with(user("p").roles("ADMIN")).with(csrf())).andReturn().getResponse().getStatus();
    }

    String page(String path, byte[] csv) throws Exception {
        return mvc.perform(multipart(path).file(new MockMultipartFile("file", "x.csv", "text/csv", csv)).param("location", tag).param("channel", "PHONE")
                .with(user("p").roles("ADMIN")).with(csrf()).header("Accept-Language", "en")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    long interactions() {
        return jdbc.sql("select count(*) from interaction where source_id like :t").param("t", tag + "%").query(Long.class).single();
    }

    @Test
    void interactionsMalformedQuotedHeaderIsNot500() throws Exception {
        assertThat(statusOf("/interactions/import", ("\"sourceId\"x,touchpoint,at\n" + tag + "-1," + touchpoint + ",2026-03-02T09:00:00Z\n").getBytes(StandardCharsets.UTF_8))).isEqualTo(200);
    }

    @Test
    void demandMalformedQuotedHeaderIsNot500() throws Exception {
        assertThat(statusOf("/demand/import", "\"date\"x,interval_start,offered\n2026-06-01,09:00,5\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(200);
    }

    @Test
    void interactionsBomAccepted() throws Exception {
        byte[] text = ("\uFEFFsourceId,touchpoint,at\n" + tag + "-1," + touchpoint + ",2026-03-02T09:00:00Z\n").getBytes(StandardCharsets.UTF_8);
        page("/interactions/import", text);
        assertThat(interactions()).isEqualTo(1);
    }

    @Test
    void demandBomAccepted() throws Exception {
        page("/demand/import", "\uFEFFdate,interval_start,offered\n2026-06-01,09:00,5\n".getBytes(StandardCharsets.UTF_8));
        assertThat(jdbc.sql("select count(*) from demand_volume where location = :l").param("l", tag).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void demandLatin1NotStored() throws Exception {
        page("/demand/import", "date,interval_start,offered,location\n2026-06-01,09:15,4,Café Utrecht\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(jdbc.sql("select count(*) from demand_volume where location like 'Caf%Utrecht'").query(Long.class).single()).isZero();
    }

    @Test
    void interactionsTwoAtColumnsRefused() throws Exception {
        page("/interactions/import", ("sourceId,touchpoint,at,at\n" + tag + "-1," + touchpoint + ",2026-03-02T09:00:00Z,2026-03-03T09:00:00Z\n").getBytes(StandardCharsets.UTF_8));
        assertThat(interactions()).isZero();
    }

    @Test
    void interactionsExtraFieldRejected() throws Exception {
        page("/interactions/import", ("sourceId,touchpoint,at\n" + tag + "-1," + touchpoint + ",2026-03-02T09:00:00Z,extra\n").getBytes(StandardCharsets.UTF_8));
        assertThat(interactions()).isZero();
    }

    @Test
    void interactionsColumnsNotReadAreNamedOnThePage() throws Exception {
        String result = page("/interactions/import", ("sourceId,touchpoint,at,persoon\n" + tag + "-1," + touchpoint + ",2026-03-02T09:00:00Z,x\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(result).contains("Columns not read (not one of sourceId,touchpoint,at,person,kind,reason,reasonCode,staff,team,topic): persoon.");
        assertThat(interactions()).isEqualTo(1);
    }

    private String created(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = mvc.perform(request.with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
