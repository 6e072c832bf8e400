package nl.buitenin.privacy.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import nl.buitenin.privacy.internal.PrivacyProperties;

/**
 * A token bucket per client address for the public own pages: a burst of {@code ownPagePerMinute}
 * requests, refilled at that many per minute. In memory, per application node: enough to stop a script
 * from guessing or hammering tokens; a cluster behind a load balancer limits per node.
 */
@Component
class OwnPageRateLimit {

    private static final int MAX_ADDRESSES = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double capacity;
    private final double perNano;

    OwnPageRateLimit(PrivacyProperties properties) {
        this.capacity = properties.ownPagePerMinute();
        this.perNano = properties.ownPagePerMinute() / 60e9;
    }

    boolean tryAcquire(String address) {
        if (buckets.size() > MAX_ADDRESSES) {
            // Full buckets carry no information; dropping them all is the cheapest safe clean-up.
            buckets.clear();
        }
        return buckets.computeIfAbsent(address, a -> new Bucket(capacity, System.nanoTime())).take(capacity, perNano);
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }

        synchronized boolean take(double capacity, double perNano) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
