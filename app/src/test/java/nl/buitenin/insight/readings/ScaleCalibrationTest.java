package nl.buitenin.insight.readings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

import nl.buitenin.insight.readings.ScaleCalibration.Answer;
import nl.buitenin.insight.readings.ScaleCalibration.Result;
import nl.buitenin.insight.readings.ScaleCalibration.Target;

/**
 * Respondents' own scales, checked against a computation by hand, an independent matrix solution of the same model,
 * and simulated respondents with known habits — never against the code's own output.
 */
class ScaleCalibrationTest {

    /**
     * Three people rate two targets once each:
     * <pre>
     *        X  Y   person mean
     *   A    5  7   6
     *   B    7  8   7.5
     *   C    9  9   9
     *   mean 7  8   7.5
     * </pre>
     * The two-way residuals y − person mean − target mean + 7.5 are −0.5, 0.5 / 0, 0 / 0.5, −0.5: RSS 1 over
     * 6 − 3 − 2 + 1 = 2 degrees of freedom, σ² = 0.5. The person effects 6, 7.5, 9 vary by 2.25; less σ²·mean(1/n) =
     * 0.25 gives τ² = 2. Balanced, the offsets are the person means' deviations shrunk by 2τ²/(2τ² + σ²) = 4/4.5:
     * −4/3, 0, 4/3; the target means stay 7 and 8 (everyone rated both, so nobody's habit favours either).
     */
    @Test
    void aSmallExampleByHand() {
        List<Answer> answers = List.of(new Answer("A", "X", 5), new Answer("A", "Y", 7), new Answer("B", "X", 7),
                new Answer("B", "Y", 8), new Answer("C", "X", 9), new Answer("C", "Y", 9));
        Result result = ScaleCalibration.calibrate(answers, 0, 1);
        assertThat(result.model().noiseVariance()).isCloseTo(0.5, within(1e-9));
        assertThat(result.model().offsetVariance()).isCloseTo(2.0, within(1e-9));
        assertThat(result.model().offset("A")).isCloseTo(-4.0 / 3, within(1e-9));
        assertThat(result.model().offset("B")).isCloseTo(0, within(1e-9));
        assertThat(result.model().offset("C")).isCloseTo(4.0 / 3, within(1e-9));
        assertThat(result.targets()).extracting(Target::target).containsExactly("X", "Y");
        assertThat(result.targets().get(0).calibratedMean()).isCloseTo(7, within(1e-9));
        assertThat(result.targets().get(1).calibratedMean()).isCloseTo(8, within(1e-9));
        assertThat(result.targets().get(0).rawMean()).isEqualTo(7);
        assertThat(result.model().calibrated(new Answer("A", "X", 5))).isCloseTo(5 + 4.0 / 3, within(1e-9));
    }

    @Test
    void peopleWithOneAnswerKeepThePopulationScale() {
        List<Answer> answers = new ArrayList<>(List.of(new Answer("A", "X", 5), new Answer("A", "Y", 7),
                new Answer("B", "X", 7), new Answer("B", "Y", 8), new Answer("C", "X", 9), new Answer("C", "Y", 9),
                new Answer("D", "X", 10), new Answer(null, "Y", 2), new Answer(null, "Y", 3)));
        Result result = ScaleCalibration.calibrate(answers, 0, 1);
        assertThat(result.model().offsets()).containsEntry("D", 0.0);
        assertThat(result.model().calibrated(new Answer("D", "X", 10))).isEqualTo(10);
        assertThat(result.model().calibrated(new Answer(null, "Y", 2))).isEqualTo(2);
        assertThat(result.targets().get(1).n()).isEqualTo(5);
    }

    @Test
    void nobodyWithAHistoryMeansNoCorrection() {
        List<Answer> answers = List.of(new Answer("A", "X", 5), new Answer("B", "X", 9), new Answer("C", "Y", 7));
        Result result = ScaleCalibration.calibrate(answers, 50, 1);
        assertThat(result.model().offsetVariance()).isZero();
        for (Target target : result.targets()) {
            assertThat(target.calibratedMean()).isEqualTo(target.rawMean());
        }
    }

    /**
     * An unbalanced example checked against an independent solution of the same model: σ² and the person effects from
     * a least-squares fit of dummy columns (QR); the mix (shares per target of people with two or more answers,
     * centred, here without the first target where the code leaves out the last); τ² from the formula with the hat
     * matrix of (1, mix); then Henderson's mixed-model equations with target, mix and person columns solved as one
     * linear system (the code solves the fixed part by generalised least squares and the persons by their BLUP).
     */
    @Test
    void agreesWithTheMundlakModelSolvedDirectly() {
        SplittableRandom random = new SplittableRandom(7);
        List<Answer> answers = new ArrayList<>();
        for (int p = 0; p < 16; p++) {
            double offset = random.nextDouble(-2, 2);
            int count = 1 + random.nextInt(5);
            for (int k = 0; k < count; k++) {
                int t = offset < 0 ? random.nextInt(3) : random.nextInt(2); // the lenient skip the third target
                answers.add(new Answer("p" + p, "t" + t, Math.round(6 + t + offset + random.nextGaussian())));
            }
        }
        Result result = ScaleCalibration.calibrate(answers, 0, 1);

        List<String> targets = answers.stream().map(Answer::target).distinct().toList();
        List<String> persons = answers.stream().map(Answer::person).distinct().toList();
        int n = answers.size();
        RealVector y = new ArrayRealVector(answers.stream().mapToDouble(Answer::score).toArray());
        RealMatrix x = new Array2DRowRealMatrix(n, targets.size() + persons.size() - 1); // first person the reference
        for (int a = 0; a < n; a++) {
            x.setEntry(a, targets.indexOf(answers.get(a).target()), 1);
            int person = persons.indexOf(answers.get(a).person());
            if (person > 0) {
                x.setEntry(a, targets.size() + person - 1, 1);
            }
        }
        RealVector coefficients = new QRDecomposition(x).getSolver().solve(y);
        RealVector residuals = y.subtract(x.operate(coefficients));
        double sigma2 = residuals.dotProduct(residuals) / (n - persons.size() - targets.size() + 1);
        Map<String, Integer> counts = new LinkedHashMap<>();
        answers.forEach(a -> counts.merge(a.person(), 1, Integer::sum));
        List<String> repeat = persons.stream().filter(p -> counts.get(p) >= 2).toList();
        int r = repeat.size();

        // The mix: shares of targets 2..T per repeat person, centred on the repeat persons' average.
        int mixColumns = targets.size() - 1;
        double[][] mix = new double[r][mixColumns];
        for (Answer answer : answers) {
            int i = repeat.indexOf(answer.person());
            int t = targets.indexOf(answer.target());
            if (i >= 0 && t > 0) {
                mix[i][t - 1] += 1.0 / counts.get(answer.person());
            }
        }
        for (int c = 0; c < mixColumns; c++) {
            int column = c;
            double average = java.util.Arrays.stream(mix).mapToDouble(m -> m[column]).average().orElseThrow();
            for (double[] m : mix) {
                m[c] -= average;
            }
        }

        // τ²: person effects regressed on (1, mix); E[RSS] = Σ (1 − h)(τ² + σ²/n).
        RealMatrix z = new Array2DRowRealMatrix(r, 1 + mixColumns);
        RealVector effects = new ArrayRealVector(r);
        for (int i = 0; i < r; i++) {
            z.setEntry(i, 0, 1);
            for (int c = 0; c < mixColumns; c++) {
                z.setEntry(i, 1 + c, mix[i][c]);
            }
            int index = persons.indexOf(repeat.get(i));
            effects.setEntry(i, index == 0 ? 0 : coefficients.getEntry(targets.size() + index - 1));
        }
        RealVector fitted = z.operate(new QRDecomposition(z).getSolver().solve(effects));
        RealVector left = effects.subtract(fitted);
        RealMatrix hat = z.multiply(new LUDecomposition(z.transpose().multiply(z)).getSolver().getInverse()).multiply(z.transpose());
        double sampling = 0;
        for (int i = 0; i < r; i++) {
            sampling += (1 - hat.getEntry(i, i)) / counts.get(repeat.get(i));
        }
        double tau2 = (left.dotProduct(left) - sigma2 * sampling) / (r - 1 - mixColumns);
        assertThat(tau2).as("the example needs a positive offset variance").isPositive();
        assertThat(result.model().noiseVariance()).isCloseTo(sigma2, within(1e-6));
        assertThat(result.model().offsetVariance()).isCloseTo(tau2, within(1e-6));

        // Henderson: [X'X  X'Z; Z'X  Z'Z + λI] [β; u] = [X'y; Z'y], X the target and mix columns, Z the repeat persons'.
        int fixed = targets.size() + mixColumns;
        RealMatrix design = new Array2DRowRealMatrix(n, fixed + r);
        for (int a = 0; a < n; a++) {
            design.setEntry(a, targets.indexOf(answers.get(a).target()), 1);
            int i = repeat.indexOf(answers.get(a).person());
            if (i >= 0) {
                for (int c = 0; c < mixColumns; c++) {
                    design.setEntry(a, targets.size() + c, mix[i][c]);
                }
                design.setEntry(a, fixed + i, 1);
            }
        }
        RealMatrix lhs = design.transpose().multiply(design);
        for (int i = 0; i < r; i++) {
            lhs.addToEntry(fixed + i, fixed + i, sigma2 / tau2);
        }
        RealVector solution = new LUDecomposition(lhs).getSolver().solve(design.transpose().operate(y));
        Map<String, Double> offsets = new LinkedHashMap<>();
        for (int i = 0; i < r; i++) {
            double offset = solution.getEntry(fixed + i);
            for (int c = 0; c < mixColumns; c++) {
                offset += solution.getEntry(targets.size() + c) * mix[i][c];
            }
            offsets.put(repeat.get(i), offset);
            assertThat(result.model().offset(repeat.get(i))).as(repeat.get(i)).isCloseTo(offset, within(1e-6));
        }
        persons.stream().filter(p -> counts.get(p) == 1).forEach(p -> assertThat(result.model().offset(p)).isZero());
        for (Target target : result.targets()) {
            assertThat(target.calibratedMean()).isCloseTo(solution.getEntry(targets.indexOf(target.target())), within(1e-6));
        }
    }

    /**
     * Mundlak's property: with each person's mean of the target columns (their mix) in the model, the target effects
     * equal the fixed-effects (within-person) estimator's, whatever τ² — in a balanced case (everyone three answers)
     * and, since every answer here comes from someone with a history, in an unbalanced one too. The fixed-effects fit is
     * computed here by QR on target and person dummy columns.
     */
    @Test
    void targetEffectsEqualTheWithinPersonEstimator() {
        for (boolean balanced : new boolean[] {true, false}) {
            SplittableRandom random = new SplittableRandom(balanced ? 11 : 12);
            List<Answer> answers = new ArrayList<>();
            for (int p = 0; p < 40; p++) {
                double offset = random.nextGaussian() * 1.5;
                int count = balanced ? 3 : 2 + random.nextInt(5);
                for (int k = 0; k < count; k++) {
                    // harsher people favour the later targets: the habit goes with the mix
                    int t = random.nextDouble() < 0.7 ? (offset < 0 ? 2 + random.nextInt(2) : random.nextInt(2)) : random.nextInt(4);
                    answers.add(new Answer("p" + p, "t" + t, Math.round(6 + 0.4 * t + offset + random.nextGaussian())));
                }
            }
            Result result = ScaleCalibration.calibrate(answers, 0, 1);
            assertThat(result.model().offsetVariance()).as("a mixed model, not a degenerate one").isPositive();

            List<String> targets = answers.stream().map(Answer::target).distinct().toList();
            List<String> persons = answers.stream().map(Answer::person).distinct().toList();
            RealMatrix x = new Array2DRowRealMatrix(answers.size(), targets.size() + persons.size() - 1);
            RealVector y = new ArrayRealVector(answers.size());
            for (int a = 0; a < answers.size(); a++) {
                x.setEntry(a, targets.indexOf(answers.get(a).target()), 1);
                int person = persons.indexOf(answers.get(a).person());
                if (person > 0) {
                    x.setEntry(a, targets.size() + person - 1, 1);
                }
                y.setEntry(a, answers.get(a).score());
            }
            RealVector within = new QRDecomposition(x).getSolver().solve(y);
            Target first = result.targets().get(0);
            for (Target target : result.targets()) {
                double expected = within.getEntry(targets.indexOf(target.target())) - within.getEntry(targets.indexOf(first.target()));
                assertThat(target.calibratedMean() - first.calibratedMean()).as(target.target() + (balanced ? " balanced" : " unbalanced"))
                        .isCloseTo(expected, within(1e-6));
            }
        }
    }

    /**
     * Harsh raters (a point and a half below, never above an 8) mostly answer about the better targets, lenient ones
     * (a point and a half above) about the worse: the raw means rank the targets wrongly, the calibrated means rightly.
     */
    @Test
    void calibratedMeansRankTargetsRightlyWhereRawMeansDoNot() {
        int rawRight = 0;
        int calibratedRight = 0;
        int seeds = 20;
        for (long seed = 1; seed <= seeds; seed++) {
            Result result = ScaleCalibration.calibrate(uneven(new SplittableRandom(seed), 150), 0, seed);
            if (rankedRightly(result, Target::rawMean)) {
                rawRight++;
            }
            if (rankedRightly(result, Target::calibratedMean)) {
                calibratedRight++;
            }
        }
        assertThat(rawRight).as("raw means rank rightly").isZero();
        assertThat(calibratedRight).as("calibrated means rank rightly").isGreaterThanOrEqualTo(16);
    }

    @Test
    void theIntervalsCoverTheTruthAndAreWiderThanNoise() {
        Result result = ScaleCalibration.calibrate(uneven(new SplittableRandom(3), 150), 400, 3);
        for (Target target : result.targets()) {
            double truth = TRUE_EFFECTS[Integer.parseInt(target.target().substring(1))];
            assertThat(target.low()).isLessThan(target.calibratedMean());
            assertThat(target.high()).isGreaterThan(target.calibratedMean());
            assertThat(truth).as(target.target()).isBetween(target.low() - 0.1, target.high() + 0.1);
            assertThat(target.rawLow()).isLessThan(target.rawMean());
            assertThat(target.rawHigh()).isGreaterThan(target.rawMean());
        }
        Result again = ScaleCalibration.calibrate(uneven(new SplittableRandom(3), 150), 400, 3);
        assertThat(again.targets()).as("seeded: a run repeats").isEqualTo(result.targets());
    }

    /** The targets' true effects on a 0–10 scale, best last. */
    static final double[] TRUE_EFFECTS = {6.8, 7.2, 7.6, 8.0};

    /**
     * Simulated respondents: a third harsh (offset −1.5 and never above 8), a third lenient (+1.5), a third neutral,
     * each with a little personal jitter (sd 0.3); 2 to 6 answers each, harsh raters answering about the two better
     * targets four times in five, lenient ones about the two worse; noise sd 1, scores rounded to whole numbers 0–10.
     */
    static List<Answer> uneven(SplittableRandom random, int persons) {
        return uneven(random, persons, 8);
    }

    /** The same, with the highest score harsh raters give (10: no ceiling of their own, the model's own assumption). */
    static List<Answer> uneven(SplittableRandom random, int persons, int harshMaximum) {
        List<Answer> answers = new ArrayList<>();
        for (int p = 0; p < persons; p++) {
            int kind = p % 3; // 0 harsh, 1 lenient, 2 neutral
            double offset = (kind == 0 ? -1.5 : kind == 1 ? 1.5 : 0) + 0.3 * random.nextGaussian();
            int count = 2 + random.nextInt(5);
            for (int k = 0; k < count; k++) {
                int target;
                if (kind == 2) {
                    target = random.nextInt(4);
                } else {
                    boolean better = random.nextDouble() < 0.8 == (kind == 0);
                    target = (better ? 2 : 0) + random.nextInt(2);
                }
                double score = Math.round(TRUE_EFFECTS[target] + offset + random.nextGaussian());
                score = Math.max(0, Math.min(kind == 0 ? harshMaximum : 10, score));
                answers.add(new Answer("r" + p, "t" + target, score));
            }
        }
        return answers;
    }

    /** True when the means put the targets in the order of their true effects. */
    static boolean rankedRightly(Result result, java.util.function.ToDoubleFunction<Target> mean) {
        List<String> order = result.targets().stream().sorted(Comparator.comparingDouble(mean)).map(Target::target).toList();
        return order.equals(IntStream.range(0, TRUE_EFFECTS.length).mapToObj(t -> "t" + t).toList());
    }
}
