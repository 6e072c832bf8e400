package nl.buitenin.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The loop's shares use insight's Wilson interval; checked against Newcombe (1998), "Two-sided confidence intervals for the single proportion", table I, method 3. */
class ShareTest {

    @ParameterizedTest(name = "{0}/{1} -> {2}..{3}")
    @CsvSource({
            "81, 263, 0.2553, 0.3662",
            "15, 148, 0.0624, 0.1605",
            "0, 20, 0.0000, 0.1611",
            "1, 29, 0.0061, 0.1718"})
    void matchesNewcombesTable(long successes, long n, double low, double high) {
        Share share = Share.of(successes, n);
        assertThat(share.low()).isCloseTo(low, within(0.00006));
        assertThat(share.high()).isCloseTo(high, within(0.00006));
        assertThat(share.value()).isCloseTo((double) successes / n, within(1e-12));
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> Share.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Share.of(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
