package nl.buitenin.groups.internal.segments;

/**
 * The mean silhouette (Rousseeuw 1987) of a clustering under k-prototypes' dissimilarity: per person
 * (b − a) / max(a, b), with a the mean dissimilarity to the others of its own cluster and b the smallest mean
 * dissimilarity to another cluster; 0 for a person alone in its cluster. Near 1: clusters apart; near 0: overlapping.
 */
public final class Silhouette {

    private Silhouette() {
    }

    public static double mean(MixedData data, int[] labels, int k) {
        int n = data.size();
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] sums = new double[k];
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    sums[labels[j]] += KPrototypes.dissimilarity(data.numeric()[i], data.categorical()[i], data.numeric()[j],
                            data.categorical()[j]);
                }
            }
            int own = labels[i];
            if (sizes[own] < 2) {
                continue;
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            if (b == Double.MAX_VALUE) {
                continue;
            }
            double max = Math.max(a, b);
            total += max == 0 ? 0 : (b - a) / max;
        }
        return total / n;
    }
}
