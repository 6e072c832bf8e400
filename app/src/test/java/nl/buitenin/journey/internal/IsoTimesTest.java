package nl.buitenin.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The quick reading of times must agree with {@link OffsetDateTime#parse}, in what it accepts and what it refuses. */
class IsoTimesTest {

    @Test
    void readsTheSameInstantsAsTheFormatter() {
        for (String text : List.of("2026-03-01T09:15:00Z", "2026-03-01T10:15:00.250+01:00", "2024-02-29T23:59:59.999999999-11:30",
                "0001-01-01T00:00:00Z", "9999-12-31T23:59:59+18:00", "2026-03-01T09:15:00.1Z", "2026-03-01T09:15Z",
                "2026-03-01T09:15:00+01:00:30", "2026-10-25T02:30:00-00:00", "2026-03-01t09:15:00z", "2026-03-01T09:15:00.Z")) {
            assertThat(IsoTimes.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @Test
    void refusesWhatTheFormatterRefuses() {
        for (String text : List.of("2026-02-30T09:15:00Z", "2026-13-01T09:15:00Z", "2026-03-01T24:00:00Z", "2026-03-01T09:60:00Z",
                "2026-03-01T09:15:60Z", "2026-03-01T09:15:00", "2026-03-01T09:15:00.1234567890Z",
                "2026-03-01T09:15:00+19:00", "2026-03-01T09:15:00+01:60", "2026-03-01 09:15:00Z",
                "2026-3-01T09:15:00Z", "２026-03-01T09:15:00Z", "2026-03-01T09:15:00+0100", "yesterday")) {
            assertThatThrownBy(() -> IsoTimes.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void agreesOnRandomlyDamagedTimes() {
        Random random = new Random(42);
        String chars = "0123456789-:T.Z+ x";
        for (int i = 0; i < 20_000; i++) {
            char[] text = "2026-02-28T23:59:58.125+01:00".toCharArray();
            for (int change = random.nextInt(3); change >= 0; change--) {
                text[random.nextInt(text.length)] = chars.charAt(random.nextInt(chars.length()));
            }
            String candidate = new String(text, 0, 19 + random.nextInt(text.length - 18));
            Object expected;
            try {
                expected = OffsetDateTime.parse(candidate).toInstant();
            } catch (DateTimeParseException e) {
                expected = "refused";
            }
            Object actual;
            try {
                actual = IsoTimes.parse(candidate);
            } catch (DateTimeParseException e) {
                actual = "refused";
            }
            assertThat(actual).as(candidate).isEqualTo(expected);
        }
    }
}
