package nl.buitenin.insight.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Against worked examples computed by hand. */
class AgreementTest {

    @Test
    void kappaOfTheTextbookTwoByTwoExample() {
        // 50 items: both yes 20, A yes/B no 5, A no/B yes 10, both no 15. p_o = 0.7;
        // p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa = (0.7 - 0.5) / 0.5 = 0.4
        double[][] table = {{20, 5}, {10, 15}};
        assertThat(Agreement.kappa(table)).isCloseTo(0.4, within(1e-12));
        assertThat(Agreement.accuracy(table)).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void perfectAgreementIsOneAndChanceIsZero() {
        assertThat(Agreement.kappa(new double[][] {{5, 0, 0}, {0, 3, 0}, {0, 0, 2}})).isCloseTo(1, within(1e-12));
        // independent labellings with the same margins: every cell the product of the margins
        assertThat(Agreement.kappa(new double[][] {{4, 4}, {4, 4}})).isCloseTo(0, within(1e-12));
    }

    @Test
    void macroF1IsTheMeanOfTheClassesF1() {
        // rows gold, columns predicted. Class 0: P = 8/10, R = 8/10 → F1 0.8.
        // Class 1: P = 5/7, R = 5/8 → F1 = 2·(5/7)(5/8)/((5/7)+(5/8)) = 2/3.
        // Class 2: P = 3/5, R = 3/4 → F1 = 2·0.6·0.75/1.35 = 2/3.
        double[][] table = {{8, 1, 1}, {2, 5, 1}, {0, 1, 3}};
        assertThat(Agreement.macroF1(table)).isCloseTo((0.8 + 2.0 / 3 + 2.0 / 3) / 3, within(1e-12));
        assertThat(Agreement.accuracy(table)).isCloseTo(16.0 / 22, within(1e-12));
    }
}
