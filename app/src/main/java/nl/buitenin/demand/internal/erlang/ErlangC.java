package nl.buitenin.demand.internal.erlang;

/**
 * Erlang C (M/M/n, callers wait as long as it takes). The probability of waiting is derived from
 * Erlang B, C = n B / (n - a (1 - B)), so the stable B recurrence carries over; service level
 * 1 - C e^{-(n-a) t / aht}, average speed of answer C aht / (n - a), occupancy a / n.
 */
final class ErlangC {

    private ErlangC() {
    }

    public static Performance evaluate(Workload workload, int agents, double targetSeconds) {
        double a = workload.erlangs();
        return fromBlocking(workload, agents, targetSeconds, ErlangB.blocking(agents, a));
    }

    /** The same, given Erlang B for {@code agents} lines, so a search over agents can carry B along. */
    static Performance fromBlocking(Workload workload, int agents, double targetSeconds, double blocking) {
        double a = workload.erlangs();
        if (a == 0) {
            return new Performance(agents, 0, 1, 0, 0, Double.NaN);
        }
        if (agents <= a) {
            // No steady state: the queue grows for as long as the interval lasts.
            return new Performance(agents, 1, 0, Double.POSITIVE_INFINITY, 1, Double.NaN);
        }
        double wait = agents * blocking / (agents - a * (1 - blocking));
        return performance(workload, agents, targetSeconds, wait);
    }

    static Performance performance(Workload workload, int agents, double targetSeconds, double waitProbability) {
        double a = workload.erlangs();
        double aht = workload.ahtSeconds();
        double serviceLevel = 1 - waitProbability * Math.exp(-(agents - a) * targetSeconds / aht);
        double asa = waitProbability * aht / (agents - a);
        return new Performance(agents, waitProbability, Math.max(0, serviceLevel), asa, a / agents, Double.NaN);
    }
}
