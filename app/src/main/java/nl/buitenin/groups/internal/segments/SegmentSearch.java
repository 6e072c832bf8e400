package nl.buitenin.groups.internal.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Finds segments in mixed data: k-prototypes for k = 2..6 (fewer when there are few people), each with several
 * restarts from a fixed seed, and the k whose clustering has the highest mean silhouette. The silhouette is computed on
 * at most {@link #SILHOUETTE_SAMPLE} people chosen with the same seed, since it compares every pair.
 */
public final class SegmentSearch {

    public static final int MIN_K = 2;
    public static final int MAX_K = 6;
    public static final int RESTARTS = 10;
    public static final long SEED = 20_261_205L;
    static final int SILHOUETTE_SAMPLE = 1500;

    private SegmentSearch() {
    }

    /** The clustering per k tried, with its silhouette, and the chosen one. */
    public record Result(KPrototypes.Clustering chosen, double silhouette, List<Tried> tried) {
    }

    public record Tried(int k, double silhouette, double cost) {
    }

    /** Segments of the data (standardised here); at least 2 × {@link #MIN_K} people are needed. */
    public static Result find(MixedData raw) {
        MixedData data = raw.standardised();
        int n = data.size();
        if (n < 2 * MIN_K) {
            throw new IllegalArgumentException("too few people to find segments: " + n);
        }
        int[] sample = sample(n);
        MixedData sampled = subset(data, sample);
        List<Tried> tried = new ArrayList<>();
        KPrototypes.Clustering best = null;
        double bestSilhouette = -2;
        for (int k = MIN_K; k <= Math.min(MAX_K, n / 2); k++) {
            KPrototypes.Clustering clustering = KPrototypes.cluster(data, k, SEED + k, RESTARTS);
            int[] labels = new int[sample.length];
            for (int i = 0; i < sample.length; i++) {
                labels[i] = clustering.labels()[sample[i]];
            }
            double silhouette = Silhouette.mean(sampled, labels, k);
            tried.add(new Tried(k, silhouette, clustering.cost()));
            if (silhouette > bestSilhouette) {
                bestSilhouette = silhouette;
                best = clustering;
            }
        }
        return new Result(best, bestSilhouette, tried);
    }

    private static int[] sample(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (n <= SILHOUETTE_SAMPLE) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < SILHOUETTE_SAMPLE; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(all, SILHOUETTE_SAMPLE);
        java.util.Arrays.sort(chosen);
        return chosen;
    }

    private static MixedData subset(MixedData data, int[] rows) {
        double[][] numeric = new double[rows.length][];
        int[][] categorical = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            numeric[i] = data.numeric()[rows[i]];
            categorical[i] = data.categorical()[rows[i]];
        }
        return new MixedData(numeric, categorical);
    }
}
