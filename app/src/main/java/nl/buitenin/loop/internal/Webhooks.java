package nl.buitenin.loop.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Webhook subscriptions of a service desk and their delivery log. Deliveries are written in the same
 * transaction as the change they report (an outbox), so none is lost and none is sent for a rolled-back change.
 */
@Repository
public class Webhooks {

    /** The events a subscription may choose. */
    public static final List<String> EVENTS = List.of("case.opened", "case.contacted", "case.resolved", "case.closed",
            "case.reopened", "case.assigned", "case.escalated", "action.completed");

    public record Subscription(UUID id, String url, Set<String> events, boolean active, Instant createdAt) {
    }

    public record Delivery(UUID id, UUID webhookId, String url, String event, String payload, String status, int attempts,
            Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt, Instant deliveredAt) {
    }

    record Due(UUID id, String url, String secretSealed, String payload, int attempts) {
    }

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Clock clock;

    Webhooks(JdbcClient jdbc, SecretBox box, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.clock = clock;
    }

    public Subscription subscribe(String url, String secret, Set<String> events) {
        List<FieldError> errors = new ArrayList<>();
        URI uri = null;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("url", "loop.invalid.url", url));
        }
        if (uri != null && (uri.getHost() == null || !Set.of("http", "https").contains(String.valueOf(uri.getScheme())))) {
            errors.add(FieldError.of("url", "loop.invalid.urlHttp"));
        }
        if (secret == null || secret.length() < 16 || secret.length() > 200) {
            errors.add(FieldError.of("secret", "loop.invalid.secret"));
        }
        Set<String> chosen = events == null ? Set.of() : new LinkedHashSet<>(events);
        if (chosen.isEmpty() || !EVENTS.containsAll(chosen)) {
            errors.add(FieldError.of("events", "loop.invalid.events", EVENTS.toString()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("insert into loop_webhook (id, url, secret_encrypted, events, active, created_at) values (:id, :url, :secret, :events, true, :at)")
                .param("id", id).param("url", uri.toString()).param("secret", box.seal(secret))
                .param("events", String.join(",", chosen)).param("at", CaseFiles.utc(now)).update();
        return new Subscription(id, uri.toString(), chosen, true, now);
    }

    public void deactivate(UUID id) {
        jdbc.sql("update loop_webhook set active = false where id = :id").param("id", id).update();
    }

    public List<Subscription> all() {
        return jdbc.sql("select id, url, events, active, created_at from loop_webhook order by created_at")
                .query((rs, n) -> new Subscription(rs.getObject(1, UUID.class), rs.getString(2),
                        new LinkedHashSet<>(Arrays.asList(rs.getString(3).split(","))), rs.getBoolean(4),
                        CaseFiles.instant(rs, 5)))
                .list();
    }

    /** Queues the event for every active subscription that chose it; part of the caller's transaction. */
    void enqueue(String event, String payload, Instant at) {
        for (Subscription subscription : all()) {
            if (subscription.active() && subscription.events().contains(event)) {
                jdbc.sql("insert into loop_webhook_delivery (id, webhook_id, event, payload, status, attempts, next_attempt_at, created_at) "
                                + "values (:id, :hook, :event, :payload, 'PENDING', 0, :at, :at)")
                        .param("id", UUID.randomUUID()).param("hook", subscription.id()).param("event", event)
                        .param("payload", payload).param("at", CaseFiles.utc(at)).update();
            }
        }
    }

    /** Deliveries due at {@code now} that no node holds a live claim on; claim each before sending it. */
    List<Due> due(Instant now, int limit) {
        return jdbc.sql("select d.id, w.url, w.secret_encrypted, d.payload, d.attempts from loop_webhook_delivery d "
                        + "join loop_webhook w on w.id = d.webhook_id where d.status = 'PENDING' and d.next_attempt_at <= :now "
                        + "and (d.claimed_until is null or d.claimed_until < :now) "
                        + "order by d.next_attempt_at limit :limit")
                .param("now", CaseFiles.utc(now)).param("limit", limit)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    /**
     * Claims a due delivery for one node until {@code until}: a conditional update, so of several nodes
     * that read the same row only one gets it (the others see 0 rows changed and skip it). The row must
     * still be pending and due, so a delivery that another node sent or rescheduled meanwhile is not
     * claimed; an expired claim (its node stopped mid-send) may be taken over.
     */
    boolean claim(UUID id, String node, Instant now, Instant until) {
        return jdbc.sql("update loop_webhook_delivery set claimed_by = :node, claimed_until = :until "
                        + "where id = :id and status = 'PENDING' and next_attempt_at <= :now "
                        + "and (claimed_until is null or claimed_until < :now)")
                .param("node", node).param("until", CaseFiles.utc(until)).param("id", id).param("now", CaseFiles.utc(now))
                .update() == 1;
    }

    String secretOf(Due due) {
        return box.open(due.secretSealed());
    }

    void delivered(UUID id, int statusCode, Instant at) {
        jdbc.sql("update loop_webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_status_code = :code, "
                        + "last_error = null, delivered_at = :at, next_attempt_at = null, claimed_by = null, claimed_until = null where id = :id")
                .param("code", statusCode).param("at", CaseFiles.utc(at)).param("id", id).update();
    }

    /** A failed attempt: retried after {@code retryIn}, or given up when that is null. */
    void failed(UUID id, Integer statusCode, String error, Duration retryIn, Instant at) {
        jdbc.sql("update loop_webhook_delivery set status = :status, attempts = attempts + 1, last_status_code = :code, "
                        + "last_error = :error, next_attempt_at = :next, claimed_by = null, claimed_until = null where id = :id")
                .param("status", retryIn == null ? "FAILED" : "PENDING").param("code", statusCode)
                .param("error", error == null ? null : error.substring(0, Math.min(500, error.length())))
                .param("next", retryIn == null ? null : CaseFiles.utc(at.plus(retryIn))).param("id", id).update();
    }

    public List<Delivery> log(int limit) {
        return jdbc.sql("select d.id, d.webhook_id, w.url, d.event, d.payload, d.status, d.attempts, d.next_attempt_at, "
                        + "d.last_status_code, d.last_error, d.created_at, d.delivered_at from loop_webhook_delivery d "
                        + "join loop_webhook w on w.id = d.webhook_id order by d.created_at desc, d.id limit :limit")
                .param("limit", limit)
                .query((rs, n) -> new Delivery(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), CaseFiles.instant(rs, 8),
                        (Integer) rs.getObject(9), rs.getString(10), CaseFiles.instant(rs, 11), CaseFiles.instant(rs, 12)))
                .list();
    }
}
