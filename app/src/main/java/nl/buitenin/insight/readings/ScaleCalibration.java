package nl.buitenin.insight.readings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * Respondents' own scales: someone who never gives more than an 8 and someone who gives a 10 for anything answer the
 * same service differently. When such people are spread unevenly over touchpoints, raw means compare the people, not
 * the touchpoints. This reads each person's history as a correlated-random-effects (Mundlak) linear mixed model
 *
 * <pre>  score = target effect + γ·mix(person) + u(person) + noise,   u ~ (0, τ²),   noise ~ (0, σ²)</pre>
 *
 * where mix(person) is the person's share of answers per target, centred on the average mix of the people with two or
 * more answers. A habit that goes together with the targets a person visits lands in γ·mix instead of in the target
 * effects, so the target effects are identified by comparisons within persons (Mundlak 1978: for them the estimator
 * equals the fixed-effects, within-person one).
 *
 * <ol>
 * <li>σ² from the fixed-effects fit (target and person both fixed, least squares): its residual sum of squares over
 * N − P − T + 1 degrees of freedom;</li>
 * <li>τ² by the method of moments: the spread of those fitted person effects (persons with two or more answers) around
 * their regression on the mix, less its sampling part σ²·Σ(1 − h<sub>i</sub>)/n<sub>i</sub>, at least 0;</li>
 * <li>target effects and γ by generalised least squares for those variance components, and each person's u by its
 * BLUP — the mean residual shrunk by n<sub>i</sub>·τ²/(n<sub>i</sub>·τ² + σ²): empirical Bayes, a long history moves
 * a person's offset almost all the way, two answers only a little.</li>
 * </ol>
 * A person's offset is γ·mix + u. A person with one answer keeps the population scale (offset 0, no mix term): one
 * score cannot tell a harsh rater from a bad experience. Anonymous answers (no person) count the same way. The
 * calibrated score is the raw score less the person's offset, not clipped to the scale: clipping would pull harsh
 * raters' calibrated tens back and bias the means it feeds. Each target's raw and calibrated mean gets a 95 %
 * percentile bootstrap interval over persons (a person drawn is taken with all their answers, and the whole model —
 * variance components, mix and offsets — is fitted again on every resample), so the intervals carry the offsets' own
 * uncertainty and the dependence of one person's answers.
 */
public final class ScaleCalibration {

    private static final int MAX_SWEEPS = 2_000;
    private static final double TOLERANCE = 1e-10;

    private ScaleCalibration() {
    }

    /** One score a person gave about a target; {@code person} null for an anonymous answer. */
    public record Answer(@Nullable String person, String target, double score) {
    }

    /**
     * One target's figures: answers, raw mean and calibrated mean, each with its 95 % interval (the point itself when
     * no resampling was asked for).
     */
    public record Target(String target, int n, double rawMean, double rawLow, double rawHigh, double calibratedMean,
            double low, double high) {
    }

    /**
     * The fitted model: the noise variance σ², the variance of the person offsets τ², and each person's shrunken
     * offset (0 for persons with one answer).
     */
    public record Model(double noiseVariance, double offsetVariance, Map<String, Double> offsets) {

        public Model {
            offsets = Map.copyOf(offsets);
        }

        /** A person's offset; 0 for an unknown or anonymous person. */
        public double offset(@Nullable String person) {
            return person == null ? 0 : offsets.getOrDefault(person, 0.0);
        }

        /** The score as the person would have given it on the population's scale. */
        public double calibrated(Answer answer) {
            return answer.score() - offset(answer.person());
        }
    }

    /** The model and the targets in the order they first appear. */
    public record Result(Model model, List<Target> targets) {
    }

    /**
     * Calibrates the answers and gives every target's figures.
     *
     * @param resamples bootstrap resamples over persons (0 for none)
     */
    public static Result calibrate(List<Answer> answers, int resamples, long seed) {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("no answers to calibrate");
        }
        Data data = Data.of(answers);
        Fit fit = fit(data);
        Map<String, Double> offsets = new HashMap<>();
        for (int p = 0; p < data.personNames.length; p++) {
            if (data.personNames[p] != null) {
                offsets.put(data.personNames[p], fit.offsets[p]);
            }
        }
        double[][] rawBoot = new double[data.targets()][resamples];
        double[][] calBoot = new double[data.targets()][resamples];
        int[] kept = new int[data.targets()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < resamples; b++) {
            Data sample = data.resample(random);
            Fit sampled = fit(sample);
            for (int t = 0; t < data.targets(); t++) {
                if (sample.counts[t] > 0) {
                    rawBoot[t][kept[t]] = sample.rawMean(t);
                    calBoot[t][kept[t]] = sampled.calibratedMean(sample, t);
                    kept[t]++;
                }
            }
        }
        List<Target> targets = new ArrayList<>();
        for (int t = 0; t < data.targets(); t++) {
            double raw = data.rawMean(t);
            double calibrated = fit.calibratedMean(data, t);
            double[] rawInterval = percentiles(rawBoot[t], kept[t], raw);
            double[] calInterval = percentiles(calBoot[t], kept[t], calibrated);
            targets.add(new Target(data.targetNames[t], data.counts[t], raw, rawInterval[0], rawInterval[1], calibrated,
                    calInterval[0], calInterval[1]));
        }
        return new Result(new Model(fit.noiseVariance, fit.offsetVariance, offsets), targets);
    }

    /** The 2.5 % and 97.5 % points of the first {@code count} values, or the point itself without resamples. */
    private static double[] percentiles(double[] values, int count, double point) {
        if (count == 0) {
            return new double[] {point, point};
        }
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return new double[] {quantile(sorted, 0.025), quantile(sorted, 0.975)};
    }

    /** Type 7 quantile (R's default), linear between order statistics. */
    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static Fit fit(Data data) {
        int persons = data.personNames.length;
        int targets = data.targets();
        // 1. Fixed-effects fit (target + person), alternating least squares, for σ² and the raw person effects.
        double[] alpha = new double[targets];
        double[] beta = new double[persons];
        sweep(data, alpha, beta);
        double rss = 0;
        for (int a = 0; a < data.size(); a++) {
            double e = data.scores[a] - alpha[data.targetOf[a]] - beta[data.personOf[a]];
            rss += e * e;
        }
        int df = data.size() - persons - targets + 1;
        double noise = df > 0 ? rss / df : 0;
        // The person-level covariates of the Mundlak term: each repeat person's share of answers per target, centred
        // on the repeat persons' average mix; the last target is left out (the shares add up to 1).
        Mix mix = Mix.of(data);
        // 2. τ²: the spread of the fitted person effects around what their target mix explains, less its sampling part.
        double offsetVariance = df > 0 ? offsetVariance(data, mix, beta, noise) : 0;
        // 3. GLS for target effects and the mix coefficients, then each repeat person's BLUP around their mix.
        double[] offsets = mixedModel(data, mix, noise, offsetVariance);
        return new Fit(noise, offsetVariance, offsets);
    }

    /**
     * Method of moments for τ² given the mix: the fixed-effects person effects β<sub>i</sub> of repeat persons are
     * regressed on (1, mix<sub>i</sub>) by least squares; the residual sum of squares has expectation
     * Σ (1 − h<sub>ii</sub>)(τ² + σ²/n<sub>i</sub>) (h the leverages), so τ² = (RSS − σ²·Σ (1 − h<sub>ii</sub>)/n<sub>i</sub>)
     * / (R − k), at least 0. With one target (no mix) this is the plain spread less σ²·mean(1/n<sub>i</sub>).
     */
    private static double offsetVariance(Data data, Mix mix, double[] beta, double noise) {
        int[] repeat = mix.repeat;
        int k = 1 + mix.columns();
        double[][] gram = new double[k][k];
        double[] rhs = new double[k];
        double[] row = new double[k];
        for (int p : repeat) {
            mix.row(p, 1, row);
            for (int i = 0; i < k; i++) {
                rhs[i] += row[i] * beta[p];
                for (int j = 0; j < k; j++) {
                    gram[i][j] += row[i] * row[j];
                }
            }
        }
        Cholesky cholesky = Cholesky.of(gram);
        if (repeat.length - cholesky.rank() < 1) {
            return 0;
        }
        double[] coefficients = cholesky.solve(rhs);
        double residuals = 0;
        double sampling = 0;
        for (int p : repeat) {
            mix.row(p, 1, row);
            double fitted = 0;
            for (int i = 0; i < k; i++) {
                fitted += row[i] * coefficients[i];
            }
            residuals += (beta[p] - fitted) * (beta[p] - fitted);
            sampling += (1 - cholesky.leverage(row)) / data.answersOf[p];
        }
        return Math.max(0, (residuals - noise * sampling) / (repeat.length - cholesky.rank()));
    }

    /**
     * The correlated-random-effects (Mundlak) model y = α<sub>target</sub> + γ·mix<sub>person</sub> + u<sub>person</sub>
     * + e, u ~ (0, τ²) for repeat persons (persons with one answer and anonymous answers have no person term). The
     * fixed part (α, γ) is solved by generalised least squares as one small linear system — each person's block of
     * V⁻¹ is (I − k<sub>i</sub>·J)/σ² with k<sub>i</sub> = τ²/(σ² + n<sub>i</sub>τ²) — and u<sub>i</sub> is the BLUP
     * k<sub>i</sub>·Σ residuals, the same solution as Henderson's mixed-model equations. A mix column that the target
     * columns already explain (no person answered about that target and another) is left out: there the target
     * effect falls back to the plain random-effects reading. Returns each person's offset γ·mix<sub>i</sub> + u<sub>i</sub>.
     */
    private static double[] mixedModel(Data data, Mix mix, double noise, double offsetVariance) {
        int targets = data.targets();
        int k = targets + mix.columns();
        double[][] lhs = new double[k][k];
        double[] rhs = new double[k];
        double[] row = new double[k];
        double[] sum = new double[k];
        for (int p = 0; p < data.personNames.length; p++) {
            boolean repeat = mix.isRepeat(p);
            double shrink = repeat && offsetVariance > 0 && noise > 0
                    ? offsetVariance / (noise + data.answersOf[p] * offsetVariance) : 0;
            Arrays.fill(sum, 0);
            double ySum = 0;
            for (int a : data.answersByPerson[p]) {
                design(data, mix, a, repeat, row);
                for (int i = 0; i < k; i++) {
                    if (row[i] != 0) {
                        rhs[i] += row[i] * data.scores[a];
                        for (int j = 0; j < k; j++) {
                            lhs[i][j] += row[i] * row[j];
                        }
                    }
                    sum[i] += row[i];
                }
                ySum += data.scores[a];
            }
            if (shrink > 0) {
                for (int i = 0; i < k; i++) {
                    rhs[i] -= shrink * sum[i] * ySum;
                    for (int j = 0; j < k; j++) {
                        lhs[i][j] -= shrink * sum[i] * sum[j];
                    }
                }
            }
        }
        double[] fixed = Cholesky.of(lhs).solve(rhs);
        double[] offsets = new double[data.personNames.length];
        for (int p = 0; p < data.personNames.length; p++) {
            if (!mix.isRepeat(p)) {
                continue;
            }
            double mixPart = 0;
            for (int c = 0; c < mix.columns(); c++) {
                mixPart += fixed[targets + c] * mix.centred[p][c];
            }
            double residuals = 0;
            for (int a : data.answersByPerson[p]) {
                residuals += data.scores[a] - fixed[data.targetOf[a]] - mixPart;
            }
            double shrink = offsetVariance > 0 && noise > 0
                    ? offsetVariance / (noise + data.answersOf[p] * offsetVariance) : 0;
            offsets[p] = mixPart + shrink * residuals;
        }
        return offsets;
    }

    /** One answer's row of the design: its target's column, then its person's centred mix (repeat persons only). */
    private static void design(Data data, Mix mix, int answer, boolean repeat, double[] row) {
        Arrays.fill(row, 0);
        row[data.targetOf[answer]] = 1;
        if (repeat) {
            System.arraycopy(mix.centred[data.personOf[answer]], 0, row, data.targets(), mix.columns());
        }
    }

    /** Repeat persons (two or more answers) and their centred shares of answers per target, all but the last. */
    private record Mix(int[] repeat, boolean[] isRepeat, double[][] centred, int columns) {

        static Mix of(Data data) {
            int persons = data.personNames.length;
            int columns = Math.max(0, data.targets() - 1);
            boolean[] isRepeat = new boolean[persons];
            int count = 0;
            for (int p = 0; p < persons; p++) {
                isRepeat[p] = data.answersOf[p] >= 2;
                count += isRepeat[p] ? 1 : 0;
            }
            int[] repeat = new int[count];
            double[][] centred = new double[persons][columns];
            double[] average = new double[columns];
            int r = 0;
            for (int p = 0; p < persons; p++) {
                if (isRepeat[p]) {
                    repeat[r++] = p;
                    for (int a : data.answersByPerson[p]) {
                        if (data.targetOf[a] < columns) {
                            centred[p][data.targetOf[a]] += 1.0 / data.answersOf[p];
                        }
                    }
                    for (int c = 0; c < columns; c++) {
                        average[c] += centred[p][c] / count;
                    }
                }
            }
            for (int p : repeat) {
                for (int c = 0; c < columns; c++) {
                    centred[p][c] -= average[c];
                }
            }
            return new Mix(repeat, isRepeat, centred, columns);
        }

        boolean isRepeat(int person) {
            return isRepeat[person];
        }

        /** The row (first, then the centred mix) of a repeat person, written into {@code row}. */
        void row(int person, double first, double[] row) {
            row[0] = first;
            System.arraycopy(centred[person], 0, row, 1, columns);
        }
    }

    /** The fixed-effects (target + person) least-squares fit, by alternating the two means until neither moves. */
    private static void sweep(Data data, double[] alpha, double[] beta) {
        int targets = alpha.length;
        int persons = beta.length;
        double[] targetSum = new double[targets];
        double[] personSum = new double[persons];
        for (int round = 0; round < MAX_SWEEPS; round++) {
            Arrays.fill(targetSum, 0);
            for (int a = 0; a < data.size(); a++) {
                targetSum[data.targetOf[a]] += data.scores[a] - beta[data.personOf[a]];
            }
            for (int t = 0; t < targets; t++) {
                alpha[t] = data.counts[t] == 0 ? 0 : targetSum[t] / data.counts[t];
            }
            Arrays.fill(personSum, 0);
            for (int a = 0; a < data.size(); a++) {
                personSum[data.personOf[a]] += data.scores[a] - alpha[data.targetOf[a]];
            }
            double moved = 0;
            for (int p = 0; p < persons; p++) {
                double next = personSum[p] / data.answersOf[p];
                moved = Math.max(moved, Math.abs(next - beta[p]));
                beta[p] = next;
            }
            if (moved < TOLERANCE) {
                return;
            }
        }
    }

    private record Fit(double noiseVariance, double offsetVariance, double[] offsets) {

        double calibratedMean(Data data, int target) {
            double sum = 0;
            for (int a = 0; a < data.size(); a++) {
                if (data.targetOf[a] == target) {
                    sum += data.scores[a] - offsets[data.personOf[a]];
                }
            }
            return sum / data.counts[target];
        }
    }

    /** The answers as indexes: every anonymous answer is a person of its own. */
    private record Data(String[] targetNames, @Nullable String[] personNames, int[] targetOf, int[] personOf,
            double[] scores, int[] counts, int[] answersOf, int[][] answersByPerson) {

        static Data of(List<Answer> answers) {
            Map<String, Integer> targets = new LinkedHashMap<>();
            Map<String, Integer> persons = new HashMap<>();
            List<@Nullable String> personNames = new ArrayList<>();
            int[] targetOf = new int[answers.size()];
            int[] personOf = new int[answers.size()];
            double[] scores = new double[answers.size()];
            for (int a = 0; a < answers.size(); a++) {
                Answer answer = answers.get(a);
                targetOf[a] = targets.computeIfAbsent(answer.target(), k -> targets.size());
                if (answer.person() == null) {
                    personOf[a] = personNames.size();
                    personNames.add(null);
                } else {
                    personOf[a] = persons.computeIfAbsent(answer.person(), k -> {
                        personNames.add(k);
                        return personNames.size() - 1;
                    });
                }
                scores[a] = answer.score();
            }
            return build(targets.keySet().toArray(String[]::new), personNames.toArray(String[]::new), targetOf, personOf, scores);
        }

        static Data build(String[] targetNames, @Nullable String[] personNames, int[] targetOf, int[] personOf, double[] scores) {
            int[] counts = new int[targetNames.length];
            int[] answersOf = new int[personNames.length];
            for (int a = 0; a < scores.length; a++) {
                counts[targetOf[a]]++;
                answersOf[personOf[a]]++;
            }
            int[][] byPerson = new int[personNames.length][];
            int[] filled = new int[personNames.length];
            for (int p = 0; p < personNames.length; p++) {
                byPerson[p] = new int[answersOf[p]];
            }
            for (int a = 0; a < scores.length; a++) {
                byPerson[personOf[a]][filled[personOf[a]]++] = a;
            }
            return new Data(targetNames, personNames, targetOf, personOf, scores, counts, answersOf, byPerson);
        }

        int size() {
            return scores.length;
        }

        int targets() {
            return targetNames.length;
        }

        double rawMean(int target) {
            double sum = 0;
            for (int a = 0; a < size(); a++) {
                if (targetOf[a] == target) {
                    sum += scores[a];
                }
            }
            return sum / counts[target];
        }

        /** Persons drawn with replacement, each with all their answers; a person drawn twice counts as two. */
        Data resample(SplittableRandom random) {
            int persons = personNames.length;
            int[] drawn = new int[persons];
            int total = 0;
            for (int i = 0; i < persons; i++) {
                drawn[i] = random.nextInt(persons);
                total += answersOf[drawn[i]];
            }
            int[] t = new int[total];
            int[] p = new int[total];
            double[] s = new double[total];
            String[] names = new String[persons];
            int a = 0;
            for (int i = 0; i < persons; i++) {
                names[i] = personNames[drawn[i]] == null ? null : personNames[drawn[i]] + "#" + i;
                for (int answer : answersByPerson[drawn[i]]) {
                    t[a] = targetOf[answer];
                    p[a] = i;
                    s[a] = scores[answer];
                    a++;
                }
            }
            return build(targetNames, names, t, p, s);
        }
    }
}
