package nl.buitenin.insight.internal.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.carrot2.clustering.Cluster;
import org.carrot2.clustering.Document;
import org.carrot2.clustering.lingo.LingoClusteringAlgorithm;
import org.carrot2.language.LanguageComponents;
import org.carrot2.language.LoadedLanguages;
import org.carrot2.language.Stemmer;
import org.carrot2.language.StopwordFilter;
import org.tartarus.snowball.ext.DutchStemmer;

import nl.buitenin.insight.text.Language;

/**
 * Carrot2's Lingo clustering of short texts of one language. English uses Carrot2's own English components; Dutch
 * uses Carrot2's Dutch components with the stemmer and stop words replaced by Lucene's (the Snowball Dutch stemmer
 * and {@link DutchAnalyzer}'s stop words, also used by the text analyzer's terms), so clusters and themes read
 * the same word forms. The components are loaded once; Lingo itself is deterministic for the same input order.
 */
public final class LingoClusters {

    /** A cluster: its label phrases and the indices of its texts in the input list. */
    public record Group(List<String> labels, List<Integer> texts) {
    }

    private record Text(int index, String text) implements Document {
        @Override
        public void visitFields(BiConsumer<String, String> fieldConsumer) {
            fieldConsumer.accept("text", text);
        }
    }

    private static final class Holder {
        static final LanguageComponents ENGLISH;
        static final LanguageComponents DUTCH;

        static {
            try {
                LoadedLanguages loaded = LanguageComponents.loader().load();
                ENGLISH = loaded.language("English");
                CharArraySet stopWords = DutchAnalyzer.getDefaultStopSet();
                StopwordFilter carrot = loaded.language("Dutch").get(StopwordFilter.class);
                StopwordFilter lucene = word -> !stopWords.contains(word);
                DUTCH = loaded.language("Dutch")
                        .override(Stemmer.class, () -> new LuceneDutchStemmer())
                        .override(StopwordFilter.class, () -> lucene.and(carrot));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Lucene's Snowball Dutch stemmer behind Carrot2's stemmer interface (one per clustering: it keeps state). */
    private static final class LuceneDutchStemmer implements Stemmer {
        private final DutchStemmer stemmer = new DutchStemmer();

        @Override
        public CharSequence stem(CharSequence word) {
            stemmer.setCurrent(word.toString());
            stemmer.stem();
            return stemmer.getCurrent();
        }
    }

    private LingoClusters() {
    }

    /**
     * Up to about {@code count} clusters of the texts (Lingo may find fewer), largest first, ties by first label.
     * A text may be in more than one cluster; texts that fit none are in none.
     */
    /** The most clusters Lingo computes in one run. */
    static final int MAX_CLUSTERS = 100;

    public static List<Group> cluster(List<String> texts, Language language, int count) {
        LingoClusteringAlgorithm lingo = new LingoClusteringAlgorithm();
        // Lingo accepts 2 to 100 clusters; a caller asking for more (discovery asks for extra to skip the clusters
        // analysts decided on before, which grow with every decision) gets the most Lingo gives.
        lingo.desiredClusterCount.set(Math.max(2, Math.min(MAX_CLUSTERS, count)));
        List<Text> documents = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            documents.add(new Text(i, texts.get(i)));
        }
        LanguageComponents components = language == Language.NL ? Holder.DUTCH : Holder.ENGLISH;
        List<Group> groups = new ArrayList<>();
        for (Cluster<Text> cluster : lingo.cluster(documents.stream(), components)) {
            List<Integer> members = cluster.getDocuments().stream().map(Text::index).sorted().toList();
            if (!members.isEmpty() && !cluster.getLabels().isEmpty()) {
                groups.add(new Group(List.copyOf(cluster.getLabels()), members));
            }
        }
        groups.sort(Comparator.comparing((Group group) -> -group.texts().size())
                .thenComparing(group -> group.labels().get(0)));
        return groups;
    }
}
