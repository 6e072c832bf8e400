package nl.buitenin.textinsight.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.SentenceSentiment;
import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.insight.text.TextAnalysis;
import nl.buitenin.insight.text.TextAnalyzer;

/**
 * Learns from labelled examples (analysts' corrections) on top of the lexicon: per language an L2-regularised
 * logistic regression (LIBLINEAR, one against the rest for the three labels) over the lexicon's score, the lowest and
 * highest sentence score, and the stemmed terms seen at least twice in the examples. Its regularisation is chosen by
 * five-fold cross-validation on the examples alone. A language with fewer than {@link #MIN_EXAMPLES} examples gets
 * no model (the lexicon's label stays). Plain Java, no Spring; deterministic for the same examples.
 */
public final class CorrectionModel {

    /** Fewer examples than this of a language leave it to the lexicon. */
    public static final int MIN_EXAMPLES = 50;
    private static final double[] COSTS = {0.03, 0.1, 0.3, 1, 3};
    private static final int FIXED = 3;

    /** One labelled text. */
    public record Example(String text, Language language, SentimentLabel label) {
    }

    private record Fitted(Model model, Map<String, Integer> vocabulary) {
    }

    private final TextAnalyzer analyzer;
    private final Map<Language, Fitted> fitted;

    private CorrectionModel(TextAnalyzer analyzer, Map<Language, Fitted> fitted) {
        this.analyzer = analyzer;
        this.fitted = fitted;
    }

    /** Fits a model per language that has enough examples. */
    public static CorrectionModel fit(List<Example> examples, TextAnalyzer analyzer) {
        Linear.disableDebugOutput();
        Map<Language, Fitted> fitted = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            List<Example> own = examples.stream().filter(e -> e.language() == language).toList();
            if (own.size() >= MIN_EXAMPLES && own.stream().map(Example::label).distinct().count() > 1) {
                fitted.put(language, fit(own, language, analyzer));
            }
        }
        return new CorrectionModel(analyzer, fitted);
    }

    /** Whether a model was fitted for the language. */
    public boolean covers(Language language) {
        return fitted.containsKey(language);
    }

    /** The model's label for the text, or empty when its language has no model. */
    public Optional<SentimentLabel> label(String text, TextAnalysis analysis) {
        Fitted model = fitted.get(analysis.language());
        if (model == null) {
            return Optional.empty();
        }
        double predicted = Linear.predict(model.model(), features(text, analysis, model.vocabulary(), analyzer));
        return Optional.of(SentimentLabel.values()[(int) predicted]);
    }

    private static Fitted fit(List<Example> examples, Language language, TextAnalyzer analyzer) {
        Map<String, Integer> counts = new TreeMap<>();
        List<TextAnalysis> analyses = new ArrayList<>();
        for (Example example : examples) {
            analyses.add(analyzer.analyze(example.text(), language));
            analyzer.terms(example.text(), language).stream().distinct().forEach(t -> counts.merge(t, 1, Integer::sum));
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        counts.forEach((term, n) -> {
            if (n >= 2) {
                vocabulary.put(term, FIXED + vocabulary.size() + 1);
            }
        });
        Problem problem = new Problem();
        problem.l = examples.size();
        problem.n = FIXED + vocabulary.size() + 1; // the last one is the bias
        problem.bias = 1;
        problem.x = new Feature[problem.l][];
        problem.y = new double[problem.l];
        for (int i = 0; i < problem.l; i++) {
            problem.x[i] = features(examples.get(i).text(), analyses.get(i), vocabulary, analyzer);
            problem.y[i] = examples.get(i).label().ordinal();
        }
        double best = COSTS[0];
        double bestAccuracy = -1;
        for (double cost : COSTS) {
            Linear.resetRandom();
            double[] target = new double[problem.l];
            Linear.crossValidation(problem, parameter(cost), Math.min(5, problem.l), target);
            int right = 0;
            for (int i = 0; i < problem.l; i++) {
                right += target[i] == problem.y[i] ? 1 : 0;
            }
            if (right > bestAccuracy) {
                bestAccuracy = right;
                best = cost;
            }
        }
        Linear.resetRandom();
        return new Fitted(Linear.train(problem, parameter(best)), vocabulary);
    }

    private static Parameter parameter(double cost) {
        return new Parameter(SolverType.L2R_LR, cost, 0.001);
    }

    private static Feature[] features(String text, TextAnalysis analysis, Map<String, Integer> vocabulary, TextAnalyzer analyzer) {
        double lowest = 0;
        double highest = 0;
        for (SentenceSentiment sentence : analysis.sentences()) {
            lowest = Math.min(lowest, sentence.sentiment().score());
            highest = Math.max(highest, sentence.sentiment().score());
        }
        TreeMap<Integer, Double> values = new TreeMap<>();
        values.put(1, analysis.sentiment().score());
        values.put(2, lowest);
        values.put(3, highest);
        for (String term : analyzer.terms(text, analysis.language())) {
            Integer index = vocabulary.get(term);
            if (index != null) {
                values.put(index, 1.0);
            }
        }
        List<Feature> features = new ArrayList<>(values.size() + 1);
        values.forEach((index, value) -> features.add(new FeatureNode(index, value)));
        // The bias term: LIBLINEAR expects it as the last feature, at index n + 1.
        features.add(new FeatureNode(FIXED + vocabulary.size() + 1, 1.0));
        return features.toArray(new Feature[0]);
    }
}
