package nl.buitenin.insight.readings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class FalseDiscoveryTest {

    /**
     * Benjamini and Hochberg (1995), section 4: of these 15 p-values the procedure rejects the four smallest at a
     * false-discovery rate of 0.05 (Bonferroni only three). The q-values are R's p.adjust(p, "BH").
     */
    @Test
    void reproducesBenjaminiAndHochbergsExample() {
        double[] p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719,
                0.6528, 0.7590, 1.000};
        double[] q = FalseDiscovery.adjust(p);
        assertThat(IntStream.range(0, p.length).filter(i -> q[i] <= 0.05).count()).isEqualTo(4);
        double[] r = {0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.063857, 0.063857, 0.0645, 0.0765, 0.486, 0.581182,
                0.714875, 0.753231, 0.813214, 1.0};
        for (int i = 0; i < p.length; i++) {
            assertThat(q[i]).as("q of p = %s", p[i]).isCloseTo(r[i], within(1e-6));
        }
    }

    @Test
    void keepsTheOrderOfItsInput() {
        double[] q = FalseDiscovery.adjust(new double[] {0.5, 0.01, 0.04});
        assertThat(q).containsExactly(new double[] {0.5, 0.03, 0.06}, within(1e-12));
    }
}
