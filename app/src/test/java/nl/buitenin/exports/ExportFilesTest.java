package nl.buitenin.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.insight.Intervals;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.AnswerBatches;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;

/**
 * The CSV and XLSX downloads read back with commons-csv and fastexcel's reader: scores per touchpoint and week equal the
 * scores API and the journey map (and an NPS computed here), a small week is hidden in both files alike; comments come
 * per week, a small week gives one "hidden" row and none of its texts, and a comment with a comma, quotes, a line break
 * and an accent comes back as written.
 */
@DatabaseTest
@AutoConfigureMockMvc
class ExportFilesTest {

    /** Monday 5 October 2026 and the Monday after. */
    static final LocalDate WEEK_A = LocalDate.of(2026, 10, 5);
    static final LocalDate WEEK_B = WEEK_A.plusWeeks(1);
    static final String TRICKY = "Goed, maar \"koud\"\nen nat in het café";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    AnswerBatches batches;
    @Autowired
    Organisations organisations;
    @Autowired
    EventPublicationRegistry registry;

    TouchpointId touchpoint;
    String touchpointName;

    @BeforeEach
    void answers() throws Exception {
        JdbcJourneys journeys = context.getBean(JdbcJourneys.class);
        touchpointName = Unique.name("Bagagevervoer");
        touchpoint = journeys.addTouchpoint(journeys.addStage(journeys.createJourney(new Names(Unique.name("Reis"), Unique.name("Trip"))),
                new Names("Onderweg", "On the way")), new Names(touchpointName, Unique.name("Luggage")), Channel.LOCATION, null);
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        context.getBean(JdbcSurveys.class).add(survey);
        ZoneId zone = organisations.current().timeZone();
        List<AnswerBatches.AnswerInput> items = new ArrayList<>();
        // Week A: six answers, four promoters (10), one passive (8), one detractor (3): NPS (4 - 1) / 6 = 50.
        int[] scoresA = {10, 10, 10, 10, 8, 3};
        for (int i = 0; i < scoresA.length; i++) {
            String comment = i == 0 ? TRICKY : "Opmerking A" + i + " over de koffers";
            items.add(item(survey, WEEK_A.plusDays(i % 5).atTime(10, 0).atZone(zone).toInstant(), scoresA[i], comment));
        }
        // Week B: two answers, fewer than the small-cell minimum of five.
        items.add(item(survey, WEEK_B.plusDays(1).atTime(11, 0).atZone(zone).toInstant(), 9, "Geheim B1 van een van twee"));
        items.add(item(survey, WEEK_B.plusDays(2).atTime(11, 0).atZone(zone).toInstant(), 2, "Geheim B2 van een van twee"));
        EventsHandled handled = EventsHandled.since(registry);
        batches.ingest(items);
        handled.await();
    }

    private AnswerBatches.AnswerInput item(Survey survey, Instant at, int nps, String comment) {
        return new AnswerBatches.AnswerInput("export-" + UUID.randomUUID(), survey.id().toString(), touchpoint.value().toString(),
                at.toString(), null, "nl", Map.of("nps", List.of(Integer.toString(nps)), "beter", List.of(comment)));
    }

    @Test
    void scoresPerWeekEqualTheApiAndTheMapAndHideTheSmallWeekInBothFiles() throws Exception {
        MockHttpServletResponse csv = download("/api/v1/exports/scores.csv");
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).contains("attachment").contains("buitenin-scores-2026-10-05-2026-10-18.csv");
        String text = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("touchpoint,touchpoint_id,question,scale,week,n,score,lower,upper,hidden,fewer_than\r\n");
        List<CSVRecord> rows = csv(text);
        assertThat(rows).hasSize(2);
        CSVRecord a = rows.get(0);
        CSVRecord b = rows.get(1);
        assertThat(a.get("touchpoint")).isEqualTo(touchpointName);
        assertThat(a.get("question")).isEqualTo("nps");
        assertThat(a.get("week")).isEqualTo("2026-10-05");
        assertThat(a.get("n")).isEqualTo("6");
        assertThat(new BigDecimal(a.get("score"))).isEqualByComparingTo("50");
        assertThat(a.get("hidden")).isEqualTo("false");
        assertThat(b.get("week")).isEqualTo("2026-10-12");
        assertThat(b.get("hidden")).isEqualTo("true");
        assertThat(b.get("fewer_than")).isEqualTo("5");
        assertThat(List.of(b.get("n"), b.get("score"), b.get("lower"), b.get("upper"))).as("nothing of the small week").containsOnly("");

        // The same figures as the scores API and an interval computed here.
        String json = mvc.perform(get("/api/v1/scores").param("touchpoint", touchpoint.toString()).param("from", "2026-10-05")
                .param("to", "2026-10-18").with(user("anouk").roles("ANALYST"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(new BigDecimal(a.get("lower"))).isEqualByComparingTo(JsonPath.read(json, "$[0].lower").toString());
        assertThat(new BigDecimal(a.get("upper"))).isEqualByComparingTo(JsonPath.read(json, "$[0].upper").toString());
        assertThat(Double.parseDouble(a.get("lower"))).isCloseTo(Intervals.nps(4, 1, 1).lower(), org.assertj.core.data.Offset.offset(0.006));
        assertThat((Boolean) JsonPath.read(json, "$[1].hidden")).isTrue();

        // And as the journey map shows the week.
        String page = mvc.perform(get("/insight/journey-map").param("from", "2026-10-05").param("to", "2026-10-11")
                        .with(user("anouk").roles("ANALYST")).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("n = 6").contains("50.0 (95%: " + String.format(Locale.ENGLISH, "%.1f", Double.parseDouble(a.get("lower")))
                + " to " + String.format(Locale.ENGLISH, "%.1f", Double.parseDouble(a.get("upper"))) + ")");

        // The workbook holds the same cells, numbers as numbers.
        MockHttpServletResponse xlsx = download("/api/v1/exports/scores.xlsx");
        assertThat(xlsx.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<List<String>> sheet = sheet(xlsx.getContentAsByteArray());
        assertThat(sheet.get(0)).containsExactly("touchpoint", "touchpoint_id", "question", "scale", "week", "n", "score", "lower", "upper",
                "hidden", "fewer_than");
        assertThat(sheet.subList(1, sheet.size())).hasSize(2);
        for (int r = 0; r < 2; r++) {
            List<String> cells = sheet.get(r + 1);
            CSVRecord row = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                String name = sheet.get(0).get(c);
                if (Stream.of("n", "score", "lower", "upper", "fewer_than").anyMatch(name::equals) && !row.get(c).isEmpty()) {
                    assertThat(new BigDecimal(cells.get(c))).as(name).isEqualByComparingTo(row.get(c));
                } else {
                    assertThat(cells.get(c)).as(name).isEqualToIgnoringCase(row.get(c));
                }
            }
        }
    }

    @Test
    void commentsComePerWeekAndASmallWeekGivesNoneOfItsTexts() throws Exception {
        MockHttpServletResponse csv = download("/api/v1/exports/comments.csv");
        String text = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("touchpoint,touchpoint_id,week,answered_on,question,comment,hidden,fewer_than\r\n");
        assertThat(text).doesNotContain("Geheim");
        List<CSVRecord> rows = csv(text).stream().filter(r -> r.get("touchpoint_id").equals(touchpoint.toString())).toList();
        assertThat(rows).hasSize(7);
        assertThat(rows.subList(0, 6)).allSatisfy(r -> {
            assertThat(r.get("week")).isEqualTo("2026-10-05");
            assertThat(r.get("hidden")).isEqualTo("false");
            assertThat(r.get("question")).isEqualTo("beter");
        });
        assertThat(rows.subList(0, 6)).extracting(r -> r.get("comment")).contains(TRICKY).contains("Opmerking A5 over de koffers");
        CSVRecord hidden = rows.get(6);
        assertThat(hidden.get("week")).isEqualTo("2026-10-12");
        assertThat(hidden.get("hidden")).isEqualTo("true");
        assertThat(hidden.get("fewer_than")).isEqualTo("5");
        assertThat(hidden.get("comment")).isEmpty();

        List<List<String>> sheet = sheet(download("/api/v1/exports/comments.xlsx").getContentAsByteArray());
        assertThat(sheet.stream().flatMap(List::stream)).contains(TRICKY).noneMatch(cell -> cell.contains("Geheim"));
    }

    /**
     * Comments of known people: read under service improvement once per person for the whole file (two comments, one
     * logged read), and left out when the purpose refuses them (past its retention of 36 months), with the refusal logged.
     */
    @Test
    void commentsOfPeopleAreReadOncePerPersonAndLeftOutPastRetention() throws Exception {
        ZoneId zone = organisations.current().timeZone();
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        context.getBean(JdbcSurveys.class).add(survey);
        LocalDate recentWeek = LocalDate.of(2026, 9, 7);
        LocalDate oldWeek = LocalDate.of(2022, 9, 5);
        List<String> recent = persons(5);
        List<String> old = persons(5);
        List<AnswerBatches.AnswerInput> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(item(survey, recentWeek.plusDays(i).atTime(10, 0).atZone(zone).toInstant(), recent.get(i), "Recent " + i + " van nu"));
            items.add(item(survey, oldWeek.plusDays(i).atTime(10, 0).atZone(zone).toInstant(), old.get(i), "Oud " + i + " van toen"));
        }
        // The first person of the recent week answered twice that week.
        items.add(item(survey, recentWeek.plusDays(4).atTime(15, 0).atZone(zone).toInstant(), recent.get(0), "Recent 0 nog eens"));
        EventsHandled handled = EventsHandled.since(registry);
        batches.ingest(items);
        handled.await();

        String text = mvc.perform(get("/api/v1/exports/comments.csv").param("from", oldWeek.toString()).param("to", recentWeek.plusDays(6).toString())
                .with(user("anouk").roles("ANALYST"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> rows = csv(text).stream().filter(r -> r.get("touchpoint_id").equals(touchpoint.toString())).toList();
        assertThat(rows).extracting(r -> r.get("comment")).containsExactlyInAnyOrder("Recent 0 van nu", "Recent 1 van nu", "Recent 2 van nu",
                "Recent 3 van nu", "Recent 4 van nu", "Recent 0 nog eens").noneMatch(comment -> comment.startsWith("Oud"));
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        for (String person : recent) {
            assertThat(jdbc.sql("select count(*) from privacy_access_log where person_key = :p and purpose_id = 'service-improvement' "
                    + "and what = 'comments export' and refusal is null").param("p", person).query(Long.class).single())
                    .as("one logged read per person and file").isEqualTo(1);
        }
        for (String person : old) {
            assertThat(jdbc.sql("select count(*) from privacy_access_log where person_key = :p and purpose_id = 'service-improvement' "
                    + "and what = 'comments export' and refusal is not null").param("p", person).query(Long.class).single())
                    .as("one logged refusal per person and file").isEqualTo(1);
        }
    }

    private AnswerBatches.AnswerInput item(Survey survey, Instant at, String person, String comment) {
        return new AnswerBatches.AnswerInput("export-" + UUID.randomUUID(), survey.id().toString(), touchpoint.value().toString(),
                at.toString(), person, "nl", Map.of("nps", List.of("7"), "beter", List.of(comment)));
    }

    private static List<String> persons(int n) {
        java.util.Random random = new java.util.Random();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder key = new StringBuilder("p_");
            for (int c = 0; c < 26; c++) {
                key.append("abcdefghijklmnopqrstuvwxyz234567".charAt(random.nextInt(32)));
            }
            keys.add(key.toString());
        }
        return keys;
    }

    private MockHttpServletResponse download(String path) throws Exception {
        return mvc.perform(get(path).param("touchpoint", touchpoint.toString()).param("from", "2026-10-05").param("to", "2026-10-18")
                .with(user("anouk").roles("ANALYST"))).andExpect(status().isOk()).andReturn().getResponse();
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    /** The sheet's cells as text: numbers in plain digits, dates (weeks, days) as 2026-10-05, booleans as true or false. */
    private static List<List<String>> sheet(byte[] bytes) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes)); Stream<Row> read = workbook.getFirstSheet().openStream()) {
            read.forEach(row -> {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    Cell cell = row.getCell(c);
                    String name = rows.isEmpty() ? "" : rows.get(0).get(c);
                    if (cell == null || cell.getType() == CellType.EMPTY) {
                        cells.add("");
                    } else if (cell.getType() == CellType.NUMBER && (name.equals("week") || name.equals("answered_on"))) {
                        cells.add(cell.asDate().toLocalDate().toString());
                    } else if (cell.getType() == CellType.NUMBER) {
                        cells.add(cell.asNumber().stripTrailingZeros().toPlainString());
                    } else if (cell.getType() == CellType.BOOLEAN) {
                        cells.add(cell.asBoolean().toString());
                    } else {
                        cells.add(cell.asString());
                    }
                }
                rows.add(cells);
            });
        }
        return rows;
    }
}
