package nl.buitenin.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * The one rule for the moment of something that happened (an interaction, an answer, a counted interval), the same
 * for the API and for every import, so a time refused in one is refused in the other with the same message:
 * <ul>
 * <li>not later than now plus {@link #CLOCK_SKEW} (a sender's clock may run a little ahead);</li>
 * <li>not before {@link #EARLIEST}: an earlier moment is a mistake, such as a zero time stamp (1970) or a year
 * written with two digits (0026).</li>
 * </ul>
 */
public final class RecordedTimes {

    public static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private RecordedTimes() {
    }

    /**
     * @param field   the field or column named in the error
     * @param at      the moment read
     * @param written the moment as the sender wrote it, shown in the error
     * @param now     the current time
     * @return the error when the moment is out of bounds
     */
    public static Optional<FieldError> check(String field, Instant at, String written, Instant now) {
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of(FieldError.of(field, "platform.invalid.time.future", written));
        }
        if (at.isBefore(EARLIEST)) {
            return Optional.of(FieldError.of(field, "platform.invalid.time.tooEarly", written, EARLIEST.toString().substring(0, 10)));
        }
        return Optional.empty();
    }
}
