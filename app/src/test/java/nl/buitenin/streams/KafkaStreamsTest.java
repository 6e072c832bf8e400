package nl.buitenin.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.internal.CaseRule;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.loop.internal.ImprovementAction;
import nl.buitenin.loop.internal.Improving;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.streams.internal.TopicIntakes;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.ForgetsTestBroker;
import nl.buitenin.testing.Unique;

/**
 * Kafka in and out against a real Kafka 4 broker in KRaft mode, started in this JVM from Maven Central's artifacts
 * (spring-kafka-test). In: records of the API's shape land once, bad ones go to the dead-letter topic with the API's reason,
 * a restart before the offsets were committed stores nothing twice. Out: cases opened, responses completed and actions
 * completed arrive on their topics without a person key or any text.
 */
@DatabaseTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "buitenin.kafka.bootstrap-servers", topics = {
        "buitenin.interactions", "buitenin.interactions.dlt", "buitenin.answers", "buitenin.answers.dlt",
        "buitenin.cases.opened", "buitenin.actions.completed", "buitenin.responses.completed" })
@TestPropertySource(properties = { "buitenin.kafka.group-id=buitenin-streams-test", "buitenin.kafka.max-poll-records=50" })
// Closed after the class, while the broker still runs: at the JVM's exit Kafka's own hook deletes the broker's directory
// while Spring's hook closes the clients, which then wait for a broker that is gone.
@DirtiesContext
// The broker leaves its address in system properties; without this every later context in the JVM would find Kafka on.
@ExtendWith(ForgetsTestBroker.class)
class KafkaStreamsTest {

    private static final Duration AT_MOST = Duration.ofSeconds(60);
    private static final String PERSON = "p_abcdefghijklmnopqrstuvwxyz";

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    TopicIntakes intakes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    Themes themes;
    @Autowired
    Improving improving;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeys apiKeys;

    static KafkaProducer<String, String> producer;

    @BeforeAll
    static void noProducerYet() {
        producer = null;
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private RecordMetadata send(String topic, String key, String value) throws Exception {
        return producer().send(new ProducerRecord<>(topic, key, value)).get();
    }

    private static String interaction(String sourceId, TouchpointId touchpoint, String at) {
        return """
                {"sourceId": "%s", "touchpoint": "%s", "at": "%s", "person": "%s", "kind": "contact",
                 "reason": "Waar blijft mijn bevestiging?", "reasonCode": "bevestiging"}""".formatted(sourceId, touchpoint.value(), at, PERSON);
    }

    private long stored(String sourceIdPrefix) {
        return jdbc.sql("select count(*) from interaction where source_id like :p").param("p", sourceIdPrefix + "%").query(Long.class).single();
    }

    private long storedExactly(String sourceId) {
        return jdbc.sql("select count(*) from interaction where source_id = :s").param("s", sourceId).query(Long.class).single();
    }

    private void awaitStored(String sourceId) {
        await().atMost(AT_MOST).until(() -> storedExactly(sourceId) == 1);
    }

    @Test
    void goodRecordsLandOnceEvenWhenSentTwice() throws Exception {
        TouchpointId shop = touchpoint().touchpoint();
        String prefix = "kafka-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String at = yesterday();

        send("buitenin.interactions", prefix + "1", interaction(prefix + "1", shop, at));
        send("buitenin.interactions", prefix + "2", interaction(prefix + "2", shop, at));
        send("buitenin.interactions", prefix + "1", interaction(prefix + "1", shop, at));
        // One partition: once the last record is stored, every record before it was read.
        send("buitenin.interactions", prefix + "3", interaction(prefix + "3", shop, at));
        awaitStored(prefix + "3");

        assertThat(storedExactly(prefix + "1")).isEqualTo(1);
        assertThat(stored(prefix)).isEqualTo(3);
        assertThat(jdbc.sql("select reason from interaction where source_id = :s").param("s", prefix + "2").query(String.class).single())
                .isEqualTo("Waar blijft mijn bevestiging?");
    }

    @Test
    void anInteractionSentThroughTheApiIsAlreadyKnownWhenItComesAgainThroughKafka() throws Exception {
        TouchpointId shop = touchpoint().touchpoint();
        String prefix = "kafka-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String at = yesterday();
        String key = apiKeys.issue("crm " + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\": [" + interaction(prefix + "both", shop, at) + "]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));

        send("buitenin.interactions", prefix + "both", interaction(prefix + "both", shop, at));
        send("buitenin.interactions", prefix + "after", interaction(prefix + "after", shop, at));
        awaitStored(prefix + "after");

        assertThat(stored(prefix)).as("one by both roads, one after it").isEqualTo(2);
        assertThat(storedExactly(prefix + "both")).isEqualTo(1);
    }

    @Test
    void aBadRecordGoesToTheDeadLetterTopicWithTheApisReasonAndTheNextGoodOneStillLands() throws Exception {
        TouchpointId shop = touchpoint().touchpoint();
        String prefix = "kafka-" + UUID.randomUUID().toString().substring(0, 8) + "-";

        send("buitenin.interactions", prefix + "no-json", "{\"sourceId\": \"" + prefix + "no-json\", ");
        send("buitenin.interactions", prefix + "bad-time", interaction(prefix + "bad-time", shop, "gisteren"));
        RecordMetadata good = send("buitenin.interactions", prefix + "good", interaction(prefix + "good", shop, yesterday()));
        awaitStored(prefix + "good");

        assertThat(stored(prefix)).isEqualTo(1);
        List<ConsumerRecord<String, String>> dead = read("buitenin.interactions.dlt", 2, r -> r.key().startsWith(prefix));
        assertThat(dead).extracting(ConsumerRecord::key).containsExactly(prefix + "no-json", prefix + "bad-time");
        String noJson = header(dead.get(0), "buitenin-reason");
        assertThat(noJson).startsWith("record: is not an item of the API as JSON: ");
        // The same words the API gives for the item, in English, naming the field.
        assertThat(header(dead.get(1), "buitenin-reason")).isEqualTo("at: " + FieldError.of("at", "journey.invalid.at", "gisteren").message());
        assertThat(dead.get(1).value()).isEqualTo(interaction(prefix + "bad-time", shop, "gisteren"));
        assertThat(header(dead.get(1), "buitenin-original-topic")).isEqualTo("buitenin.interactions");
        assertThat(Long.parseLong(header(dead.get(1), "buitenin-original-offset"))).isEqualTo(good.offset() - 1);
    }

    @Test
    void readingAgainAfterARestartBeforeTheCommitStoresNothingTwice() throws Exception {
        TouchpointId shop = touchpoint().touchpoint();
        String prefix = "kafka-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String at = yesterday();
        RecordMetadata first = send("buitenin.interactions", prefix + "0", interaction(prefix + "0", shop, at));
        for (int i = 1; i < 120; i++) {
            send("buitenin.interactions", prefix + i, interaction(prefix + i, shop, at));
        }
        awaitStored(prefix + "119");
        assertThat(stored(prefix)).isEqualTo(120);

        // What a node that crashed after storing and before committing leaves: the group's offset before these records.
        intakes.stop();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.alterConsumerGroupOffsets("buitenin-streams-test",
                    Map.of(new TopicPartition("buitenin.interactions", first.partition()), new OffsetAndMetadata(first.offset()))).all().get();
        }
        intakes.start();

        send("buitenin.interactions", prefix + "after", interaction(prefix + "after", shop, at));
        awaitStored(prefix + "after");
        assertThat(stored(prefix)).as("the 120 read twice, plus the one after").isEqualTo(121);
        assertThat(jdbc.sql("select count(distinct source_id) from interaction where source_id like :p").param("p", prefix + "%")
                .query(Long.class).single()).isEqualTo(121);
    }

    @Test
    void answersComeInAndCasesResponsesAndActionsGoOutWithoutPersonalData() throws Exception {
        Place place = touchpoint();
        Survey survey = publishedSurveyWithDetractorRule();
        String prefix = "kafka-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String comment = "Gids " + Unique.name("Jansen") + " was onvriendelijk";
        String answer = """
                {"sourceId": "%s", "survey": "%s", "touchpoint": "%s", "at": "%s", "person": "%s", "language": "nl",
                 "answers": {"nps": ["3"], "beter": ["%s"]}}""".formatted(prefix + "detractor", survey.id().value(), place.touchpoint().value(),
                yesterday(), PERSON, comment);
        String outOfScale = """
                {"sourceId": "%s", "survey": "%s", "touchpoint": "%s", "at": "%s", "answers": {"nps": ["12"]}}"""
                .formatted(prefix + "twelve", survey.id().value(), place.touchpoint().value(), yesterday());

        send("buitenin.answers", prefix + "twelve", outOfScale);
        send("buitenin.answers", prefix + "detractor", answer);
        send("buitenin.answers", prefix + "detractor", answer);
        await().atMost(AT_MOST).until(() -> jdbc.sql("select count(*) from listening_response where source_ref = :s")
                .param("s", "api:" + prefix + "detractor").query(Long.class).single() == 1);

        ConsumerRecord<String, String> deadAnswer = read("buitenin.answers.dlt", 1, r -> r.key().startsWith(prefix)).get(0);
        assertThat(header(deadAnswer, "buitenin-reason")).startsWith("answers.nps: ");

        String touchpoint = place.touchpoint().value().toString();
        String journey = place.journey().value().toString();
        ConsumerRecord<String, String> responses = read("buitenin.responses.completed", 1, r -> r.value().contains(touchpoint)).get(0);
        assertThat(responses.key()).isEqualTo(journey);
        assertThat(JsonPath.<String>read(responses.value(), "$.journey")).isEqualTo(journey);
        assertThat(JsonPath.<List<Integer>>read(responses.value(), "$.responses[*].scores[?(@.question == 'nps')].value")).containsExactly(3);
        assertThat(JsonPath.<List<String>>read(responses.value(), "$.responses[0].caseRulesMatched")).containsExactly("DETRACTOR:nps");
        assertThat(JsonPath.<String>read(responses.value(), "$.responses[0].survey")).isEqualTo(survey.id().value().toString());
        withoutPersonalData(responses.value(), comment);

        ConsumerRecord<String, String> opened = read("buitenin.cases.opened", 1, r -> r.value().contains(touchpoint)).get(0);
        assertThat(opened.key()).isEqualTo(journey);
        assertThat(JsonPath.<String>read(opened.value(), "$.caseType")).isEqualTo("detractor");
        assertThat(JsonPath.<String>read(opened.value(), "$.origin")).isEqualTo("answer");
        assertThat(JsonPath.<String>read(opened.value(), "$.journey")).isEqualTo(journey);
        assertThat(Instant.parse(JsonPath.read(opened.value(), "$.deadline"))).isAfter(Instant.parse(JsonPath.read(opened.value(), "$.openedAt")));
        withoutPersonalData(opened.value(), comment);

        Themes.Theme theme = themes.add(Unique.name("gidsen"), "guides", null);
        ImprovementAction action = improving.plan("Gidsen getraind", "Guides trained", "Alle gidsen volgden een training gastvrijheid.",
                "Every guide took a hospitality course.", null, null, Set.of(theme.id()));
        improving.complete(action.id());
        String actionId = action.id().value().toString();
        ConsumerRecord<String, String> completed = read("buitenin.actions.completed", 1, r -> r.value().contains(actionId)).get(0);
        assertThat(completed.key()).isEqualTo("organisation");
        assertThat(JsonPath.<List<String>>read(completed.value(), "$.themes")).containsExactly(theme.id().value().toString());
        assertThat(completed.value()).doesNotContain("Gidsen getraind", "Guides trained", "training", "hospitality");
    }

    /** No person key, no comment, no field that could hold either. */
    private static void withoutPersonalData(String json, String comment) {
        assertThat(json).doesNotContain(PERSON, comment, "Jansen", "person", "summary", "sourceRef");
    }

    private List<ConsumerRecord<String, String>> read(String topic, int count, Predicate<ConsumerRecord<String, String>> ours) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + AT_MOST.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && record.value() != null && ours.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        assertThat(found).as("records on " + topic).hasSize(count);
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String yesterday() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(0).toString();
    }

    private record Place(JourneyId journey, TouchpointId touchpoint) {
    }

    private Place touchpoint() {
        JourneyId journey = journeys.createJourney(new Names(Unique.name("Stroom"), Unique.name("Stream")));
        StageId stage = journeys.addStage(journey, new Names("Onderweg", "On the way"));
        return new Place(journey, journeys.addTouchpoint(stage, new Names("Kiosk", "Kiosk"), Channel.LOCATION, "Utrecht"));
    }

    private Survey publishedSurveyWithDetractorRule() {
        SurveyDefinition trip = SurveyFixtures.tripEvaluation();
        Survey survey = Survey.draft(new SurveyDefinition(trip.title(), trip.intro(), trip.questions(), trip.closing(), List.of(),
                List.of(new CaseRule(CaseRule.Trigger.DETRACTOR, "nps", null))), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        return survey;
    }
}
