package nl.buitenin.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.journey.InteractionsRecorded.Interaction;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;

/**
 * Which listeners the event log keeps an event of new interactions for. Every listener costs a publication (the whole
 * event, stored in the request's transaction) and a transaction of its own; text insight's failure demand reads only
 * reasons and offers' interests only interactions that name a person and a topic, so an event of plain contacts is
 * kept for neither. The events are published in a transaction that is rolled back, so no listener runs: what is looked
 * at is what the log stored.
 */
@DatabaseTest
class InteractionsRecordedListenersTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    private static final TouchpointId TOUCHPOINT = new TouchpointId(UUID.randomUUID());
    private static final PersonKey PERSON = new PersonKey("p_" + "k".repeat(26));
    private static final Instant AT = Instant.parse("2026-03-02T09:15:00Z");

    private List<String> listenersKeptFor(List<Interaction> interactions) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            events.publishEvent(InteractionsRecorded.of(interactions));
            return jdbc.sql("select listener_id from event_publication where event_type = ? order by listener_id")
                    .param(InteractionsRecorded.class.getName()).query(String.class).list();
        });
    }

    private static Interaction contact(String sourceId, String reason, String topic) {
        return new Interaction(TOUCHPOINT, PERSON, AT, sourceId, InteractionKind.CONTACT, reason, null, null, null, topic);
    }

    @Test
    void anEventOfPlainContactsIsKeptOnlyForTheListenersThatReadThem() {
        List<String> listeners = listenersKeptFor(List.of(contact("plain-1", null, null), contact("plain-2", "  ", null),
                new Interaction(TOUCHPOINT, null, AT, "plain-3", InteractionKind.SEARCH, null, null, null, null, "Lissabon")));

        assertThat(listeners).anyMatch(id -> id.contains("InteractionCounts"));
        assertThat(listeners).anyMatch(id -> id.contains("InteractionAttributes"));
        assertThat(listeners).anyMatch(id -> id.contains("Invitations"));
        assertThat(listeners).noneMatch(id -> id.contains("DemandAfterCommit"));
        assertThat(listeners).noneMatch(id -> id.contains("InterestListener"));
        assertThat(listeners).hasSize(3);
    }

    @Test
    void oneReasonOrOneTopicOfAPersonInTheEventIsEnoughForTheirListener() {
        List<String> withReason = listenersKeptFor(List.of(contact("plain-4", null, null),
                contact("reason-1", "Waar blijft mijn bevestiging?", null)));
        List<String> withTopic = listenersKeptFor(List.of(contact("plain-5", null, null),
                new Interaction(TOUCHPOINT, PERSON, AT, "topic-1", InteractionKind.SEARCH, null, null, null, null, "Lissabon")));

        assertThat(withReason).anyMatch(id -> id.contains("DemandAfterCommit")).noneMatch(id -> id.contains("InterestListener"));
        assertThat(withTopic).anyMatch(id -> id.contains("InterestListener")).noneMatch(id -> id.contains("DemandAfterCommit"));
        assertThat(withReason).hasSize(4);
        assertThat(withTopic).hasSize(4);
    }
}
