package nl.buitenin.demand.internal.erlang;

/**
 * Finds the fewest agents that meet a {@link StaffingGoal}.
 *
 * <p>Erlang C: one pass of the Erlang B recurrence in its reciprocal form, r(n) = 1 + (n/a)·r(n-1)
 * with r = 1/B (a multiply-add per step instead of a division), checking each candidate from the first
 * n above the load (and within the occupancy limit) and stopping at the first that meets every target.
 * Each candidate costs one step and one multiplication for the service level's exponential, instead of a
 * recomputation from scratch, which is what makes a year of intervals take milliseconds. r only grows and
 * stays finite up to the answer; should it overflow, 1/r = 0 is the right limit.
 *
 * <p>Erlang A: the measures rise (service level) or fall (ASA, occupancy) with every extra agent, so the
 * fewest agents are found by doubling and then halving the range, each step a full evaluation.
 */
public final class Staffing {

    /** No contact centre answers one interval with more; a goal that needs more is unreachable. */
    public static final int MAX_AGENTS = 1_000_000;

    private Staffing() {
    }

    public static Staffed required(Workload workload, StaffingGoal goal) {
        Performance performance = goal.patienceSeconds() == null ? fewestErlangC(workload, goal) : fewestErlangA(workload, goal);
        return new Staffed(performance.agents(), goal.scheduled(performance.agents()), performance);
    }

    /** What a given number of agents achieves under the goal's model (Erlang A with patience, else C). */
    public static Performance evaluate(Workload workload, int agents, StaffingGoal goal) {
        if (agents < 0) {
            throw new nl.buitenin.platform.InvalidInputException("agents", "must be 0 or more, got " + agents);
        }
        return goal.patienceSeconds() == null ? ErlangC.evaluate(workload, agents, goal.target().seconds())
                : ErlangA.evaluate(workload, agents, goal.patienceSeconds(), goal.target().seconds());
    }

    static Performance fewestErlangC(Workload workload, StaffingGoal goal) {
        double a = workload.erlangs();
        if (a == 0) {
            return ErlangC.fromBlocking(workload, 0, goal.target().seconds(), 0);
        }
        double aht = workload.ahtSeconds();
        double share = goal.target().share();
        double maxAsa = goal.maxAsaSeconds() == null ? Double.POSITIVE_INFINITY : goal.maxAsaSeconds();
        // No candidate below the load (no steady state) or below the occupancy limit needs checking.
        int first = Math.max((int) Math.floor(a) + 1, (int) Math.ceil(a / goal.maxOccupancy() - 1e-12));
        if (first > MAX_AGENTS) {
            throw unreachable(workload);
        }
        double perErlang = 1 / a;
        double reciprocal = 1;
        for (int n = 1; n < first; n++) {
            reciprocal = 1 + n * perErlang * reciprocal;
        }
        // e^{-(n-a)t/aht} for successive n: one exp, then one multiplication per candidate.
        double decay = Math.exp(-goal.target().seconds() / aht);
        double factor = Math.exp(-(first - a) * goal.target().seconds() / aht);
        for (int n = first; n <= MAX_AGENTS; n++) {
            reciprocal = 1 + n * perErlang * reciprocal;
            double waitProbability = n / ((n - a) * reciprocal + a);
            if (1 - waitProbability * factor >= share && waitProbability * aht / (n - a) <= maxAsa) {
                return ErlangC.performance(workload, n, goal.target().seconds(), waitProbability);
            }
            factor *= decay;
        }
        throw unreachable(workload);
    }

    static Performance fewestErlangA(Workload workload, StaffingGoal goal) {
        if (workload.erlangs() == 0) {
            return evaluate(workload, 0, goal);
        }
        int low = 0;
        int high = Math.max(1, (int) Math.ceil(workload.erlangs()));
        Performance atHigh = evaluate(workload, high, goal);
        while (!goal.isMetBy(atHigh)) {
            low = high;
            if (high >= MAX_AGENTS) {
                throw unreachable(workload);
            }
            high = Math.min(MAX_AGENTS, high * 2);
            atHigh = evaluate(workload, high, goal);
        }
        // Invariant: low does not meet the goal (or is 0), high does.
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            Performance atMiddle = evaluate(workload, middle, goal);
            if (goal.isMetBy(atMiddle)) {
                high = middle;
                atHigh = atMiddle;
            } else {
                low = middle;
            }
        }
        if (low == 0) {
            Performance atZero = evaluate(workload, 0, goal);
            if (goal.isMetBy(atZero)) {
                return atZero;
            }
        }
        return atHigh;
    }

    private static IllegalArgumentException unreachable(Workload workload) {
        return new IllegalArgumentException("no number of agents up to " + MAX_AGENTS + " meets the goal for " + workload);
    }
}
