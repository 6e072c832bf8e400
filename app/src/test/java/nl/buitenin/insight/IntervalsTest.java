package nl.buitenin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Checked against published worked examples and against independent computations (bootstrap and
 * simulated coverage), never against figures this code produced.
 */
class IntervalsTest {

    @Test
    void npsOfTheIssuesExampleWithThePlainWaldMargin() {
        // 1162 answers, 291 promoters, 395 detractors: NPS -8.95 with a plain-Wald 95 % margin of 4.39.
        Estimate plain = Intervals.npsPlainWald(291, 1162 - 291 - 395, 395);
        assertThat(plain.n()).isEqualTo(1162);
        assertThat(plain.value()).isCloseTo(-8.95, within(0.005));
        assertThat(plain.margin()).isCloseTo(4.39, within(0.005));
    }

    @Test
    void adjustedWaldAddsThreeQuartersToPromotersAndDetractorsAndThreeToN() {
        // By hand for 1162/291/395: p = 291.75/1165, d = 395.75/1165; var = (p + d - (p - d)^2) / 1165.
        double p = 291.75 / 1165;
        double d = 395.75 / 1165;
        double margin = 1.96 * Math.sqrt((p + d - (p - d) * (p - d)) / 1165);
        Estimate adjusted = Intervals.nps(291, 476, 395);
        assertThat(adjusted.value()).isCloseTo(-8.95, within(0.005));
        assertThat(adjusted.lower()).isCloseTo(100 * (p - d - margin), within(0.01));
        assertThat(adjusted.upper()).isCloseTo(100 * (p - d + margin), within(0.01));
        // With 1162 answers the adjustment hardly matters: the same margin as plain Wald to 0.01 points.
        assertThat(adjusted.margin()).isCloseTo(4.39, within(0.01));
    }

    @Test
    void npsIntervalAgreesWithAPercentileBootstrapOfTheSameAnswers() {
        int[] scores = new int[1162];
        Arrays.fill(scores, 0, 291, 1);
        Arrays.fill(scores, 291, 291 + 395, -1);
        Random random = new Random(7);
        double[] means = new double[4000];
        for (int b = 0; b < means.length; b++) {
            long sum = 0;
            for (int i = 0; i < scores.length; i++) {
                sum += scores[random.nextInt(scores.length)];
            }
            means[b] = 100.0 * sum / scores.length;
        }
        Arrays.sort(means);
        Estimate adjusted = Intervals.nps(291, 476, 395);
        assertThat(adjusted.lower()).isCloseTo(means[100], within(0.4));
        assertThat(adjusted.upper()).isCloseTo(means[3899], within(0.4));
    }

    @Test
    void adjustedWaldCoversTheTrueNpsAboutNinetyFivePercentOfTheTimeInSmallSamples() {
        // Rocks (2016): the adjusted-Wald interval keeps close to nominal coverage where plain Wald does not.
        Random random = new Random(2016);
        double promoterShare = 0.5;
        double detractorShare = 0.2;
        double trueNps = 100 * (promoterShare - detractorShare);
        int trials = 20_000;
        int adjustedCovers = 0;
        int plainCovers = 0;
        for (int trial = 0; trial < trials; trial++) {
            long promoters = 0;
            long detractors = 0;
            for (int i = 0; i < 20; i++) {
                double u = random.nextDouble();
                if (u < promoterShare) {
                    promoters++;
                } else if (u < promoterShare + detractorShare) {
                    detractors++;
                }
            }
            Estimate adjusted = Intervals.nps(promoters, 20 - promoters - detractors, detractors);
            Estimate plain = Intervals.npsPlainWald(promoters, 20 - promoters - detractors, detractors);
            adjustedCovers += adjusted.lower() <= trueNps && trueNps <= adjusted.upper() ? 1 : 0;
            plainCovers += plain.lower() <= trueNps && trueNps <= plain.upper() ? 1 : 0;
        }
        assertThat((double) adjustedCovers / trials).isBetween(0.935, 0.975);
        assertThat(plainCovers).isLessThan(adjustedCovers);
    }

    @Test
    void wilsonIntervalsOfNewcombesTableOne() {
        // Newcombe (1998), Statistics in Medicine 17:857-872, table I, method 3 (score, no continuity correction).
        assertShare(Intervals.share(81, 263), 25.53, 36.62);
        assertShare(Intervals.share(15, 148), 6.24, 16.05);
        assertShare(Intervals.share(0, 20), 0.00, 16.11);
        assertShare(Intervals.share(1, 29), 0.61, 17.18);
    }

    @Test
    void tIntervalOfStudentsSleepData() {
        // Cushny and Peebles' data as used by Student (1908); R: t.test(extra ~ group, data = sleep, paired = TRUE)
        // gives a mean difference of 1.58 with 95 % interval 0.7001142 to 2.4598858.
        double[] differences = {1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4};
        double mean = Arrays.stream(differences).average().orElseThrow();
        double squares = Arrays.stream(differences).map(x -> (x - mean) * (x - mean)).sum();
        Estimate estimate = Intervals.mean(differences.length, mean, Math.sqrt(squares / (differences.length - 1)));
        assertThat(estimate.value()).isCloseTo(1.58, within(1e-9));
        assertThat(estimate.lower()).isCloseTo(0.7001142, within(1e-6));
        assertThat(estimate.upper()).isCloseTo(2.4598858, within(1e-6));
        assertThat(estimate.smallSample()).isTrue();
    }

    @Test
    void tIntervalUsesTheTablesCriticalValue() {
        // Student t table: t(0.975, 24 df) = 2.064; mean 75, s 10, n 25 gives 75 +/- 4.128.
        Estimate estimate = Intervals.mean(25, 75, 10);
        assertThat(estimate.margin()).isCloseTo(2.064 * 10 / 5, within(0.001));
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> Intervals.nps(0, 0, 0)).hasMessageContaining("at least one answer");
        assertThatThrownBy(() -> Intervals.share(5, 4)).hasMessageContaining("successes <= n");
        assertThatThrownBy(() -> Intervals.mean(1, 3, 0)).hasMessageContaining("two answers");
    }

    @Test
    void flagsSamplesBelowThirty() {
        assertThat(Intervals.share(10, 29).smallSample()).isTrue();
        assertThat(Intervals.share(10, 30).smallSample()).isFalse();
    }

    private static void assertShare(Estimate estimate, double lower, double upper) {
        assertThat(estimate.lower()).isCloseTo(lower, within(0.006));
        assertThat(estimate.upper()).isCloseTo(upper, within(0.006));
    }
}
