package nl.buitenin.offers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.buitenin.journey.InteractionKind;

/**
 * Fading against hand computations: a weight halves exactly after one half-life, and the expected values below were
 * worked out apart from this code (0,8 · 2^−0,3 and 2^−10/14 + 0,4 · 2^−1, each to ten digits).
 */
class FadingTest {

    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    static final Duration FOURTEEN_DAYS = Duration.ofDays(14);

    @Test
    void aWeightHalvesExactlyAfterOneHalfLifeAndQuartersAfterTwo() {
        Fading.State booked = new Fading.State(1.0, T0);
        assertThat(Fading.weightAt(booked, T0, FOURTEEN_DAYS)).isEqualTo(1.0);
        assertThat(Fading.weightAt(booked, T0.plus(FOURTEEN_DAYS), FOURTEEN_DAYS)).isEqualTo(0.5);
        assertThat(Fading.weightAt(booked, T0.plus(Duration.ofDays(28)), FOURTEEN_DAYS)).isEqualTo(0.25);
        assertThat(Fading.weightAt(new Fading.State(3.0, T0), T0.plus(Duration.ofHours(36)), Duration.ofHours(12))).isEqualTo(0.375);
    }

    @Test
    void aPartOfAHalfLifeMatchesTheHandComputation() {
        // 0,8 after 3 of 10 days: 0,8 · 2^(−0,3) = 0,6498019171
        assertThat(Fading.weightAt(new Fading.State(0.8, T0), T0.plus(Duration.ofDays(3)), Duration.ofDays(10)))
                .isCloseTo(0.6498019171, within(1e-9));
    }

    @Test
    void anInteractionAddsToWhatIsLeftAndALateOneEndsTheSameAsInOrder() {
        Fading.State first = Fading.add(null, 1.0, T0, FOURTEEN_DAYS);
        Fading.State second = Fading.add(first, 1.0, T0.plus(FOURTEEN_DAYS), FOURTEEN_DAYS);
        assertThat(second.weight()).isEqualTo(1.5);
        assertThat(second.at()).isEqualTo(T0.plus(FOURTEEN_DAYS));
        assertThat(Fading.weightAt(second, T0.plus(Duration.ofDays(28)), FOURTEEN_DAYS)).isEqualTo(0.75);

        Fading.State lateFirst = Fading.add(Fading.add(null, 1.0, T0.plus(FOURTEEN_DAYS), FOURTEEN_DAYS), 1.0, T0, FOURTEEN_DAYS);
        assertThat(lateFirst).isEqualTo(second);
    }

    @Test
    void kindsFadeEachAtTheirOwnPaceAndTheInterestCountsUntilItCrossesTheThreshold() {
        InterestSettings settings = InterestSettings.sensibleDefault();
        List<JdbcInterests.Row> rows = List.of(new JdbcInterests.Row("Cuba", InteractionKind.PURCHASE, new Fading.State(1.0, T0)),
                new JdbcInterests.Row("Cuba", InteractionKind.SEARCH, new Fading.State(0.4, T0)));
        // After 10 days: 2^(−10/14) + 0,4 · 2^(−10/10) = 0,6095068271 + 0,2
        assertThat(InterestBook.weight(rows, settings, T0.plus(Duration.ofDays(10)))).isCloseTo(0.8095068271, within(1e-9));

        List<JdbcInterests.Row> oneBooking = List.of(new JdbcInterests.Row("Cuba", InteractionKind.PURCHASE, new Fading.State(1.0, T0)));
        // One booking (1, half-life 14 days) against the threshold 0,5: it counts for exactly 14 days.
        Instant until = InterestBook.countsUntil(oneBooking, settings, T0);
        assertThat(Duration.between(T0.plus(FOURTEEN_DAYS), until).abs()).isLessThanOrEqualTo(Duration.ofMinutes(1));
    }
}
