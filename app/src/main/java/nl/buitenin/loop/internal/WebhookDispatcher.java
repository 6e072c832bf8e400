package nl.buitenin.loop.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries, signed, and schedules retries with exponential back-off. Each delivery
 * is claimed by this node before it is sent ({@link Webhooks#claim}), so when several nodes run the job
 * a receiver gets every delivery once (and again only when it failed and is retried).
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Webhooks webhooks;
    private final LoopProperties properties;
    private final Clock clock;
    private final HttpClient http;
    /** This node's name in claims: which node holds a delivery shows in the table while it is being sent. */
    private final String node = "node-" + UUID.randomUUID();

    WebhookDispatcher(Webhooks webhooks, LoopProperties properties, Clock clock) {
        this.webhooks = webhooks;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${buitenin.loop.webhook-poll:PT15S}", initialDelayString = "PT20S")
    void onSchedule() {
        if (properties.jobsEnabled()) {
            deliverDue(clock.instant());
        }
    }

    /** Tries every delivery due at {@code now}; returns how many succeeded. */
    public int deliverDue(Instant now) {
        int delivered = 0;
        // Longer than one attempt can take (connect plus response timeout), so a live claim never expires mid-send.
        Instant claimedUntil = now.plus(properties.webhookTimeout().multipliedBy(3));
        for (Webhooks.Due due : webhooks.due(now, 100)) {
            if (webhooks.claim(due.id(), node, now, claimedUntil) && attempt(due, now)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean attempt(Webhooks.Due due, Instant now) {
        int attemptsMade = due.attempts() + 1;
        Duration retry = attemptsMade >= properties.webhookMaxAttempts() ? null : properties.retryAfter(attemptsMade);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(properties.webhookTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Buitenin-Webhooks/1")
                    .header("X-Buitenin-Delivery", due.id().toString())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(webhooks.secretOf(due), now.getEpochSecond(), due.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.payload()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                webhooks.delivered(due.id(), response.statusCode(), now);
                return true;
            }
            webhooks.failed(due.id(), response.statusCode(), "HTTP " + response.statusCode(), retry, now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            webhooks.failed(due.id(), null, "interrupted", retry, now);
        } catch (Exception e) {
            log.info("Webhook delivery {} to {} failed: {}", due.id(), due.url(), e.toString());
            webhooks.failed(due.id(), null, e.toString(), retry, now);
        }
        return false;
    }
}
