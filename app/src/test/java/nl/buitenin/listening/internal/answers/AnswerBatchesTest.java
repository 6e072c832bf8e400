package nl.buitenin.listening.internal.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.insight.Grouping;
import nl.buitenin.insight.Histogram;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreQuery;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.insight.ScoreSlice;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.internal.CaseRule;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.LocalizedText;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.loop.Cases;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.MonthlyPartitions;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.TestDatabases;
import nl.buitenin.testing.Unique;

/** Answered surveys sent in batches through the API: validated like page answers, counted once, idempotent. */
@DatabaseTest
@AutoConfigureMockMvc
class AnswerBatchesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    ScoreHistograms histograms;
    @Autowired
    Organisations organisations;
    @Autowired
    Cases cases;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventPublicationRegistry events;
    @Autowired
    MonthlyPartitions partitions;
    @Autowired
    org.springframework.modulith.events.core.EventSerializer serializer;

    /**
     * A source sent again with another time stays one response: the source is claimed in listening_response_key, since on
     * PostgreSQL the responses' own key holds their month. There, an answer of a month without its partition waits in
     * the default partitions, response and answers, and both move into the month's partitions, the answers kept, when
     * the partition job makes that month.
     */
    @Test
    void aSourceSentAgainWithAnotherTimeIsADuplicateAndAnOldMonthMovesWithItsAnswers() throws Exception {
        TouchpointId touchpoint = touchpoint();
        Survey survey = publishedSurveyWithDetractorRule();
        String key = apiKeys.issue("answers-" + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        // A month of its own: before any other test's answers, which start in this century's third decade.
        YearMonth old = YearMonth.of(2000 + ThreadLocalRandom.current().nextInt(10), 1 + ThreadLocalRandom.current().nextInt(12));
        OffsetDateTime at = old.atDay(10).atTime(12, 0).atOffset(ZoneOffset.UTC);
        String source = "old-" + UUID.randomUUID();
        String item = "{\"items\": [{\"sourceId\": \"%s\", \"survey\": \"%s\", \"touchpoint\": \"%s\", \"at\": \"%s\", "
                + "\"answers\": {\"nps\": [\"%s\"], \"beter\": [\"Meer rust.\"]}}]}";
        mvc.perform(post("/api/v1/answers").header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                        .content(item.formatted(source, survey.id().value(), touchpoint.value(), at, "9")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
        mvc.perform(post("/api/v1/answers").header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                        .content(item.formatted(source, survey.id().value(), touchpoint.value(), OffsetDateTime.now(ZoneOffset.UTC).minusDays(1)
                                .withNano(0), "2")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.duplicates").value(1));
        assertThat(jdbc.sql("select completed_at from listening_response where source_ref = :s").param("s", "api:" + source)
                .query(OffsetDateTime.class).list()).extracting(OffsetDateTime::toInstant).containsExactly(at.toInstant());
        if (TestDatabases.current() != TestDatabases.Kind.POSTGRES) {
            return;
        }
        String month = String.format("%04d%02d", old.getYear(), old.getMonthValue());
        assertThat(partitionsOf(source)).containsExactlyInAnyOrder("listening_response_default", "listening_answer_default");

        partitions.createAhead(3);

        assertThat(partitionsOf(source)).containsExactlyInAnyOrder("listening_response_p" + month, "listening_answer_p" + month);
        assertThat(jdbc.sql("select a.question_key || '=' || coalesce(cast(a.score as varchar(4)), a.text_value) from listening_answer a "
                        + "join listening_response r on r.id = a.response_id where r.source_ref = :s order by a.question_key")
                .param("s", "api:" + source).query(String.class).list()).containsExactly("beter=Meer rust.", "nps=9");
    }

    /** The partitions the response of a source and its answers lie in, once each. */
    private Set<String> partitionsOf(String source) {
        return Set.copyOf(jdbc.sql("select r.tableoid::regclass::text from listening_response r where r.source_ref = :s union all "
                        + "select a.tableoid::regclass::text from listening_answer a join listening_response r on r.id = a.response_id "
                        + "where r.source_ref = :s")
                .param("s", "api:" + source).query(String.class).list());
    }

    @Test
    void validItemsAreCountedOnceInvalidOnesNamedAndARetryCreatesNothing() throws Exception {
        TouchpointId touchpoint = touchpoint();
        Survey survey = publishedSurveyWithDetractorRule();
        String key = apiKeys.issue("answers-" + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        PersonKey detractor = new PersonKey("p_" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").concat("abcdefghijklmnopqrstuvwxyz").substring(0, 26));
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(0);
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        String batch = """
                {"items": [
                  {"sourceId": "%1$s-1", "survey": "%2$s", "touchpoint": "%3$s", "at": "%4$s",
                   "answers": {"nps": ["9"], "tempo": ["te-snel"], "beter": ["Iets rustiger lopen."]}},
                  {"sourceId": "%1$s-2", "survey": "%2$s", "touchpoint": "%3$s", "at": "%4$s", "person": "%5$s", "language": "en",
                   "answers": {"nps": ["3"]}},
                  {"sourceId": "%1$s-3", "survey": "%2$s", "touchpoint": "%3$s", "at": "%4$s", "answers": {"nps": ["12"]}},
                  {"sourceId": "%1$s-4", "survey": "%2$s", "touchpoint": "%3$s", "at": "gisteren", "answers": {"nps": ["7"]}},
                  {"sourceId": "%1$s-1", "survey": "%2$s", "touchpoint": "%3$s", "at": "%4$s", "answers": {"nps": ["10"]}}
                ]}""".formatted(prefix, survey.id().value(), touchpoint.value(), at, detractor.value());

        EventsHandled handled = EventsHandled.since(events);
        mvc.perform(post("/api/v1/answers").header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2)).andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.items[2].status").value("REJECTED"))
                .andExpect(jsonPath("$.items[2].errors[0].field").value("answers.nps"))
                .andExpect(jsonPath("$.items[3].errors[0].field").value("at"))
                .andExpect(jsonPath("$.items[4].status").value("DUPLICATE"));

        // The same batch again: nothing new.
        mvc.perform(post("/api/v1/answers").header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.duplicates").value(3))
                .andExpect(jsonPath("$.rejected").value(2));

        LocalDate day = at.toInstant().atZone(organisations.current().timeZone()).toLocalDate();
        List<ScoreSlice> slices = histograms.summarise(new ScoreQuery(Set.of(touchpoint), day, day, "nps", Grouping.TOTAL, true));
        assertThat(slices).singleElement().extracting(ScoreSlice::histogram).isEqualTo(Histogram.of(ScoreScale.NPS, 9, 3));
        assertThat(jdbc.sql("select count(*) from listening_response where source_ref like :p").param("p", "api:" + prefix + "%")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select a.text_value from listening_answer a join listening_response r on r.id = a.response_id "
                        + "where r.source_ref = :s and a.question_key = 'beter'").param("s", "api:" + prefix + "-1")
                .query(String.class).single()).isEqualTo("Iets rustiger lopen.");

        // The detractor's answer meets the survey's case rule, as it would on the answer page.
        handled.await();
        assertThat(cases.hasOpenCase(detractor)).isTrue();
    }

    /**
     * The longest survey (30 questions, each key 40 characters) answered in full, 500 responses in one batch: the event
     * of completed responses must still fit H2's event log (a million characters of JSON), and the batch is taken whole.
     */
    @Test
    void aBatchOfTheLongestSurveysAnsweredInFullFitsTheEventLog() throws Exception {
        TouchpointId touchpoint = touchpoint();
        List<SurveyQuestion> questions = new java.util.ArrayList<>();
        for (int q = 0; q < SurveyDefinition.MAX_QUESTIONS; q++) {
            questions.add(new SurveyQuestion(String.format("vraag-over-de-reis-en-de-gids-nummer-%02d", q), QuestionType.NPS,
                    new LocalizedText("Vraag " + q, "Question " + q), List.of(), true));
        }
        SurveyDefinition longest = new SurveyDefinition(new LocalizedText("Lang", "Long"), null, questions,
                new LocalizedText("Bedankt.", "Thanks."), List.of(), List.of());
        Survey survey = Survey.draft(longest, Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        String key = apiKeys.issue("answers-" + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        String at = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(0).toString();
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder answers = new StringBuilder();
        for (SurveyQuestion question : questions) {
            answers.append(answers.isEmpty() ? "" : ",").append('"').append(question.key()).append("\":[\"10\"]");
        }
        StringBuilder batch = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 500; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"sourceId\":\"").append(prefix).append('-').append(i).append("\",\"survey\":\"")
                    .append(survey.id().value()).append("\",\"touchpoint\":\"").append(touchpoint.value()).append("\",\"at\":\"").append(at)
                    .append("\",\"answers\":{").append(answers).append("}}");
        }
        mvc.perform(post("/api/v1/answers").header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                        .content(batch.append("]}").toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(500));
    }

    /**
     * The bound the publisher splits events of completed responses by is never below what the application's serializer
     * writes: random responses with quotes, backslashes, control characters, non-ASCII and emoji in their texts.
     */
    @Test
    void theStoredLengthOfCompletedResponsesIsNeverMoreThanTheirBound() {
        java.util.Random random = new java.util.Random(20261207L);
        String[] pieces = {"a", "9", " ", "\"", "\\", "\n", "\u0001", "é", "\u20ac", "\ud83d\ude00", "·", ":"};
        for (int e = 0; e < 200; e++) {
            List<nl.buitenin.listening.CompletedResponse> responses = new java.util.ArrayList<>();
            int bound = 100;
            for (int r = 0, n = 1 + random.nextInt(20); r < n; r++) {
                List<nl.buitenin.listening.CompletedResponse.Score> scores = new java.util.ArrayList<>();
                for (int q = 0, k = random.nextInt(31); q < k; q++) {
                    scores.add(new nl.buitenin.listening.CompletedResponse.Score(text(random, pieces, 1 + random.nextInt(40)),
                            QuestionType.values()[random.nextInt(QuestionType.values().length)], random.nextInt(11)));
                }
                List<String> matched = new java.util.ArrayList<>();
                for (int m = 0, k = random.nextInt(4); m < k; m++) {
                    matched.add(text(random, pieces, 1 + random.nextInt(50)));
                }
                UUID id = UUID.randomUUID();
                nl.buitenin.listening.CompletedResponse response = new nl.buitenin.listening.CompletedResponse(id, text(random, pieces, 1 + random.nextInt(60)),
                        new nl.buitenin.listening.SurveyId(UUID.randomUUID()), random.nextBoolean() ? null : new PersonKey("p_abcdefghijklmnopqrstuvwxyz"),
                        random.nextBoolean() ? null : new TouchpointId(UUID.randomUUID()), scores, matched, text(random, pieces, random.nextInt(3_000)),
                        Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000_000)),
                        random.nextBoolean() ? null : Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L)));
                responses.add(response);
                bound += response.storedLengthAtMost();
            }
            String stored = (String) serializer.serialize(new nl.buitenin.listening.ResponsesCompleted(responses));
            assertThat(stored.length()).as(stored).isLessThanOrEqualTo(bound);
        }
    }

    private static String text(java.util.Random random, String[] pieces, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    @Test
    void aNulInOneCommentRefusesThatItemAloneAndTheOthersAreTaken() throws Exception {
        TouchpointId touchpoint = touchpoint();
        Survey survey = publishedSurveyWithDetractorRule();
        String key = apiKeys.issue("answers-" + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(0);
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        String batch = """
                {"items": [
                  {"sourceId": "%1$s-ok", "survey": "%2$s", "touchpoint": "%3$s", "at": "%4$s",
                   "answers": {"nps": ["8"], "beter": ["Prima zo."]}},
                  {"sourceId": "%1$s-nul", "survey": "%2$s", "touchpoint": "%3$s", "at": "%4$s",
                   "answers": {"nps": ["6"], "beter": ["Een\\u0000teken"]}}
                ]}""".formatted(prefix, survey.id().value(), touchpoint.value(), at);
        mvc.perform(post("/api/v1/answers").header("Authorization", "Bearer " + key).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.items[0].status").value("CREATED"))
                .andExpect(jsonPath("$.items[1].status").value("REJECTED"))
                .andExpect(jsonPath("$.items[1].index").value(1))
                .andExpect(jsonPath("$.items[1].sourceId").value(prefix + "-nul"))
                .andExpect(jsonPath("$.items[1].errors[0].field").value("answers.beter[0]"))
                .andExpect(jsonPath("$.items[1].errors[0].message").value("contains a character that cannot be stored (U+0000 at position 4)"));
        assertThat(jdbc.sql("select count(*) from listening_response where source_ref like :p").param("p", "api:" + prefix + "%")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBatchWithoutItemsOrWithADraftSurveyIsRefusedByName() throws Exception {
        String key = apiKeys.issue("answers-" + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        mvc.perform(post("/api/v1/answers").header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("items"));
        Survey draft = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        surveys.add(draft);
        mvc.perform(post("/api/v1/answers").header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON).content("""
                        {"items": [{"sourceId": "d-1", "survey": "%s", "touchpoint": "%s", "at": "2026-01-05T10:00:00+01:00",
                        "answers": {"nps": ["8"]}}]}""".formatted(draft.id().value(), UUID.randomUUID())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.items[0].errors[?(@.field == 'survey')]").exists())
                .andExpect(jsonPath("$.items[0].errors[?(@.field == 'touchpoint')]").exists());
    }

    private TouchpointId touchpoint() {
        JourneyId journey = journeys.createJourney(new Names(Unique.name("Wandelreis"), Unique.name("Walking holiday")));
        StageId stage = journeys.addStage(journey, new Names("Onderweg", "On the way"));
        return journeys.addTouchpoint(stage, new Names("Kiosk", "Kiosk"), Channel.LOCATION, "Utrecht");
    }

    private Survey publishedSurveyWithDetractorRule() {
        SurveyDefinition trip = SurveyFixtures.tripEvaluation();
        SurveyDefinition withRule = new SurveyDefinition(trip.title(), trip.intro(), trip.questions(), trip.closing(), List.of(),
                List.of(new CaseRule(CaseRule.Trigger.DETRACTOR, "nps", null)));
        Survey survey = Survey.draft(withRule, Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        return survey;
    }
}
