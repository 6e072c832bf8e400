package nl.buitenin.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmallCellsTest {

    @Test
    void hidesCountsOfOneToFourPersonsWithTheDefaultK() {
        for (long count = 1; count < 5; count++) {
            assertThat(SmallCells.suppress(count, SmallCells.DEFAULT_K).hidden()).isTrue();
            assertThat(SmallCells.suppress(count, SmallCells.DEFAULT_K)).hasToString("<5");
        }
    }

    @Test
    void showsZeroAndCountsOfKOrMore() {
        assertThat(SmallCells.suppress(0, 5).value()).isZero();
        assertThat(SmallCells.suppress(5, 5).value()).isEqualTo(5);
        assertThat(SmallCells.suppress(1234, 10)).hasToString("1234");
    }

    @Test
    void refusesANonsensicalThreshold() {
        assertThatThrownBy(() -> SmallCells.suppress(3, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRuleHidesOneToKMinusOnePeopleButNotNobody() {
        SmallCellRule rule = new SmallCellRule(5);
        assertThat(rule.hides(0)).isFalse();
        for (long people = 1; people < 5; people++) {
            assertThat(rule.hides(people)).isTrue();
        }
        assertThat(rule.hides(5)).isFalse();
        assertThat(new SmallCellRule(1).hides(1)).isFalse();
        assertThatThrownBy(() -> new SmallCellRule(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCountOfThingsIsHiddenByThePeopleBehindIt() {
        SmallCellRule rule = new SmallCellRule(5);
        assertThat(rule.suppress(12, 2)).hasToString("<5");
        assertThat(rule.suppress(12, 2).value()).isNull();
        assertThat(rule.suppress(12, 5)).hasToString("12");
        assertThat(rule.suppress(0, 0)).hasToString("0");
    }
}
