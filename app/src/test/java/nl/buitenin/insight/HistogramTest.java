package nl.buitenin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void npsCountsNineAndTenAsPromotersAndZeroToSixAsDetractors() {
        Histogram answers = Histogram.of(ScoreScale.NPS, 10, 9, 8, 7, 6, 0, 10, 9);
        // 4 promoters, 2 passives, 2 detractors of 8: (4 - 2) / 8 = 25 points.
        assertThat(answers.score().orElseThrow().value()).isCloseTo(25.0, within(1e-9));
        assertThat(answers.score().orElseThrow().n()).isEqualTo(8);
    }

    @Test
    void csatIsTheShareOfFoursAndFives() {
        Histogram answers = Histogram.of(ScoreScale.CSAT, 5, 4, 3, 2, 1, 5, 5, 4, 4, 1);
        assertThat(answers.score().orElseThrow().value()).isCloseTo(60.0, within(1e-9));
    }

    @Test
    void cesMeanAndSpreadComeExactlyFromTheCounts() {
        // 2, 4, 4, 4, 5, 5, 7, 7: mean 4.75, sample variance 32/7 ... computed by hand: sum of squares 19.5, / 7.
        Histogram answers = Histogram.of(ScoreScale.CES, 2, 4, 4, 4, 5, 5, 7, 7);
        assertThat(answers.mean()).isCloseTo(4.75, within(1e-12));
        assertThat(answers.standardDeviation()).isCloseTo(Math.sqrt(19.5 / 7), within(1e-12));
    }

    @Test
    void histogramsAddUpToTheHistogramOfAllAnswers() {
        Histogram week1 = Histogram.of(ScoreScale.NPS, 10, 3, 8);
        Histogram week2 = Histogram.of(ScoreScale.NPS, 9, 9, 0);
        assertThat(week1.plus(week2)).isEqualTo(Histogram.of(ScoreScale.NPS, 10, 3, 8, 9, 9, 0));
    }

    @Test
    void noScoreWithoutAnswersAndNoMeanFromOneAnswer() {
        assertThat(Histogram.empty(ScoreScale.NPS).score()).isEmpty();
        assertThat(Histogram.of(ScoreScale.CES, 5).score()).isEmpty();
    }

    @Test
    void refusesValuesOffTheScale() {
        assertThatThrownBy(() -> Histogram.of(ScoreScale.CSAT, 0)).hasMessageContaining("1 to 5");
        assertThatThrownBy(() -> Histogram.of(ScoreScale.NPS, 11)).hasMessageContaining("0 to 10");
        assertThatThrownBy(() -> Histogram.of(ScoreScale.NPS, 1).plus(Histogram.of(ScoreScale.CSAT, 1)))
                .hasMessageContaining("cannot add");
    }
}
