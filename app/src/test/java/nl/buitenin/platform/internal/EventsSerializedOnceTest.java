package nl.buitenin.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event log's serializer serializes one event instance once per transaction, however many listeners' publications
 * store it. Each test runs as inside a transaction (its synchronizations active), and ends it.
 */
class EventsSerializedOnceTest {

    @BeforeEach
    void inATransaction() {
        TransactionSynchronizationManager.initSynchronization();
    }

    @AfterEach
    void transactionEnds() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            committed();
        }
    }

    /** What the transaction manager does at a commit: after completion, its synchronizations cleared. */
    private static void committed() {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
    }

    record Happened(String what, List<String> who) {
    }

    /** Not a record: its text may change while the instance stays. */
    static final class Mutable {
        String what = "eerst";
    }

    /** Counts what it serializes and tells each call apart in its text. */
    static final class Counting implements EventSerializer {
        final List<Object> serialized = new ArrayList<>();

        @Override
        public Object serialize(Object event) {
            serialized.add(event);
            return "text " + serialized.size() + " of " + event;
        }

        @Override
        public <T> T deserialize(Object serialized, Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void theListenersOfOneEventGetTheTextOfOneSerialization() {
        Counting counting = new Counting();
        EventSerializer serializer = (EventSerializer) new EventsSerializedOnce().postProcessAfterInitialization(counting, "eventSerializer");
        Happened event = new Happened("klacht", List.of("a", "b"));

        Object first = serializer.serialize(event);
        for (int listener = 1; listener < 5; listener++) {
            assertThat(serializer.serialize(event)).isSameAs(first);
        }

        assertThat(counting.serialized).hasSize(1);
    }

    @Test
    void anotherInstanceAnEventOnAnotherThreadAndAnythingButARecordAreSerializedAgain() throws Exception {
        Counting counting = new Counting();
        EventSerializer serializer = (EventSerializer) new EventsSerializedOnce().postProcessAfterInitialization(counting, "eventSerializer");
        Happened event = new Happened("klacht", List.of("a"));
        serializer.serialize(event);

        // Equal, but another event: published twice, stored twice.
        assertThat(serializer.serialize(new Happened("klacht", List.of("a")))).isEqualTo("text 2 of " + event);
        // The first instance again, after another one: serialized anew (only the last one is remembered).
        assertThat(serializer.serialize(event)).isEqualTo("text 3 of " + event);
        // Another thread (outside any transaction there) serializes it itself.
        Thread other = new Thread(() -> serializer.serialize(event));
        other.start();
        other.join();
        assertThat(counting.serialized).hasSize(4);

        Mutable mutable = new Mutable();
        serializer.serialize(mutable);
        mutable.what = "daarna";
        serializer.serialize(mutable);
        assertThat(counting.serialized).hasSize(6);
    }

    @Test
    void aTextIsKeptUntilItsTransactionEndsAndNotOutsideOne() {
        Counting counting = new Counting();
        EventSerializer serializer = (EventSerializer) new EventsSerializedOnce().postProcessAfterInitialization(counting, "eventSerializer");
        Happened event = new Happened("klacht", List.of("a"));
        serializer.serialize(event);
        serializer.serialize(event);
        assertThat(counting.serialized).hasSize(1);

        committed();
        // The same instance in the next transaction: serialized anew, the text was let go.
        TransactionSynchronizationManager.initSynchronization();
        serializer.serialize(event);
        assertThat(counting.serialized).hasSize(2);
        committed();

        // Outside a transaction: every time.
        serializer.serialize(event);
        serializer.serialize(event);
        assertThat(counting.serialized).hasSize(4);
    }

    @Test
    void theWrapperIsNotWrappedAgainAndOtherBeansAreLeftAlone() {
        EventsSerializedOnce wrapping = new EventsSerializedOnce();
        Object wrapped = wrapping.postProcessAfterInitialization(new Counting(), "eventSerializer");
        assertThat(wrapping.postProcessAfterInitialization(wrapped, "eventSerializer")).isSameAs(wrapped);
        Object other = new Object();
        assertThat(wrapping.postProcessAfterInitialization(other, "other")).isSameAs(other);
    }
}
