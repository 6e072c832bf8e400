package nl.buitenin.demand;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.Channel;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * The number of contacts on one channel at one location in one interval. Anonymous by design: counts,
 * never people.
 *
 * @param channel       the channel, such as PHONE
 * @param location      where, such as "Klantenservice" or "Winkel Utrecht" (1 to 100 characters)
 * @param intervalStart the start of the interval (stored in UTC; must start an interval on the organisation's clock)
 * @param offered       contacts that arrived, at most {@value #MAX_PER_INTERVAL}
 * @param handled       contacts answered, when known
 * @param ahtSeconds    their average handle time in seconds, when known
 * @param abandoned     contacts that gave up before being answered, when known
 * @param sourceId      the sender's own id of this count, making a retry a no-op; optional (the channel,
 *                      location and interval start are the key without it)
 */
public record ContactVolume(Channel channel, String location, Instant intervalStart, long offered, @Nullable Long handled,
        @Nullable Double ahtSeconds, @Nullable Long abandoned, @Nullable String sourceId) {

    /**
     * The most contacts one interval may count, per row and for all rows of one channel, location and interval together:
     * far above any contact centre (ten million in a quarter of an hour), far below where a sum of counts overflows.
     */
    public static final long MAX_PER_INTERVAL = 10_000_000L;

    public ContactVolume {
        List<FieldError> errors = new ArrayList<>();
        if (channel == null) {
            errors.add(FieldError.of("channel", "demand.invalid.channelRequired", List.of(Channel.values()).toString()));
        }
        if (location == null || location.isBlank() || location.trim().length() > 100) {
            errors.add(FieldError.of("location", "demand.invalid.location"));
        }
        if (intervalStart == null) {
            errors.add(FieldError.of("intervalStart", "demand.invalid.required"));
        }
        if (offered < 0) {
            errors.add(FieldError.of("offered", "demand.invalid.notNegative"));
        } else if (offered > MAX_PER_INTERVAL) {
            errors.add(FieldError.of("offered", "demand.invalid.perInterval", MAX_PER_INTERVAL, offered));
        }
        if (handled != null && (handled < 0 || handled > offered)) {
            errors.add(FieldError.of("handled", "demand.invalid.upToOffered", offered));
        }
        if (abandoned != null && (abandoned < 0 || abandoned > offered)) {
            errors.add(FieldError.of("abandoned", "demand.invalid.upToOffered", offered));
        }
        if (ahtSeconds != null && (!(ahtSeconds > 0) || ahtSeconds.isInfinite())) {
            errors.add(FieldError.of("ahtSeconds", "demand.invalid.positiveSeconds"));
        }
        if (sourceId != null && (sourceId.isBlank() || sourceId.length() > 200)) {
            errors.add(FieldError.of("sourceId", "demand.invalid.sourceId"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        location = location.trim();
    }
}
