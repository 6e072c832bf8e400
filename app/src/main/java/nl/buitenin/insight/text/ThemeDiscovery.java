package nl.buitenin.insight.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import nl.buitenin.insight.internal.text.LingoClusters;

/**
 * Finds possible new themes among texts (typically those no theme fits yet) by clustering them with Carrot2's Lingo:
 * each suggested theme has label phrases, its size and examples, for an analyst to adopt or dismiss. Dutch and
 * English texts are clustered apart (each with its own stemmer and stop words) and the clusters of both are ranked
 * together by size. The same texts in the same order give the same themes.
 */
public final class ThemeDiscovery {

    /** How many example texts each suggested theme carries. */
    public static final int EXAMPLES = 3;

    private final TextAnalyzer analyzer;

    public ThemeDiscovery(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Up to {@code count} suggested themes, largest first; fewer when the texts do not fall apart into more. */
    public List<SuggestedTheme> discover(List<String> texts, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, not " + count);
        }
        Map<Language, List<Integer>> byLanguage = new EnumMap<>(Language.class);
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isBlank()) {
                byLanguage.computeIfAbsent(analyzer.language(texts.get(i)), l -> new ArrayList<>()).add(i);
            }
        }
        List<SuggestedTheme> themes = new ArrayList<>();
        byLanguage.forEach((language, positions) -> {
            List<String> of = positions.stream().map(texts::get).toList();
            for (LingoClusters.Group group : LingoClusters.cluster(of, language, count)) {
                List<Integer> members = group.texts().stream().map(positions::get).toList();
                List<String> examples = members.stream().limit(EXAMPLES).map(texts::get).toList();
                themes.add(new SuggestedTheme(group.labels(), members.size(), examples, language, members));
            }
        });
        themes.sort(Comparator.comparing((SuggestedTheme theme) -> -theme.size())
                .thenComparing(theme -> theme.labels().get(0)));
        return themes.size() > count ? List.copyOf(themes.subList(0, count)) : themes;
    }
}
