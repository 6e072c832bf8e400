package nl.buitenin.demand.internal.erlang;

/**
 * Erlang B: the probability that a contact finds all {@code n} lines busy (M/M/n/n) under an offered
 * load of {@code a} Erlang. Computed with the recurrence B(0) = 1, B(n) = a B(n-1) / (n + a B(n-1)),
 * which only ever divides numbers of similar size: no factorials, no powers, no overflow at 1 000+ Erlang.
 */
final class ErlangB {

    private ErlangB() {
    }

    public static double blocking(int lines, double erlangs) {
        if (lines < 0) {
            throw new IllegalArgumentException("lines must be 0 or more, got " + lines);
        }
        if (!(erlangs >= 0)) {
            throw new IllegalArgumentException("load must be 0 or more, got " + erlangs);
        }
        if (erlangs == 0) {
            return lines == 0 ? 1 : 0;
        }
        double b = 1;
        for (int k = 1; k <= lines; k++) {
            b = erlangs * b / (k + erlangs * b);
        }
        return b;
    }

    /** The fewest lines that keep the blocking probability at or under {@code maxBlocking}. */
    public static int linesFor(double erlangs, double maxBlocking) {
        if (!(maxBlocking > 0 && maxBlocking < 1)) {
            throw new IllegalArgumentException("blocking target must lie between 0 and 1, got " + maxBlocking);
        }
        double b = 1;
        int lines = 0;
        while (b > maxBlocking) {
            lines++;
            b = erlangs * b / (lines + erlangs * b);
        }
        return lines;
    }
}
