package nl.buitenin.insight.internal.text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.TextAnalyzer;
import nl.buitenin.insight.text.ThemeModel;
import nl.buitenin.insight.text.ThemeSuggestion;
import nl.buitenin.insight.text.ThemeTag;
import nl.buitenin.insight.text.ThemeTaxonomy;

/**
 * Measures theme suggestion against the labelled development sets ({@code src/test/resources/nl/buitenin/insight/devsets}).
 * <p>
 * <b>Gold, per theme</b>: for each text and each theme the two label passes either agree (both name the theme, or
 * neither does) or not; only agreed (text, theme) pairs are scored, disagreed pairs are left out. Per theme and
 * language that gives true positives, false positives and false negatives; micro-F1 sums them over all themes.
 * <p>
 * Two ways to build the model are measured:
 * <ul>
 * <li>{@link Mode#EXAMPLES}: the taxonomy's example phrases (and theme names) only;</li>
 * <li>{@link Mode#TAGS}: those plus the dev split's agreed labels as analysts' tags (accepted where gold says the
 * theme applies, rejected where it says it does not). Its figures on dev come from five-fold cross-validation
 * over the dev texts (folds by the SHA-256 of the id), so a dev text is never scored by a model that saw it.</li>
 * </ul>
 * The suggestion threshold of each mode is chosen on dev only ({@link #bestThreshold}); the test split is scored
 * once with it.
 */
public final class ThemeEvaluation {

    /** A labelled text with the theme sets of both passes. */
    public record Item(String id, Language language, String text, boolean test, Set<String> a, Set<String> b) {

        /** The agreed verdict on a theme, or null where the passes disagree. */
        public @Nullable Boolean gold(String theme) {
            boolean inA = a.contains(theme);
            return inA == b.contains(theme) ? inA : null;
        }
    }

    /** How the model is built. */
    public enum Mode {
        EXAMPLES("examples only"), TAGS("examples + dev tags");

        private final String title;

        Mode(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** True positives, false positives and false negatives, and the figures they give. */
    public record Counts(int truePositives, int falsePositives, int falseNegatives) {

        Counts plus(Counts other) {
            return new Counts(truePositives + other.truePositives, falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives);
        }

        public double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        public double recall() {
            int actual = truePositives + falseNegatives;
            return actual == 0 ? 0 : (double) truePositives / actual;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private static final int FOLDS = 5;

    private final ThemeTaxonomy taxonomy;
    private final List<Item> items;

    private ThemeEvaluation(ThemeTaxonomy taxonomy, List<Item> items) {
        this.taxonomy = taxonomy;
        this.items = List.copyOf(items);
    }

    public ThemeTaxonomy taxonomy() {
        return taxonomy;
    }

    public List<Item> items() {
        return items;
    }

    /** Reads the taxonomy, texts, both label passes and the split of a development folder. */
    public static ThemeEvaluation read(Path dir) {
        List<ThemeTaxonomy.Theme> themes = new ArrayList<>();
        for (Map<String, String> row : DevSetFiles.rows(dir.resolve("taxonomy.csv"))) {
            List<String> examples = new ArrayList<>(Arrays.asList(row.get("examples").split(";")));
            String english = row.get("theme_en");
            if (english != null) {
                examples.add(english); // the English name, as the themes command reads it too
            }
            themes.add(new ThemeTaxonomy.Theme(row.get("theme"), examples));
        }
        List<Item> items = new ArrayList<>();
        for (DevSetFiles.Labelled comment : DevSetFiles.comments(dir, "themes")) {
            items.add(new Item(comment.id(), comment.language(), comment.text(), comment.test(), themes(comment.a()), themes(comment.b())));
        }
        return new ThemeEvaluation(new ThemeTaxonomy(themes), items);
    }

    private static Set<String> themes(String value) {
        Set<String> themes = new LinkedHashSet<>();
        for (String theme : value.split(";")) {
            if (!theme.isBlank()) {
                themes.add(theme.strip());
            }
        }
        return themes;
    }

    /** The agreed labels of the given texts as analysts' tags: accepted where gold says yes, rejected where no. */
    public List<ThemeTag> tags(Predicate<Item> which) {
        List<ThemeTag> tags = new ArrayList<>();
        for (Item item : items) {
            if (!which.test(item)) {
                continue;
            }
            for (String theme : taxonomy.names()) {
                Boolean gold = item.gold(theme);
                if (gold != null) {
                    tags.add(new ThemeTag(item.text(), theme, gold));
                }
            }
        }
        return tags;
    }

    /** The model of a mode trained on what that mode may see (never the test split). */
    public ThemeModel model(Mode mode, TextAnalyzer analyzer) {
        return mode == Mode.EXAMPLES ? ThemeModel.train(taxonomy, List.of(), analyzer)
                : ThemeModel.train(taxonomy, tags(item -> !item.test()), analyzer);
    }

    /**
     * The confidence of every theme (taxonomy order) for every text of a split. Test texts are scored by the mode's
     * model; dev texts in {@link Mode#TAGS} by the model of the fold that left them out.
     */
    public Map<Item, double[]> confidences(Mode mode, boolean test, TextAnalyzer analyzer) {
        Map<Item, double[]> confidences = new LinkedHashMap<>();
        List<Item> of = items.stream().filter(item -> item.test() == test).toList();
        if (test || mode == Mode.EXAMPLES) {
            ThemeModel model = model(mode, analyzer);
            of.forEach(item -> confidences.put(item, ordered(model.confidences(item.text()))));
            return confidences;
        }
        for (int fold = 0; fold < FOLDS; fold++) {
            int f = fold;
            ThemeModel model = ThemeModel.train(taxonomy, tags(item -> !item.test() && fold(item) != f), analyzer);
            of.stream().filter(item -> fold(item) == f)
                    .forEach(item -> confidences.put(item, ordered(model.confidences(item.text()))));
        }
        return confidences;
    }

    private double[] ordered(List<ThemeSuggestion> suggestions) {
        List<String> names = taxonomy.names();
        double[] ordered = new double[names.size()];
        for (ThemeSuggestion suggestion : suggestions) {
            ordered[names.indexOf(suggestion.theme())] = suggestion.confidence();
        }
        return ordered;
    }

    static int fold(Item item) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(item.id().getBytes(StandardCharsets.UTF_8));
            return Math.floorMod(hash[0], FOLDS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts per theme (taxonomy order) of the texts of one language (null: both) at a threshold. */
    public Counts[] counts(Map<Item, double[]> confidences, @Nullable Language language, double threshold) {
        List<String> names = taxonomy.names();
        int[][] c = new int[names.size()][3];
        confidences.forEach((item, scores) -> {
            if (language != null && item.language() != language) {
                return;
            }
            for (int t = 0; t < names.size(); t++) {
                Boolean gold = item.gold(names.get(t));
                if (gold == null) {
                    continue;
                }
                boolean suggested = scores[t] >= threshold;
                if (suggested && gold) {
                    c[t][0]++;
                } else if (suggested) {
                    c[t][1]++;
                } else if (gold) {
                    c[t][2]++;
                }
            }
        });
        Counts[] counts = new Counts[names.size()];
        for (int t = 0; t < counts.length; t++) {
            counts[t] = new Counts(c[t][0], c[t][1], c[t][2]);
        }
        return counts;
    }

    public static Counts micro(Counts[] perTheme) {
        Counts sum = new Counts(0, 0, 0);
        for (Counts counts : perTheme) {
            sum = sum.plus(counts);
        }
        return sum;
    }

    /**
     * The threshold from 0.05 to 0.95 (steps of 0.01) with the best micro-F1 over the dev texts of both languages
     * (ties: the lowest). Only dev texts are ever passed in.
     */
    public double bestThreshold(Map<Item, double[]> devConfidences) {
        double best = ThemeModel.EXAMPLES_THRESHOLD;
        double bestF1 = -1;
        for (int step = 5; step <= 95; step++) {
            double threshold = step / 100.0;
            double f1 = micro(counts(devConfidences, null, threshold)).f1();
            if (f1 > bestF1 + 1e-12) {
                bestF1 = f1;
                best = threshold;
            }
        }
        return best;
    }

    /** Cohen's kappa of the two passes on one theme, present or absent, over all texts of both languages. */
    public double kappa(String theme) {
        double[][] table = new double[2][2];
        for (Item item : items) {
            table[item.a().contains(theme) ? 1 : 0][item.b().contains(theme) ? 1 : 0]++;
        }
        return Agreement.kappa(table);
    }

    /** The threshold of a mode as chosen on dev (cross-validated for {@link Mode#TAGS}). */
    public double threshold(Mode mode, TextAnalyzer analyzer) {
        return bestThreshold(confidences(mode, false, analyzer));
    }

    /** The held-out (test split) counts per theme of one mode and language (null: both), at its dev threshold. */
    public Counts[] heldOut(Mode mode, @Nullable Language language, TextAnalyzer analyzer) {
        return counts(confidences(mode, true, analyzer), language, threshold(mode, analyzer));
    }

    /** The Markdown tables of docs/insight.md: micro figures per mode, language and split, then per theme. */
    public String table(TextAnalyzer analyzer) {
        StringBuilder out = new StringBuilder();
        Map<Mode, Double> thresholds = new LinkedHashMap<>();
        Map<Mode, Map<Boolean, Map<Item, double[]>>> scored = new LinkedHashMap<>();
        for (Mode mode : Mode.values()) {
            Map<Boolean, Map<Item, double[]>> bySplit = new LinkedHashMap<>();
            bySplit.put(false, confidences(mode, false, analyzer));
            bySplit.put(true, confidences(mode, true, analyzer));
            scored.put(mode, bySplit);
            thresholds.put(mode, bestThreshold(bySplit.get(false)));
        }
        out.append("| Model | Threshold (chosen on dev) | Language | Split | Texts | Gold positives | Precision | Recall | Micro-F1 |\n");
        out.append("|---|---:|---|---|---:|---:|---:|---:|---:|\n");
        for (Mode mode : Mode.values()) {
            double threshold = thresholds.get(mode);
            List<@Nullable Language> languages = new ArrayList<>(Arrays.asList(Language.values()));
            languages.add(null);
            for (Language language : languages) {
                for (boolean test : new boolean[] {false, true}) {
                    Map<Item, double[]> confidences = scored.get(mode).get(test);
                    Counts micro = micro(counts(confidences, language, threshold));
                    long texts = confidences.keySet().stream()
                            .filter(item -> language == null || item.language() == language).count();
                    out.append(String.format(Locale.ROOT, "| %s | %.2f | %s | %s | %d | %d | %.3f | %.3f | %.3f |%n",
                            mode.title(), threshold, language == null ? "nl + en" : language.code(),
                            test ? "test" : "dev", texts,
                            goldPairs(confidences.keySet(), language), micro.precision(), micro.recall(), micro.f1()));
                }
            }
        }
        out.append('\n');
        out.append("Per theme, held-out test split, precision / recall / F1 (gold positives in brackets):\n\n");
        out.append("| Theme | kappa a/b | nl, examples only | nl, examples + dev tags | en, examples only | en, examples + dev tags |\n");
        out.append("|---|---:|---|---|---|---|\n");
        List<String> names = taxonomy.names();
        Map<String, Counts[]> cells = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            for (Mode mode : Mode.values()) {
                cells.put(language.code() + mode, counts(scored.get(mode).get(true), language, thresholds.get(mode)));
            }
        }
        for (int t = 0; t < names.size(); t++) {
            out.append(String.format(Locale.ROOT, "| %s | %.2f |", names.get(t), kappa(names.get(t))));
            for (Counts[] counts : cells.values()) {
                Counts c = counts[t];
                out.append(String.format(Locale.ROOT, " %.2f / %.2f / %.2f (%d) |", c.precision(), c.recall(), c.f1(),
                        c.truePositives() + c.falseNegatives()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private long goldPairs(Set<Item> of, @Nullable Language language) {
        long pairs = 0;
        for (Item item : of) {
            if (language == null || item.language() == language) {
                for (String theme : taxonomy.names()) {
                    pairs += item.gold(theme) != null && item.gold(theme) ? 1 : 0;
                }
            }
        }
        return pairs;
    }
}
