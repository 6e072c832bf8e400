package nl.buitenin.platform;

import java.time.Duration;

/**
 * The node cannot take this now and nothing of it was stored; the same request may be sent again after
 * {@link #retryAfter()} (HTTP 503 with {@code Retry-After}). Told through a message key, in the reader's language.
 */
public class BusyException extends RuntimeException {

    private final String key;
    private final Duration retryAfter;

    public BusyException(String key, Duration retryAfter) {
        super(EnglishTexts.format(key, java.util.List.of(retryAfter.toSeconds())));
        this.key = key;
        this.retryAfter = retryAfter;
    }

    public String key() {
        return key;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
