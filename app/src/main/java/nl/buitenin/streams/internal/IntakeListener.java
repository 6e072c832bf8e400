package nl.buitenin.streams.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;

import tools.jackson.databind.json.JsonMapper;

import nl.buitenin.platform.BatchIntake;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.platform.IngestReport.ItemOutcome;

/**
 * Reads one poll's records of an input topic as items of the REST API and hands them to the module's {@link BatchIntake}
 * in one transaction per at most {@link BatchIntake#maxBatch()} items. A record that is not such an item, or that the
 * intake rejects, goes to the dead-letter topic with the reason in English in the header {@value #REASON} (the same text the
 * API gives for that item), and the next record is read as usual: a bad record never holds up its partition.
 * <p>
 * The container commits the poll's offsets only after this method returns, that is after the intake's transaction committed
 * and the dead letters were acknowledged: at least once. A record read again after a crash before that commit is a
 * duplicate by its source id and stores nothing (the intake's own idempotency).
 */
final class IntakeListener<T> implements BatchMessageListener<String, byte[]> {

    static final String REASON = "buitenin-reason";
    static final String ORIGINAL_TOPIC = "buitenin-original-topic";
    static final String ORIGINAL_PARTITION = "buitenin-original-partition";
    static final String ORIGINAL_OFFSET = "buitenin-original-offset";
    private static final Logger LOG = LoggerFactory.getLogger(IntakeListener.class);
    private static final long DEAD_LETTER_WAIT_SECONDS = 60;

    private final BatchIntake<T> intake;
    private final RecordReader<T> reader;
    private final KafkaTemplate<String, byte[]> deadLetters;
    private final String deadLetterTopic;

    IntakeListener(BatchIntake<T> intake, JsonMapper json, KafkaTemplate<String, byte[]> deadLetters, String deadLetterTopic) {
        this.intake = intake;
        this.reader = new RecordReader<>(json, intake.itemType());
        this.deadLetters = deadLetters;
        this.deadLetterTopic = deadLetterTopic;
    }

    private record Rejection(ConsumerRecord<String, byte[]> record, String reason) {
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<Rejection> rejections = new ArrayList<>();
        List<T> items = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                T item = reader.read(record.value());
                items.add(item);
                sources.add(record);
            } catch (RecordReader.UnreadableRecord e) {
                rejections.add(new Rejection(record, e.getMessage()));
            }
        }
        int created = 0;
        int duplicates = 0;
        for (int from = 0; from < items.size(); from += intake.maxBatch()) {
            int to = Math.min(items.size(), from + intake.maxBatch());
            IngestReport report = intake.ingest(items.subList(from, to));
            created += report.created();
            duplicates += report.duplicates();
            for (ItemOutcome outcome : report.items()) {
                if (outcome.status() == IngestReport.Status.REJECTED) {
                    rejections.add(new Rejection(sources.get(from + outcome.index()), String.valueOf(outcome.reason())));
                }
            }
        }
        send(rejections);
        if (!records.isEmpty()) {
            LOG.info("{} from {}: {} records, {} created, {} already known, {} to {}", intake.name(), records.get(0).topic(),
                    records.size(), created, duplicates, rejections.size(), deadLetterTopic);
        }
    }

    /** Sends every dead letter and waits for the broker's acknowledgement, so none is lost when the offsets move on. */
    private void send(List<Rejection> rejections) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (Rejection rejection : rejections) {
            ConsumerRecord<String, byte[]> original = rejection.record();
            RecordHeaders headers = new RecordHeaders();
            for (Header header : original.headers()) {
                headers.add(header);
            }
            headers.add(REASON, rejection.reason().getBytes(StandardCharsets.UTF_8));
            headers.add(ORIGINAL_TOPIC, original.topic().getBytes(StandardCharsets.UTF_8));
            headers.add(ORIGINAL_PARTITION, Integer.toString(original.partition()).getBytes(StandardCharsets.UTF_8));
            headers.add(ORIGINAL_OFFSET, Long.toString(original.offset()).getBytes(StandardCharsets.UTF_8));
            sent.add(deadLetters.send(new ProducerRecord<>(deadLetterTopic, null, original.key(), original.value(), headers)));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(DEAD_LETTER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending dead letters to " + deadLetterTopic, e);
        } catch (ExecutionException | TimeoutException e) {
            // Thrown, the poll is read again (its items are then duplicates) and nothing moves on without its dead letters.
            throw new IllegalStateException("dead letters not acknowledged by " + deadLetterTopic, e);
        }
    }
}
