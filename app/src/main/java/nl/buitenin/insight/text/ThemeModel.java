package nl.buitenin.insight.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.buitenin.insight.internal.text.ThemeClassifier;
import nl.buitenin.insight.internal.text.ThemeTerms;

/**
 * Suggests themes of a taxonomy for a text, with a confidence 0..1 per theme. Built from the taxonomy's example
 * phrases alone it works from the first day; analysts' tags (accepted or rejected themes of real texts) make it
 * better. Dutch and English texts share one model: both are stemmed, Dutch compounds are split into the parts the
 * model knows. Immutable and thread-safe once built; training reads every example and tagged text, so build it once
 * and share it.
 * How it works and how well is in {@code docs/insight.md}.
 */
public final class ThemeModel {

    /**
     * The confidence from which a model built from examples alone suggests a theme, chosen on the development split
     * of the labelled sets (see {@code buitenin evaluate-themes} and docs/insight.md); an organisation may set its
     * own with {@link #withThreshold(double)}.
     */
    public static final double EXAMPLES_THRESHOLD = 0.29;

    /** The same for a model that also learnt from tags (chosen on dev by cross-validation). */
    public static final double TAGGED_THRESHOLD = 0.31;

    private final List<String> themes;
    private final ThemeTerms terms;
    private final ThemeClassifier classifier;
    private final double threshold;
    /** What analysts said about the themes of a tagged text, by the text's terms (theme index to accepted). */
    private final Map<Set<String>, Map<Integer, Boolean>> verdicts;

    private ThemeModel(List<String> themes, ThemeTerms terms, ThemeClassifier classifier, double threshold,
            Map<Set<String>, Map<Integer, Boolean>> verdicts) {
        this.themes = themes;
        this.terms = terms;
        this.classifier = classifier;
        this.threshold = threshold;
        this.verdicts = verdicts;
    }

    /** A model from the taxonomy's examples alone. */
    public static ThemeModel train(ThemeTaxonomy taxonomy) {
        return train(taxonomy, List.of(), TextAnalyzer.standard());
    }

    /**
     * A model from the taxonomy's examples and analysts' tags. An example phrase (and the theme's own name) is a
     * positive text for its theme and a negative one for the others; it is read as Dutch and as English (a short
     * phrase barely shows its language). A tagged text is positive for a theme it was accepted for, negative for one
     * it was rejected for, and negative for a theme it was not tagged with when it was accepted for another (the
     * analyst saw it and chose other themes). Tags naming a theme outside the taxonomy are refused.
     */
    public static ThemeModel train(ThemeTaxonomy taxonomy, List<ThemeTag> tags, TextAnalyzer analyzer) {
        List<String> names = taxonomy.names();
        Map<String, Map<String, Boolean>> tagged = new LinkedHashMap<>();
        for (ThemeTag tag : tags) {
            if (!names.contains(tag.theme())) {
                throw new IllegalArgumentException("tag names theme '" + tag.theme() + "', which is not in the taxonomy");
            }
            tagged.computeIfAbsent(tag.text(), t -> new HashMap<>()).merge(tag.theme(), tag.accepted(),
                    (earlier, later) -> later);
        }
        List<String> vocabularyTexts = new ArrayList<>();
        for (ThemeTaxonomy.Theme theme : taxonomy.themes()) {
            vocabularyTexts.add(theme.name());
            vocabularyTexts.addAll(theme.examples());
        }
        vocabularyTexts.addAll(tagged.keySet());
        ThemeTerms terms = new ThemeTerms(analyzer, vocabularyTexts);

        Map<String, Set<String>> termsOf = new HashMap<>();
        for (String text : tagged.keySet()) {
            termsOf.put(text, terms.terms(text));
        }
        for (ThemeTaxonomy.Theme theme : taxonomy.themes()) {
            // a short phrase barely shows its language ("guide", "bevestiging nooit ontvangen"): read it as both
            for (String phrase : phrases(theme)) {
                termsOf.computeIfAbsent(phrase, p -> {
                    Set<String> both = new LinkedHashSet<>();
                    for (Language language : Language.values()) {
                        both.addAll(terms.terms(p, language));
                    }
                    return both;
                });
            }
        }
        List<List<ThemeClassifier.Sample>> perTheme = new ArrayList<>();
        for (ThemeTaxonomy.Theme theme : taxonomy.themes()) {
            List<ThemeClassifier.Sample> samples = new ArrayList<>();
            for (ThemeTaxonomy.Theme other : taxonomy.themes()) {
                boolean own = other.name().equals(theme.name());
                for (String phrase : phrases(other)) {
                    samples.add(new ThemeClassifier.Sample(termsOf.get(phrase), own));
                }
            }
            tagged.forEach((text, verdicts) -> {
                Boolean verdict = verdicts.get(theme.name());
                if (verdict == null && verdicts.containsValue(Boolean.TRUE)) {
                    verdict = Boolean.FALSE;
                }
                if (verdict != null) {
                    samples.add(new ThemeClassifier.Sample(termsOf.get(text), verdict));
                }
            });
            perTheme.add(samples);
        }
        // A text with exactly the terms of a tagged text gets the analyst's verdict on each theme it was tagged with
        // (1 accepted, 0 rejected): one tag among hundreds of training texts only moves the model, but for the same
        // words what the analyst said is known.
        Map<Set<String>, Map<Integer, Boolean>> verdicts = new HashMap<>();
        tagged.forEach((text, byTheme) -> {
            Set<String> own = termsOf.get(text);
            if (!own.isEmpty()) {
                Map<Integer, Boolean> known = verdicts.computeIfAbsent(Set.copyOf(own), t -> new HashMap<>());
                byTheme.forEach((theme, accepted) -> known.put(names.indexOf(theme), accepted));
            }
        });
        return new ThemeModel(names, terms, ThemeClassifier.train(perTheme),
                tagged.isEmpty() ? EXAMPLES_THRESHOLD : TAGGED_THRESHOLD, verdicts);
    }

    private static Set<String> phrases(ThemeTaxonomy.Theme theme) {
        Set<String> phrases = new LinkedHashSet<>(theme.examples());
        phrases.add(theme.name());
        return phrases;
    }

    /** The same model suggesting themes from another confidence (0..1). */
    public ThemeModel withThreshold(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must lie within 0..1, not " + threshold);
        }
        return new ThemeModel(themes, terms, classifier, threshold, verdicts);
    }

    public double threshold() {
        return threshold;
    }

    public List<String> themes() {
        return themes;
    }

    /** The themes whose confidence reaches the threshold, most confident first (none for a text on no theme). */
    public List<ThemeSuggestion> suggest(String text) {
        return above(confidences(text));
    }

    /** As {@link #suggest(String)} for a text whose language is known (it saves guessing it again). */
    public List<ThemeSuggestion> suggest(String text, Language language) {
        return above(confidences(text, language));
    }

    /** The confidence of every theme, most confident first (ties in taxonomy order). */
    public List<ThemeSuggestion> confidences(String text) {
        return ranked(scored(terms.terms(text)));
    }

    public List<ThemeSuggestion> confidences(String text, Language language) {
        return ranked(scored(terms.terms(text, language)));
    }

    private double[] scored(Set<String> textTerms) {
        double[] confidences = classifier.confidences(textTerms);
        Map<Integer, Boolean> known = verdicts.isEmpty() ? null : verdicts.get(textTerms);
        if (known != null) {
            known.forEach((theme, accepted) -> confidences[theme] = accepted ? 1 : 0);
        }
        return confidences;
    }

    private List<ThemeSuggestion> above(List<ThemeSuggestion> ranked) {
        return ranked.stream().filter(suggestion -> suggestion.confidence() >= threshold).toList();
    }

    private List<ThemeSuggestion> ranked(double[] confidences) {
        List<ThemeSuggestion> suggestions = new ArrayList<>(themes.size());
        for (int t = 0; t < themes.size(); t++) {
            suggestions.add(new ThemeSuggestion(themes.get(t), Math.min(1, Math.max(0, confidences[t]))));
        }
        suggestions.sort(Comparator.comparingDouble(ThemeSuggestion::confidence).reversed());
        return suggestions;
    }
}
