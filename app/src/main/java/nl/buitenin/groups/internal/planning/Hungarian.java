package nl.buitenin.groups.internal.planning;

/**
 * The exact minimum-cost assignment of n rows to n of m columns (n ≤ m), by the Hungarian method (Kuhn–Munkres) with
 * potentials, in O(n² m). Every row gets a distinct column; the sum of the chosen costs is the least possible. Written
 * here rather than taken from a library: the one well-kept Java implementation (JGraphT's Kuhn–Munkres) is licensed
 * EPL-2.0/LGPL-2.1, neither of which the project takes, and the method is 60 lines checked against brute force
 * (MatchingTest).
 */
final class Hungarian {

    private Hungarian() {
    }

    /**
     * @param cost n rows of m costs each, n ≤ m; costs must be finite and small enough that sums of n of them fit a long
     * @return for each row the column assigned to it
     */
    static int[] assign(long[][] cost) {
        int n = cost.length;
        if (n == 0) {
            return new int[0];
        }
        int m = cost[0].length;
        if (m < n) {
            throw new IllegalArgumentException("more rows than columns: " + n + " > " + m);
        }
        // 1-based arrays as in the textbook formulation; column 0 is the virtual start.
        long[] u = new long[n + 1];
        long[] v = new long[m + 1];
        int[] p = new int[m + 1];
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            long[] minv = new long[m + 1];
            java.util.Arrays.fill(minv, Long.MAX_VALUE);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                long delta = Long.MAX_VALUE;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        long cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] assignment = new int[n];
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                assignment[p[j] - 1] = j - 1;
            }
        }
        return assignment;
    }
}
