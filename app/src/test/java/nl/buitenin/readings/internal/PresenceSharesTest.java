package nl.buitenin.readings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The presence signal's test, checked against a published example and an exact sum written out here. */
class PresenceSharesTest {

    @Test
    void fishersLadyTastingTea() {
        // Fisher (1935): 3 of the 4 cups with milk first named rightly; one-sided p = 17/70 (R: fisher.test(
        // matrix(c(3,1,1,3),2), alternative = "greater") gives 0.2429).
        assertThat(PresenceShares.greater(3, 4, 1, 4)).isCloseTo(17.0 / 70, within(1e-12));
        assertThat(PresenceShares.greater(4, 4, 0, 4)).isCloseTo(1.0 / 70, within(1e-12));
    }

    @Test
    void theUpperTailIsTheHypergeometricSumOfTheTable() {
        // 12 of 30 answers right after the contact against 20 of 170: P(X >= 12), X the unit's quick answers when the
        // 32 quick ones of all 200 are shared out at random over 30 and 170, summed exactly with binomial coefficients.
        BigDecimal sum = BigDecimal.ZERO;
        BigInteger all = binomial(200, 30);
        for (int x = 12; x <= 30; x++) {
            sum = sum.add(new BigDecimal(binomial(32, x).multiply(binomial(168, 30 - x))).divide(new BigDecimal(all), MathContext.DECIMAL128));
        }
        assertThat(PresenceShares.greater(12, 30, 20, 170)).isCloseTo(sum.doubleValue(), within(1e-12));
        assertThat(sum.doubleValue()).isLessThan(0.001);
    }

    @Test
    void aUnitFarAboveItsGroupIsFlaggedTheRestAndTheUntestedAreNot() {
        List<PresenceShares.Unit> units = new ArrayList<>();
        units.add(new PresenceShares.Unit("quick", "A", 40, 28));
        for (int i = 0; i < 4; i++) {
            units.add(new PresenceShares.Unit("a" + i, "A", 40, 4 + i % 2));
        }
        units.add(new PresenceShares.Unit("few", "A", 10, 9));
        units.add(new PresenceShares.Unit("unknown", "B", 0, 0));
        List<PresenceShares.Reading> readings = new PresenceShares(0.05, 20).read(units);

        assertThat(readings.get(0).flagged()).isTrue();
        assertThat(readings.get(0).share()).isEqualTo(0.7);
        // Against the rest of team A: the four (18 of 160) and the one with few answers (9 of 10).
        assertThat(readings.get(0).referenceShare()).isCloseTo(27.0 / 170, within(1e-12));
        assertThat(readings.subList(1, 5)).noneMatch(PresenceShares.Reading::flagged);
        assertThat(readings.get(5).pValue()).isNull();
        assertThat(readings.get(5).flagged()).isFalse();
        assertThat(readings.get(6).pValue()).isNull();
        assertThat(readings.get(6).flagged()).isFalse();
    }

    @Test
    void equalSharesAreNotFlaggedHoweverManyAnswers() {
        List<PresenceShares.Reading> readings = new PresenceShares(0.05, 20).read(List.of(
                new PresenceShares.Unit("a", null, 5000, 500), new PresenceShares.Unit("b", null, 5000, 500)));
        assertThat(readings).noneMatch(PresenceShares.Reading::flagged);
        assertThat(readings.get(0).pValue()).isGreaterThan(0.4);
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger result = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            result = result.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return result;
    }
}
