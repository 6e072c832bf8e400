package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SlicesTest {

    @Test
    void aListIsCutInOrderIntoSlicesOfAtMostTheSize() {
        assertThat(Slices.of(List.of(1, 2, 3, 4, 5), 2)).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
        assertThat(Slices.of(List.of(1, 2, 3, 4), 2)).containsExactly(List.of(1, 2), List.of(3, 4));
        assertThat(Slices.of(List.of(1, 2), 500)).containsExactly(List.of(1, 2));
        assertThat(Slices.of(List.<Integer>of(), 500)).isEmpty();
    }

    @Test
    void aSliceOfNothingIsRefused() {
        assertThatThrownBy(() -> Slices.of(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
