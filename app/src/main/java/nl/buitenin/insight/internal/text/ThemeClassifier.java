package nl.buitenin.insight.internal.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * One logistic-regression model per theme (one-vs-rest, LIBLINEAR's L2-regularised primal solver, which is
 * deterministic), over the presence of terms, each text's vector scaled to length 1. The two classes are weighted
 * to balance, so a theme with five examples among sixty is not drowned by the others; the probability of the
 * positive class is the confidence. A theme without both a positive and a negative document cannot be learnt and
 * gets confidence 0, and so does a theme none of whose training documents holds a term of the text: its model has
 * no evidence, only its prior (about one half with balanced classes), and a text known only through a tag on
 * another theme (a rejection, say) would otherwise get every such theme suggested.
 */
public final class ThemeClassifier {

    /** One training document for one theme. */
    public record Sample(Set<String> terms, boolean positive) {
    }

    /** Regularisation: larger C fits the training texts more closely; 16 was best on the dev split (of 1, 4, 16, 48). */
    public static final double C = 16;

    static {
        Linear.disableDebugOutput();
    }

    private final Map<String, Integer> vocabulary;
    private final List<@Nullable Model> models;
    /** weights[term index - 1][theme]: the trained models' weights by term, so a text is scored in one pass. */
    private final double[][] weights;
    private final double[] biases;
    private final boolean[] learnt;
    /** seen[term index - 1][theme]: whether the term occurs in a training document of that theme. */
    private final boolean[][] seen;

    private ThemeClassifier(Map<String, Integer> vocabulary, List<@Nullable Model> models, boolean[][] seen) {
        this.vocabulary = vocabulary;
        this.models = models;
        this.seen = seen;
        int themes = models.size();
        this.weights = new double[vocabulary.size()][themes];
        this.biases = new double[themes];
        this.learnt = new boolean[themes];
        for (int t = 0; t < themes; t++) {
            Model model = models.get(t);
            if (model == null) {
                continue;
            }
            // LIBLINEAR keeps the weights of its first label; turn them towards the positive class
            double sign = model.getLabels()[0] == 1 ? 1 : -1;
            double[] w = model.getFeatureWeights();
            for (int i = 0; i < vocabulary.size(); i++) {
                weights[i][t] = sign * w[i];
            }
            biases[t] = sign * w[vocabulary.size()] * model.getBias();
            learnt[t] = true;
        }
    }

    /** Trains one model per list of samples, in the order of the lists (one list per theme). */
    public static ThemeClassifier train(List<List<Sample>> perTheme) {
        Map<String, Integer> vocabulary = new HashMap<>();
        for (List<Sample> samples : perTheme) {
            for (Sample sample : samples) {
                for (String term : sample.terms()) {
                    vocabulary.computeIfAbsent(term, t -> vocabulary.size() + 1);
                }
            }
        }
        List<@Nullable Model> models = new ArrayList<>();
        boolean[][] seen = new boolean[vocabulary.size()][perTheme.size()];
        for (int t = 0; t < perTheme.size(); t++) {
            models.add(model(vocabulary, perTheme.get(t)));
            for (Sample sample : perTheme.get(t)) {
                for (String term : sample.terms()) {
                    seen[vocabulary.get(term) - 1][t] = true;
                }
            }
        }
        return new ThemeClassifier(vocabulary, models, seen);
    }

    private static @Nullable Model model(Map<String, Integer> vocabulary, List<Sample> samples) {
        long positives = samples.stream().filter(Sample::positive).count();
        long negatives = samples.size() - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        Problem problem = new Problem();
        problem.l = samples.size();
        problem.n = vocabulary.size() + 1;
        problem.bias = 1;
        problem.x = new Feature[samples.size()][];
        problem.y = new double[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            problem.x[i] = vector(vocabulary, samples.get(i).terms());
            problem.y[i] = samples.get(i).positive() ? 1 : -1;
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, C, 0.001);
        parameter.setWeights(new double[] {(double) samples.size() / (2 * positives),
                (double) samples.size() / (2 * negatives)}, new int[] {1, -1});
        return Linear.train(problem, parameter);
    }

    /**
     * The confidence per theme (in the order of training) that a text with these terms speaks about it: the
     * logistic function of each model's decision value, computed for all themes in one pass over the text's terms
     * (the same figure as LIBLINEAR's {@code predictProbability}, see {@link #libraryConfidences}, without building
     * a feature vector per theme).
     */
    public double[] confidences(Set<String> terms) {
        int themes = models.size();
        double[] decisions = new double[themes];
        boolean[] evidence = new boolean[themes];
        int known = 0;
        for (String term : terms) {
            Integer index = vocabulary.get(term);
            if (index != null) {
                known++;
                double[] row = weights[index - 1];
                boolean[] in = seen[index - 1];
                for (int t = 0; t < themes; t++) {
                    decisions[t] += row[t];
                    evidence[t] |= in[t];
                }
            }
        }
        double[] confidences = new double[themes];
        if (known == 0) {
            return confidences; // no term the models know: no evidence for any theme, rather than each one's prior
        }
        double scale = 1 / Math.sqrt(known);
        for (int t = 0; t < themes; t++) {
            if (learnt[t] && evidence[t]) {
                confidences[t] = 1 / (1 + Math.exp(-(decisions[t] * scale + biases[t])));
            }
        }
        return confidences;
    }

    /** The confidences as LIBLINEAR itself computes them, one model at a time (tests compare the two). */
    double[] libraryConfidences(Set<String> terms) {
        Feature[] vector = vector(vocabulary, terms);
        double[] confidences = new double[models.size()];
        if (vector.length == 1) {
            return confidences;
        }
        double[] estimates = new double[2];
        for (int t = 0; t < models.size(); t++) {
            Model model = models.get(t);
            int theme = t;
            if (model == null || terms.stream().map(vocabulary::get).noneMatch(i -> i != null && seen[i - 1][theme])) {
                continue;
            }
            Linear.predictProbability(model, vector, estimates);
            confidences[t] = model.getLabels()[0] == 1 ? estimates[0] : estimates[1];
        }
        return confidences;
    }

    /** Known terms with weight 1/sqrt(their number), then the bias feature. */
    private static Feature[] vector(Map<String, Integer> vocabulary, Set<String> terms) {
        int[] indices = terms.stream().map(vocabulary::get).filter(i -> i != null).mapToInt(Integer::intValue)
                .sorted().toArray();
        Feature[] vector = new Feature[indices.length + 1];
        double value = indices.length == 0 ? 0 : 1 / Math.sqrt(indices.length);
        for (int i = 0; i < indices.length; i++) {
            vector[i] = new FeatureNode(indices[i], value);
        }
        vector[indices.length] = new FeatureNode(vocabulary.size() + 1, 1);
        return vector;
    }

    @Override
    public String toString() {
        return "ThemeClassifier" + Arrays.asList(vocabulary.size(), models.size());
    }
}
