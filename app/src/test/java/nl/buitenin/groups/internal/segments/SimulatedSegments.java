package nl.buitenin.groups.internal.segments;

import java.util.SplittableRandom;

/** People drawn from known groups, for measuring how well the segment finder finds them again. */
final class SimulatedSegments {

    /** The data and the group each person was drawn from. */
    record Drawn(String scenario, MixedData data, int[] truth, int groups) {
    }

    private SimulatedSegments() {
    }

    /**
     * Three groups far apart: two numbers (a score and a number of trips, say) with means (0, 0), (4, 4) and (8, 0) and
     * standard deviation 1, and one category with three values, each group's own value 90 % of the time.
     */
    static Drawn wellSeparated(int perGroup, long seed) {
        return threeGroups("well separated", perGroup, seed, 4.0, 0.9);
    }

    /** The same three groups closer together: means (0, 0), (1.5, 1.5), (3, 0); own value 60 % of the time. */
    static Drawn overlapping(int perGroup, long seed) {
        return threeGroups("overlapping", perGroup, seed, 1.5, 0.6);
    }

    /**
     * Four groups that neither the numbers nor the categories separate alone: a number (trips, say) with mean 0 or 2.5
     * (sd 1) by the first factor; a category of two values (90 % by the second factor) and a theme yes/no (85 % by it);
     * and a category of four values (an age band, say) that is the group's own value 60 % of the time and any value
     * otherwise.
     */
    static Drawn mixed(int perGroup, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = perGroup * 4;
        double[][] numeric = new double[n][1];
        int[][] categorical = new int[n][3];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            int group = i % 4;
            int level = group / 2;
            int kind = group % 2;
            truth[i] = group;
            numeric[i][0] = 2.5 * level + random.nextGaussian();
            categorical[i][0] = random.nextDouble() < 0.9 ? kind : 1 - kind;
            categorical[i][1] = random.nextDouble() < 0.85 ? kind : 1 - kind;
            categorical[i][2] = random.nextDouble() < 0.6 ? group : random.nextInt(4);
        }
        return new Drawn("mixed numeric/categorical", new MixedData(numeric, categorical), truth, 4);
    }

    private static Drawn threeGroups(String name, int perGroup, long seed, double step, double own) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = perGroup * 3;
        double[][] means = {{0, 0}, {step, step}, {2 * step, 0}};
        double[][] numeric = new double[n][2];
        int[][] categorical = new int[n][1];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            int group = i % 3;
            truth[i] = group;
            numeric[i][0] = means[group][0] + random.nextGaussian();
            numeric[i][1] = means[group][1] + random.nextGaussian();
            categorical[i][0] = random.nextDouble() < own ? group : random.nextInt(3);
        }
        return new Drawn(name, new MixedData(numeric, categorical), truth, 3);
    }
}
