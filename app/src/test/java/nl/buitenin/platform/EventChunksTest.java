package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Events cut by a count and by their characters in the event log. */
class EventChunksTest {

    @Test
    void chunksHoldAtMostTheCountAndTheCharactersInTheirOrder() {
        List<Integer> sizes = List.of(1, 2, 3, 4, 5, 6, 7);
        assertThat(EventChunks.of(sizes, 3, 0, s -> s)).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7));

        // 400 000 characters each: two fit with an overhead of 100 000 (900 000), a third does not.
        List<Integer> large = Collections.nCopies(5, 400_000);
        assertThat(EventChunks.of(large, 100, 100_000, s -> s)).extracting(List::size).containsExactly(2, 2, 1);
        // One over the limit on its own still goes, alone.
        assertThat(EventChunks.of(List.of(10, 2_000_000, 10), 100, 0, s -> s)).containsExactly(List.of(10), List.of(2_000_000),
                List.of(10));
        assertThat(EventChunks.of(List.<Integer>of(), 10, 0, s -> s)).isEmpty();
    }

    @Test
    void aTextIsBoundedByItsLongestEscapes() {
        assertThat(EventChunks.textLength(null)).isEqualTo("null,".length());
        assertThat(EventChunks.textLength("")).isEqualTo("\"\",".length());
        assertThat(EventChunks.textLength("ab")).isEqualTo("\"ab\",".length());
        assertThat(EventChunks.textLength("a\"b\\")).isEqualTo("\"a\\\"b\\\\\",".length());
        assertThat(EventChunks.textLength("\u0001")).isEqualTo("\"\\u0001\",".length());
        assertThat(EventChunks.textLength("é\uD83D\uDE00")).isEqualTo(3 + 3);
    }
}
