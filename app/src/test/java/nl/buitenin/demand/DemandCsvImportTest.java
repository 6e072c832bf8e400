package nl.buitenin.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.demand.internal.volume.VolumeCsv;
import nl.buitenin.demand.internal.volume.VolumeImport;
import nl.buitenin.journey.Channel;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.testing.DatabaseTest;

/**
 * The demand counts import answers every file clearly, on H2 and PostgreSQL: nothing is stored from a file that is
 * refused, and every refusal names its line (and column).
 */
@DatabaseTest
@AutoConfigureMockMvc
class DemandCsvImportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    VolumeImport volumeImport;
    @Autowired
    JdbcClient jdbc;

    final String location = "Csv-" + UUID.randomUUID().toString().substring(0, 8);

    VolumeImport.Report importBytes(byte[] bytes) throws IOException {
        return volumeImport.importCsv(CsvInput.utf8(new ByteArrayInputStream(bytes)), Channel.PHONE, location);
    }

    VolumeImport.Report importText(String text) throws IOException {
        return importBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    long stored(String where) {
        return jdbc.sql("select count(*) from demand_volume where location = :l").param("l", where).query(Long.class).single();
    }

    @Test
    void aMalformedQuotedHeaderIsReportedOnLineOneAndNothingStored() throws Exception {
        VolumeImport.Report report = importText("\"date\"x,interval_start,offered\n2026-06-01,09:00,5\n");
        assertThat(report.stored()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.key()).isEqualTo("platform.invalid.csv.quote");
        });
        assertThat(stored(location)).isZero();
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        VolumeImport.Report report = importText("\uFEFFdate,interval_start,offered\n2026-06-01,09:00,5\n");
        assertThat(report.errors()).isEmpty();
        assertThat(report.recorded().inserted()).isEqualTo(1);
    }

    @Test
    void latin1IsRefusedByNameInsteadOfStartingASeriesWithAReplacementCharacter() throws Exception {
        String csv = "date,interval_start,offered,location\n2026-06-01,09:00,5," + location + "\n2026-06-01,09:15,4,Café Utrecht\n";
        VolumeImport.Report report = importBytes(csv.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(report.stored()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.key()).isEqualTo("platform.invalid.csv.notUtf8");
            assertThat(e.args()).containsExactly("0xE9", "Café Utrecht");
        });
        assertThat(jdbc.sql("select count(*) from demand_volume where location like 'Caf%Utrecht'").query(Long.class).single()).isZero();
        assertThat(stored(location)).isZero();
    }

    @Test
    void aColumnGivenTwiceIsRefusedByNameWhateverItsCase() throws Exception {
        VolumeImport.Report report = importText("date,interval_start,offered,Offered\n2026-06-01,09:00,5,6\n");
        assertThat(report.stored()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.key()).isEqualTo("platform.invalid.csv.duplicateColumn");
            assertThat(e.args()).containsExactly("Offered", "3", "4");
        });
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderIsRejectedByLine() throws Exception {
        VolumeImport.Report report = importText("date,interval_start,offered\n2026-06-01,09:00,5\n2026-06-01,09:15,5,6\n");
        assertThat(report.stored()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.key()).isEqualTo("platform.invalid.csv.fieldCount");
        });
    }

    @Test
    void aHeaderWithoutRowsIsRefusedLikeEveryImport() {
        try {
            importText("date,interval_start,offered\n");
            throw new AssertionError("not refused");
        } catch (InvalidInputException e) {
            assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.key()).isEqualTo("platform.invalid.csv.noRows"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void columnsThatAreNotReadAreNamed() throws Exception {
        VolumeImport.Report report = importText("date,interval_start,offered,weekday\n2026-06-01,09:00,5,Mon\n");
        assertThat(report.stored()).isTrue();
        assertThat(report.unknownColumns()).containsExactly("weekday");
    }

    @Test
    void futureAndFarPastIntervalsAreRefusedWithTheSameMessagesAsTheApi() throws Exception {
        VolumeImport.Report report = importText("interval_start,offered\n2099-06-01T09:00:00Z,5\n1970-01-01T00:00:00Z,3\n"
                + "2026-06-01T09:00:00Z,4\n");
        assertThat(report.stored()).isFalse();
        assertThat(report.errors()).extracting(VolumeCsv.RowError::line).containsExactly(2L, 3L);
        assertThat(report.errors()).extracting(VolumeCsv.RowError::key)
                .containsExactly("platform.invalid.time.future", "platform.invalid.time.tooEarly");
        assertThat(report.errors()).extracting(VolumeCsv.RowError::column).containsOnly("interval_start");

        String body = "{\"volumes\": [{\"channel\": \"PHONE\", \"location\": \"" + location + "\", \"intervalStart\": \"2099-06-01T09:00:00Z\", "
                + "\"offered\": 5}]}";
        mvc.perform(post("/api/v1/demand/volumes").with(user("p").roles("PLANNER")).with(csrf()).header("Accept-Language", "nl")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("volumes[0].intervalStart"))
                .andExpect(jsonPath("$.errors[0].message").value("'2099-06-01T09:00:00Z' ligt in de toekomst"));
        assertThat(stored(location)).isZero();
    }

    @Test
    void rowsThatAddUpBeyondACountAreRefusedByLineInsteadOfOverflowing() throws Exception {
        VolumeImport.Report report = importText("date,interval_start,offered\n2026-06-01,09:00,9223372036854775000\n"
                + "2026-06-01,09:05,9223372036854775000\n");
        assertThat(report.stored()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("offered");
            assertThat(e.key()).isEqualTo("demand.invalid.sumTooLarge");
        });
    }

    @Test
    void thePageTellsARefusedFileInTheReadersLanguage() throws Exception {
        byte[] latin1 = ("date,interval_start,offered,location\n2026-06-01,09:15,4,Café Utrecht\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(upload(latin1, "nl")).contains("is geen UTF-8-tekst").contains("Café Utrecht");
        assertThat(upload(latin1, "en")).contains("is not UTF-8 text").contains("Windows-1252");
        byte[] headerOnly = "date,interval_start,offered\n".getBytes(StandardCharsets.UTF_8);
        assertThat(upload(headerOnly, "nl")).contains("heeft een kopregel maar geen rijen");
        assertThat(upload(headerOnly, "en")).contains("has a header but no rows");
        byte[] quoted = "\"date\"x,interval_start,offered\n2026-06-01,09:00,5\n".getBytes(StandardCharsets.UTF_8);
        assertThat(upload(quoted, "en")).contains("a quoted value is followed by other characters");
    }

    private String upload(byte[] csv, String language) throws Exception {
        return mvc.perform(multipart("/demand/import").file(new MockMultipartFile("file", "aantallen.csv", "text/csv", csv))
                        .param("location", location).with(user("p").roles("PLANNER")).with(csrf()).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
