package nl.buitenin.workshop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Join codes have no look-alikes and are read as typed; wrong tries hold a user back for a quarter of an hour. */
class JoinCodesTest {

    @Test
    void codesUseSixCharactersWithoutLookAlikesAndRarelyRepeat() {
        Set<String> seen = new HashSet<>();
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String code = JoinCodes.next();
            assertThat(code).hasSize(6).doesNotContain("0", "O", "1", "I", "L", "l");
            code.chars().forEach(c -> used.add((char) c));
            seen.add(code);
        }
        // 20 000 draws from 887 million codes: a handful of repeats at most (the store refuses a taken code anyway).
        assertThat(seen.size()).isGreaterThan(19_990);
        assertThat(used).hasSize(JoinCodes.ALPHABET.length());
    }

    @Test
    void aCodeIsReadInAnyCaseWithSpacesAndDashesAndShownInTwoHalves() {
        assertThat(JoinCodes.normalise(" abc-d2e ")).isEqualTo("ABCD2E");
        assertThat(JoinCodes.normalise("abc d2e")).isEqualTo("ABCD2E");
        assertThat(JoinCodes.spaced("ABCD2E")).isEqualTo("ABC D2E");
    }

    /** A clock the test moves on. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveWrongTriesHoldAUserBackUntilTheOldestIsAQuarterOfAnHourOld() {
        MovingClock clock = new MovingClock();
        JoinAttempts attempts = new JoinAttempts(clock);
        for (int i = 0; i < 4; i++) {
            attempts.wrong("anna");
            clock.now = clock.now.plusSeconds(60);
        }
        assertThat(attempts.allowed("anna")).isTrue();
        attempts.wrong("anna");
        assertThat(attempts.allowed("anna")).isFalse();
        assertThat(attempts.allowed("bram")).isTrue();
        // The first wrong try was at 10:00; at 10:14:59 it still counts, at 10:15:01 it no longer does.
        clock.now = Instant.parse("2026-12-05T10:14:59Z");
        assertThat(attempts.allowed("anna")).isFalse();
        clock.now = Instant.parse("2026-12-05T10:00:00Z").plus(JoinAttempts.WINDOW).plus(Duration.ofSeconds(1));
        assertThat(attempts.allowed("anna")).isTrue();
    }
}
