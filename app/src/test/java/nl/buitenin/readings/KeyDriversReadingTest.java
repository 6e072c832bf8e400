package nl.buitenin.readings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.LocalizedText;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.listening.internal.answers.GivenAnswer;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.readings.internal.DriverReading;
import nl.buitenin.readings.internal.DriverReport;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * Key drivers on the server: answers stored through listening's one completion path, generated from known weights on
 * correlated questions, read back through ScoredResponses; the heaviest question comes out on top, the shares add up
 * to 1, the performance is each question's plain mean; too few answers are withheld with the reason; the API names a
 * wrong field in the reader's language and refuses an agent.
 */
@DatabaseTest
@AutoConfigureMockMvc
class KeyDriversReadingTest {

    private static final LocalDate FROM = LocalDate.of(2025, 3, 1);
    private static final LocalDate TO = LocalDate.of(2025, 5, 31);

    @Autowired
    DriverReading reading;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    Completions completions;
    @Autowired
    Organisations organisations;
    @Autowired
    MockMvc mvc;

    @Test
    void findsTheHeaviestQuestionWithSharesThatAddUpToOne() {
        Survey survey = survey();
        Random random = new Random(7);
        double[] sums = new double[3];
        for (int i = 0; i < 240; i++) {
            int[] scores = respondent(random);
            for (int j = 0; j < 3; j++) {
                sums[j] += scores[j + 1];
            }
            answer(survey, FROM.plusDays(i % 90), scores);
        }
        answer(survey, FROM.minusDays(1), new int[] {0, 5, 5, 5}); // before the period: not read
        answer(survey, TO.plusDays(1), new int[] {10, 1, 1, 1}); // after it: not read

        DriverReport report = reading.read(survey.id(), null, FROM, TO);

        assertThat(report.shown()).isTrue();
        assertThat(report.outcome().key()).isEqualTo("nps");
        assertThat(report.responses()).isEqualTo(240);
        assertThat(report.complete()).isEqualTo(240);
        assertThat(report.drivers()).extracting(d -> d.question().key()).containsExactly("guide", "route", "info");
        assertThat(report.drivers().stream().mapToDouble(DriverReport.Driver::importance).sum()).isCloseTo(1, within(1e-9));
        DriverReport.Driver guide = report.drivers().get(0);
        assertThat(guide.importanceLow()).isLessThan(guide.importance()).isGreaterThan(report.drivers().get(1).importance());
        assertThat(guide.importanceHigh()).isGreaterThan(guide.importance());
        assertThat(guide.performance()).isCloseTo(sums[1] / 240, within(1e-9));
        assertThat(guide.performanceShare()).isCloseTo(100 * (sums[1] / 240 - 1) / 4, within(1e-9));
        assertThat(guide.performanceLow()).isLessThan(guide.performance());
        // The guide weighs most and scores lowest (its level is set lowest): fix first.
        assertThat(guide.quadrant()).isEqualTo(DriverReport.Quadrant.FIX_FIRST);
        // A reading repeats: the bootstrap is seeded.
        assertThat(reading.read(survey.id(), null, FROM, TO).drivers().get(0).importanceLow()).isEqualTo(guide.importanceLow());
    }

    @Test
    void withholdsTooFewAnswersAndReadsTheChosenOverallQuestion() {
        Survey survey = survey();
        Random random = new Random(8);
        for (int i = 0; i < 29; i++) {
            answer(survey, FROM.plusDays(i), respondent(random));
        }
        DriverReport few = reading.read(survey.id(), null, FROM, TO);
        assertThat(few.shown()).isFalse();
        assertThat(few.withheld().reason()).isEqualTo(DriverReport.Reason.TOO_FEW);
        assertThat(few.withheld().needed()).isEqualTo(30);
        assertThat(few.complete()).isEqualTo(29);
        assertThat(few.drivers()).isEmpty();

        answer(survey, FROM.plusDays(40), respondent(random));
        DriverReport enough = reading.read(survey.id(), "route", FROM, TO);
        assertThat(enough.shown()).isTrue();
        assertThat(enough.outcome().key()).isEqualTo("route");
        assertThat(enough.drivers()).extracting(d -> d.question().key()).containsExactlyInAnyOrder("nps", "guide", "info");

        assertThatThrownBy(() -> reading.read(survey.id(), "weather", FROM, TO)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("outcome"));
    }

    @Test
    void theApiGivesTheReadingAndNamesWrongFields() throws Exception {
        Survey survey = survey();
        Random random = new Random(9);
        for (int i = 0; i < 60; i++) {
            answer(survey, FROM.plusDays(i), respondent(random));
        }
        String json = mvc.perform(get("/api/v1/readings/drivers").param("survey", survey.id().value().toString())
                        .param("from", FROM.toString()).param("to", TO.toString()).with(user("anouk").roles("ANALYST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(json, "$.complete")).isEqualTo(60);
        List<Number> shares = JsonPath.read(json, "$.drivers[*].importance");
        assertThat(shares.stream().mapToDouble(Number::doubleValue).sum()).isCloseTo(1, within(1e-9));
        assertThat((String) JsonPath.read(json, "$.outcome.key")).isEqualTo("nps");
        assertThat((Object) JsonPath.read(json, "$.withheld")).isNull();

        mvc.perform(get("/api/v1/readings/drivers").param("from", "7 mei").param("to", TO.toString())
                        .with(user("anouk").roles("ANALYST")).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("survey"))
                .andExpect(jsonPath("$.errors[0].message").value("choose a survey"))
                .andExpect(jsonPath("$.errors[1].field").value("from"))
                .andExpect(jsonPath("$.errors[1].message").value("is not a date like 2026-03-01: 7 mei"));
        mvc.perform(get("/api/v1/readings/drivers").param("survey", survey.id().value().toString()).param("from", TO.toString())
                        .param("to", FROM.toString()).with(user("anouk").roles("ANALYST")).header("Accept-Language", "nl"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].message").value("mag niet vóór de begindatum liggen"));
        mvc.perform(get("/api/v1/readings/drivers").param("survey", "enquête").with(user("anouk").roles("ANALYST"))
                        .header("Accept-Language", "nl"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("survey"))
                .andExpect(jsonPath("$.errors[0].message").value("is geen vragenlijst-id: enquête"));
        mvc.perform(get("/api/v1/readings/drivers").param("survey", survey.id().value().toString()).param("outcome", "weather")
                        .with(user("anouk").roles("ANALYST")).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"))
                .andExpect(jsonPath("$.errors[0].message").value("this survey has no score question ‘weather’"));
        mvc.perform(get("/api/v1/readings/drivers").param("survey", UUID.randomUUID().toString()).with(user("anouk").roles("ANALYST")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/readings/drivers").param("survey", survey.id().value().toString()).with(user("bram").roles("AGENT")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/readings/drivers").with(user("bram").roles("AGENT"))).andExpect(status().isForbidden());
    }

    @Test
    void theReadingIsDocumentedInOpenApi() throws Exception {
        String json = mvc.perform(get("/v3/api-docs").with(user("reader").roles("ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((Object) JsonPath.read(json, "$.paths['/api/v1/readings/drivers'].get")).isNotNull();
        Map<String, Object> driver = JsonPath.read(json, "$.components.schemas.KeyDriver.properties");
        assertThat(driver).containsKeys("question", "importance", "importanceLow", "importanceHigh", "mean", "meanLow", "meanHigh",
                "performance", "quadrant");
        Map<String, Object> reading = JsonPath.read(json, "$.components.schemas.KeyDrivers.properties");
        assertThat(reading).containsKeys("survey", "outcome", "from", "to", "responses", "complete", "rSquared", "withheld", "drivers");
    }

    @Test
    void thePageShowsTheMatrixAndTheTableInWords() throws Exception {
        Survey survey = survey();
        Random random = new Random(10);
        for (int i = 0; i < 90; i++) {
            answer(survey, FROM.plusDays(i), respondent(random));
        }
        for (String language : List.of("nl", "en")) {
            String html = mvc.perform(get("/readings/drivers").param("survey", survey.id().value().toString()).param("from", FROM.toString())
                            .param("to", TO.toString()).with(user("anouk").roles("ANALYST")).header("Accept-Language", language))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String text = VisibleText.of(html);
            assertThat(VisibleText.problems(html)).isEmpty();
            assertThat(html).contains("<svg").contains("drivers-table");
            if (language.equals("nl")) {
                assertThat(text).contains("Hoe tevreden bent u over de gids?", "Eerst verbeteren", "Prioriteitenmatrix", "geen bewijs van oorzaak");
            } else {
                assertThat(text).contains("How satisfied are you with the guide?", "Fix first", "Priority matrix", "not proof of cause");
            }
        }
        String wrong = mvc.perform(get("/readings/drivers").param("survey", survey.id().value().toString()).param("from", "gisteren")
                        .with(user("anouk").roles("ANALYST")).header("Accept-Language", "nl"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(wrong)).contains("is geen datum als 2026-03-01: gisteren");
    }

    /** An NPS question and three CSAT parts; the guide weighs most (0.9, against 0.4 and 0.15) and scores lowest. */
    private Survey survey() {
        SurveyDefinition definition = new SurveyDefinition(new LocalizedText(Unique.name("Reis"), Unique.name("Trip")), LocalizedText.empty(),
                List.of(question("nps", QuestionType.NPS, "Hoe waarschijnlijk is het dat u ons aanbeveelt?", "How likely are you to recommend us?"),
                        question("route", QuestionType.CSAT, "Hoe tevreden bent u over de route?", "How satisfied are you with the route?"),
                        question("guide", QuestionType.CSAT, "Hoe tevreden bent u over de gids?", "How satisfied are you with the guide?"),
                        question("info", QuestionType.CSAT, "Hoe tevreden bent u over de informatie?", "How satisfied are you with the information?")),
                new LocalizedText("Dank u wel.", "Thank you."), List.of(), List.of());
        Survey survey = Survey.draft(definition, Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        return survey;
    }

    /** Scores from known weights on correlated parts: nps, route, guide, info. */
    private static int[] respondent(Random random) {
        double mood = random.nextGaussian();
        double[] weights = {0.4, 0.9, 0.15};
        double[] levels = {0.6, -0.5, 0.3};
        int[] scores = new int[4];
        double verdict = 0;
        for (int j = 0; j < 3; j++) {
            double latent = 0.5 * mood + Math.sqrt(0.75) * random.nextGaussian();
            verdict += weights[j] * latent;
            scores[j + 1] = (int) Math.max(1, Math.min(5, Math.round(3.5 + levels[j] + 0.9 * latent)));
        }
        scores[0] = (int) Math.max(0, Math.min(10, Math.round(7 + 1.4 * (verdict + 0.5 * random.nextGaussian()))));
        return scores;
    }

    private void answer(Survey survey, LocalDate day, int[] scores) {
        ZoneId zone = organisations.current().timeZone();
        Instant at = day.atTime(LocalTime.NOON).atZone(zone).toInstant();
        List<GivenAnswer> given = new ArrayList<>();
        String[] keys = {"nps", "route", "guide", "info"};
        for (int j = 0; j < 4; j++) {
            given.add(GivenAnswer.score(keys[j], scores[j]));
        }
        completions.replay(List.of(Completions.Completion.invitedAndReceived(survey, new TouchpointId(UUID.randomUUID()), null,
                "test:" + UUID.randomUUID(), ResponseChannel.IMPORT, "nl", at.minusSeconds(60), at.plusSeconds(86400), given, at)));
    }

    private static SurveyQuestion question(String key, QuestionType type, String nl, String en) {
        return new SurveyQuestion(key, type, new LocalizedText(nl, en), List.of(), true);
    }

}
