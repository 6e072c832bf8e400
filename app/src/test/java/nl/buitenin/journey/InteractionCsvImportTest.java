package nl.buitenin.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import org.springframework.modulith.events.core.EventPublicationRegistry;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.journey.internal.CsvImport;
import nl.buitenin.offers.internal.InterestBook;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;

/**
 * The interactions CSV import answers every file clearly: broken quotes, a column twice, a row with too many fields,
 * Latin-1 text and a header without rows are refused by name and line; a byte order mark is fine; a time in the future
 * or before 2000 is refused with the same message as in the API.
 */
@DatabaseTest
@AutoConfigureMockMvc
class InteractionCsvImportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CsvImport csvImport;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    InterestBook interests;
    @Autowired
    EventPublicationRegistry registry;

    String touchpoint;
    String tag;

    @BeforeEach
    void journeyWithOneTouchpoint() throws Exception {
        String journey = created(post("/api/v1/journeys"), "{\"nameNl\":\"" + Unique.name("Boeken") + "\",\"nameEn\":\"" + Unique.name("Booking") + "\"}");
        String stage = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Boeken\",\"nameEn\":\"Book\"}");
        touchpoint = created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"Winkel\",\"nameEn\":\"Shop\",\"channel\":\"location\",\"location\":\"Utrecht\"}");
        tag = UUID.randomUUID().toString();
    }

    CsvImport.Report importBytes(byte[] bytes) {
        return csvImport.importCsv(CsvInput.utf8(new ByteArrayInputStream(bytes)));
    }

    CsvImport.Report importText(String text) {
        return importBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    long stored() {
        return jdbc.sql("select count(*) from interaction where source_id like :t").param("t", tag + "%").query(Long.class).single();
    }

    static InvalidInputException.FieldError refusal(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            assertThat(e.errors()).hasSize(1);
            return e.errors().get(0);
        }
        throw new AssertionError("the file was not refused");
    }

    @Test
    void aMalformedQuotedHeaderIsRefusedNamingLineOneInsteadOfFailing() {
        String csv = "\"sourceId\"x,touchpoint,at\n" + tag + "-1," + touchpoint + ",2026-03-02T09:00:00Z\n";
        InvalidInputException.FieldError error = refusal(() -> importText(csv));
        assertThat(error.field()).isEqualTo("line 1");
        assertThat(error.key()).isEqualTo("platform.invalid.csv.quote");
        assertThat(stored()).isZero();
    }

    @Test
    void anUnclosedQuoteIsRefusedNamingTheLineItOpensOn() {
        String csv = "sourceId,touchpoint,at\n" + tag + "-1," + touchpoint + ",2026-03-02T09:00:00Z\n\"" + tag + "-2," + touchpoint
                + ",2026-03-02T09:00:00Z\n" + tag + "-3," + touchpoint + ",2026-03-02T09:00:00Z\n";
        InvalidInputException.FieldError error = refusal(() -> importText(csv));
        assertThat(error.field()).isEqualTo("line 3");
        assertThat(error.key()).isEqualTo("platform.invalid.csv.unclosedQuote");
    }

    @Test
    void aByteOrderMarkIsAccepted() {
        byte[] text = ("sourceId,touchpoint,at\n" + tag + "-1," + touchpoint + ",2026-03-02T09:00:00Z\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        CsvImport.Report report = importBytes(withBom);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejected()).isEmpty();
    }

    @Test
    void latin1TextIsRefusedNamingTheLineAndNothingIsStored() {
        byte[] latin1 = ("sourceId,touchpoint,at\n" + tag + "-1," + touchpoint + ",2026-03-02T09:00:00Z\n" + tag + "-Café," + touchpoint
                + ",2026-03-02T09:00:00Z\n").getBytes(StandardCharsets.ISO_8859_1);
        InvalidInputException.FieldError error = refusal(() -> importBytes(latin1));
        assertThat(error.field()).isEqualTo("line 3");
        assertThat(error.key()).isEqualTo("platform.invalid.csv.notUtf8");
        assertThat(error.args()).containsExactly("0xE9", tag + "-Café");
        assertThat(stored()).isZero();
    }

    @Test
    void aColumnGivenTwiceIsRefusedByName() {
        String csv = "sourceId,touchpoint,at,at\n" + tag + "-1," + touchpoint + ",2026-03-02T09:00:00Z,2026-03-03T09:00:00Z\n";
        InvalidInputException.FieldError error = refusal(() -> importText(csv));
        assertThat(error.field()).isEqualTo("line 1");
        assertThat(error.key()).isEqualTo("platform.invalid.csv.duplicateColumn");
        assertThat(error.args()).containsExactly("at", "3", "4");
        assertThat(stored()).isZero();
    }

    @Test
    void aRowWithMoreOrFewerFieldsThanTheHeaderIsRejectedByLineAndTheOthersTaken() {
        String csv = "sourceId,touchpoint,at\n" + tag + "-1," + touchpoint + ",2026-03-02T09:00:00Z\n"
                + tag + "-2," + touchpoint + ",2026-03-02T09:00:00Z,extra\n"
                + tag + "-3," + touchpoint + "\n";
        CsvImport.Report report = importText(csv);
        assertThat(report.rows()).isEqualTo(3);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejected()).extracting(CsvImport.RowError::line).containsExactly(3L, 4L);
        assertThat(report.rejected()).extracting(CsvImport.RowError::key).containsOnly("platform.invalid.csv.fieldCount");
        assertThat(report.rejected().get(0).message()).isEqualTo("has 4 fields where the header has 3; put a value in double quotes when it holds a comma");
    }

    @Test
    void anOptionalReasonColumnIsStoredAndABadReasonIsRejectedNamingLineAndColumn() {
        String csv = "sourceId,touchpoint,at,Reason,reasonCode\n"
                + tag + "-1," + touchpoint + ",2026-03-02T09:00:00Z,\"Waar blijft de bevestiging, al een week\",chase\n"
                + tag + "-2," + touchpoint + ",2026-03-02T09:00:00Z,,\n"
                + tag + "-3," + touchpoint + ",2026-03-02T09:00:00Z," + "x".repeat(1001) + ",\n"
                + tag + "-4," + touchpoint + ",2026-03-02T09:00:00Z,prima,met spatie\n";
        CsvImport.Report report = importText(csv);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.unknownColumns()).isEmpty();
        assertThat(report.rejected()).extracting(CsvImport.RowError::line).containsExactly(4L, 5L);
        assertThat(report.rejected()).extracting(CsvImport.RowError::column).containsExactly("reason", "reasonCode");
        assertThat(report.rejected().get(0).message()).isEqualTo("must be at most 1000 characters");
        assertThat(jdbc.sql("select reason || '|' || reason_code from interaction where source_id = :s").param("s", tag + "-1")
                .query(String.class).single()).isEqualTo("Waar blijft de bevestiging, al een week|chase");
        assertThat(jdbc.sql("select count(*) from interaction where source_id = :s and reason is null").param("s", tag + "-2")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anOptionalTopicColumnFeedsTheInterestsAsTheApiDoesAndABadTopicIsRejectedNamingLineAndColumn() throws Exception {
        PersonKey traveller = persons.register("reiziger-" + UUID.randomUUID(), new ContactDetails("Mila", "mila@voorbeeld.nl", null));
        consents.give(traveller, PurposeId.OFFERS, "test");
        String csv = "sourceId,touchpoint,at,person,kind,Topic\n"
                + tag + "-1," + touchpoint + ",2026-03-02T09:00:00Z," + traveller.value() + ",purchase,Cuba\n"
                + tag + "-2," + touchpoint + ",2026-03-02T09:00:00Z,,,\n"
                + tag + "-3," + touchpoint + ",2026-03-02T09:00:00Z,,,<Cuba>\n"
                + tag + "-4," + touchpoint + ",2026-03-02T09:00:00Z,,," + "x".repeat(101) + "\n";
        EventsHandled handled = EventsHandled.since(registry);
        CsvImport.Report report = importText(csv);
        handled.await();

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.unknownColumns()).isEmpty();
        assertThat(report.rejected()).extracting(CsvImport.RowError::line).containsExactly(4L, 5L);
        assertThat(report.rejected()).extracting(CsvImport.RowError::column).containsExactly("topic", "topic");
        assertThat(report.rejected()).extracting(CsvImport.RowError::key).containsOnly("journey.invalid.topic");
        assertThat(report.rejected().get(0).message())
                .isEqualTo("'<Cuba>' is not a topic: 1 to 100 letters, digits, spaces and . - & ' ( ) / : (starting with a letter or digit)");
        // The booking's topic reached the traveller's interests (offers listens to the same event as for the API).
        assertThat(interests.of(traveller, java.time.Instant.parse("2026-03-03T09:00:00Z")))
                .extracting(InterestBook.Current::topic, InterestBook.Current::counts).containsExactly(org.assertj.core.groups.Tuple.tuple("Cuba", true));
    }

    @Test
    void aHeaderWithoutRowsIsRefused() {
        InvalidInputException.FieldError error = refusal(() -> importText("sourceId,touchpoint,at\n\n"));
        assertThat(error.key()).isEqualTo("platform.invalid.csv.noRows");
    }

    @Test
    void columnsThatAreNotReadAreNamedInTheReport() {
        String csv = "sourceId,touchpoint,at,persoon\n" + tag + "-1," + touchpoint + ",2026-03-02T09:00:00Z,p_abcdefghijklmnopqrstuvwxyz\n";
        CsvImport.Report report = importText(csv);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.unknownColumns()).containsExactly("persoon");
    }

    @Test
    void futureAndFarPastTimesAreRefusedLikeTheApiDoes() throws Exception {
        String csv = "sourceId,touchpoint,at\n" + tag + "-1," + touchpoint + ",2099-03-02T09:00:00Z\n" + tag + "-2," + touchpoint
                + ",1970-01-01T00:00:00Z\n" + tag + "-3," + touchpoint + ",2026-03-02T09:00:00Z\n";
        CsvImport.Report report = importText(csv);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejected()).extracting(CsvImport.RowError::key)
                .containsExactly("platform.invalid.time.future", "platform.invalid.time.tooEarly");
        assertThat(report.rejected().get(0).message()).isEqualTo("'2099-03-02T09:00:00Z' lies in the future");

        String key = apiKeys.issue("till " + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        String body = "{\"items\":[{\"sourceId\":\"" + tag + "-api\",\"touchpoint\":\"" + touchpoint + "\",\"at\":\"2099-03-02T09:00:00Z\"}]}";
        String answer = mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + key).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rejected").value(1)).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(answer, "$.items[0].errors[0].message")).isEqualTo(report.rejected().get(0).message());
    }

    @Test
    void thePageTellsABrokenFileInTheReadersLanguage() throws Exception {
        byte[] csv = ("\"sourceId\"x,touchpoint,at\n" + tag + "-1," + touchpoint + ",2026-03-02T09:00:00Z\n").getBytes(StandardCharsets.UTF_8);
        String dutch = upload(csv, "nl");
        assertThat(dutch).contains("line 1").contains("na een waarde tussen aanhalingstekens staan nog andere tekens");
        String english = upload(csv, "en");
        assertThat(english).contains("a quoted value is followed by other characters before the next comma");

        byte[] latin1 = ("sourceId,touchpoint,at\n" + tag + "-Café," + touchpoint + ",2026-03-02T09:00:00Z\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(upload(latin1, "nl")).contains("line 2").contains("is geen UTF-8-tekst").contains("Latin-1");
        assertThat(upload(latin1, "en")).contains("is not UTF-8 text").contains("Windows-1252");
    }

    private String upload(byte[] csv, String language) throws Exception {
        return mvc.perform(multipart("/interactions/import").file(new MockMultipartFile("file", "contacten.csv", "text/csv", csv))
                        .with(user("anouk").roles("ANALYST")).with(csrf()).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String created(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = mvc.perform(request.with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
