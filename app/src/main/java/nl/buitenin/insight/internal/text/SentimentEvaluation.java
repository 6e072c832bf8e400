package nl.buitenin.insight.internal.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.Sentiment;
import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.insight.text.TextAnalyzer;

/**
 * Measures the sentiment and the language guess against the labelled development sets
 * ({@code src/test/resources/nl/buitenin/insight/devsets}, see its README and LABELLING guide).
 * <p>
 * <b>Gold label</b>: where the two independent label passes ({@code labels-a}, {@code labels-b}) agree, that label;
 * where they disagree, the text is left out of the gold set (counted as {@code disagreed}). The figures:
 * <ul>
 * <li>two-class accuracy: texts whose gold label is neutral are dropped; the analyzer's own neutral is forced to
 * the sign of its score (a score of exactly 0 counts as wrong);</li>
 * <li>three-class accuracy and macro-F1 (the mean of the F1 of the three classes);</li>
 * <li>language: the share of all texts of the split whose guessed language is the language of their file.</li>
 * </ul>
 * Sentiment is read in the language of the file, so a wrong language guess does not also count as wrong sentiment.
 * Cohen's kappa between the passes is computed over all texts of a language, both splits, three classes.
 */
public final class SentimentEvaluation {

    /** One labelled text: its language, split and the two passes' labels. */
    public record Item(String id, Language language, String text, boolean test, SentimentLabel a, SentimentLabel b) {
        boolean agreed() {
            return a == b;
        }
    }

    /** The figures of one language on one split. */
    public record Figures(Language language, String split, int texts, int disagreed, int gold, int polar,
            double twoClass, double threeClass, double macroF1, double languageAccuracy) {
    }

    private final List<Item> items;

    private SentimentEvaluation(List<Item> items) {
        this.items = List.copyOf(items);
    }

    public List<Item> items() {
        return items;
    }

    /** Reads the sets of a development folder; a file that cannot be read is refused naming it and the line. */
    public static SentimentEvaluation read(Path dir) {
        List<Item> items = new ArrayList<>();
        for (DevSetFiles.Labelled comment : DevSetFiles.comments(dir, "sentiment")) {
            items.add(new Item(comment.id(), comment.language(), comment.text(), comment.test(), label(comment.a()), label(comment.b())));
        }
        return new SentimentEvaluation(items);
    }

    private static SentimentLabel label(String code) {
        for (SentimentLabel label : SentimentLabel.values()) {
            if (label.code().equals(code)) {
                return label;
            }
        }
        throw new IllegalStateException("not a sentiment label: " + code);
    }

    /** id → the named column, read with the shared strict CSV reader. */
    /** Cohen's kappa of the two passes over all texts of a language. */
    public double kappa(Language language) {
        List<Item> of = items.stream().filter(item -> item.language() == language).toList();
        int k = SentimentLabel.values().length;
        double[][] table = new double[k][k];
        for (Item item : of) {
            table[item.a().ordinal()][item.b().ordinal()]++;
        }
        return Agreement.kappa(table);
    }

    /** The figures of the analyzer on one language and split ({@code dev} or {@code test}). */
    public Figures figures(TextAnalyzer analyzer, Language language, boolean test) {
        List<Item> of = items.stream().filter(item -> item.language() == language && item.test() == test).toList();
        int languageRight = 0;
        int disagreed = 0;
        int polar = 0;
        int polarRight = 0;
        int k = SentimentLabel.values().length;
        double[][] confusion = new double[k][k];
        for (Item item : of) {
            if (analyzer.language(item.text()) == language) {
                languageRight++;
            }
            if (!item.agreed()) {
                disagreed++;
                continue;
            }
            Sentiment sentiment = analyzer.analyze(item.text(), language).sentiment();
            confusion[item.a().ordinal()][sentiment.label().ordinal()]++;
            if (item.a() != SentimentLabel.NEUTRAL) {
                polar++;
                boolean right = item.a() == SentimentLabel.POSITIVE ? sentiment.score() > 0 : sentiment.score() < 0;
                polarRight += right ? 1 : 0;
            }
        }
        int gold = of.size() - disagreed;
        return new Figures(language, test ? "test" : "dev", of.size(), disagreed, gold, polar,
                share(polarRight, polar), Agreement.accuracy(confusion), Agreement.macroF1(confusion),
                share(languageRight, of.size()));
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /**
     * The neutral band that gives the best three-class macro-F1 on the dev split of a language, from 0.00 to 0.60
     * in steps of 0.01 (ties: the smallest). Only ever called on dev: the test split stays held out.
     */
    public double bestNeutralBand(TextAnalyzer analyzer, Language language) {
        List<Item> dev = items.stream()
                .filter(item -> item.language() == language && !item.test() && item.agreed()).toList();
        Map<Item, Double> scores = new HashMap<>();
        for (Item item : dev) {
            scores.put(item, analyzer.analyze(item.text(), language).sentiment().score());
        }
        double best = 0;
        double bestF1 = -1;
        for (int step = 0; step <= 60; step++) {
            double band = step / 100.0;
            double f1 = macroF1(dev, item -> scores.get(item), band);
            if (f1 > bestF1 + 1e-12) {
                bestF1 = f1;
                best = band;
            }
        }
        return best;
    }

    private static double macroF1(List<Item> items, ToDoubleFunction<Item> score, double band) {
        int k = SentimentLabel.values().length;
        double[][] confusion = new double[k][k];
        for (Item item : items) {
            double s = score.applyAsDouble(item);
            SentimentLabel label = s <= -band && s < 0 ? SentimentLabel.NEGATIVE
                    : s >= band && s > 0 ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
            confusion[item.a().ordinal()][label.ordinal()]++;
        }
        return Agreement.macroF1(confusion);
    }

    /** The dev texts the analyzer labels differently from the gold label (for error analysis; never the test split). */
    public List<String> devErrors(TextAnalyzer analyzer, Language language) {
        List<String> errors = new ArrayList<>();
        for (Item item : items) {
            if (item.language() != language || item.test() || !item.agreed()) {
                continue;
            }
            Sentiment sentiment = analyzer.analyze(item.text(), language).sentiment();
            if (sentiment.label() != item.a()) {
                errors.add(String.format(Locale.ROOT, "%s gold=%s got=%s %.3f | %s", item.id(), item.a().code(),
                        sentiment.label().code(), sentiment.score(), item.text()));
            }
        }
        return errors;
    }

    /** The Markdown table of the figures, per language: dev, then test (held out), and the agreement. */
    public String table(TextAnalyzer analyzer) {
        return table(analyzer, true);
    }

    /**
     * The Markdown table of the figures, per language: dev, then — when {@code heldOut} — test, and the agreement.
     * Without the held-out rows it is the table to tune by: the test split stays unseen until a change is kept.
     */
    public String table(TextAnalyzer analyzer, boolean heldOut) {
        StringBuilder out = new StringBuilder();
        out.append("| Language | Split | Texts | Passes disagree (left out) | Gold | Gold pos/neg | Two-class accuracy "
                + "| Three-class accuracy | Three-class macro-F1 | Language guessed right |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<Language, Double> kappas = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            for (boolean test : heldOut ? new boolean[] {false, true} : new boolean[] {false}) {
                Figures f = figures(analyzer, language, test);
                out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %.1f %% | %.1f %% | %.3f | %.1f %% |%n",
                        language.code(), f.split(), f.texts(), f.disagreed(), f.gold(), f.polar(), 100 * f.twoClass(),
                        100 * f.threeClass(), f.macroF1(), 100 * f.languageAccuracy()));
            }
            kappas.put(language, kappa(language));
        }
        out.append('\n');
        kappas.forEach((language, kappa) -> out.append(String.format(Locale.ROOT,
                "Cohen's kappa of the two label passes, sentiment (3 classes), %s: %.3f (%d texts)%n", language.code(),
                kappa, items.stream().filter(item -> item.language() == language).count())));
        return out.toString();
    }
}
