package nl.buitenin.demand.internal.erlang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Erlang A against an independent discrete-event simulation of M/M/n+M, against Palm's closed form for
 * the abandonment probability, and against Erlang C as patience grows without bound.
 */
class ErlangATest {

    @Test
    void matchesASimulationOfImpatientCallers() {
        // 100 calls per 30 minutes, AHT 180 s (10 Erlang), patience 60 s, 11 agents: an overloaded-ish queue.
        Workload workload = new Workload(100, 1800, 180);
        Performance formula = ErlangA.evaluate(workload, 11, 60, 20);
        Simulated sim = simulate(100 / 1800.0, 1 / 180.0, 1 / 60.0, 11, 20, 400_000, 42);
        // Tolerance: four standard errors from 20 batch means (batches absorb the calls' correlation), plus 0.002.
        assertThat(formula.serviceLevel()).isCloseTo(sim.serviceLevel.mean(), within(4 * sim.serviceLevel.standardError() + 0.002));
        assertThat(formula.abandonProbability()).isCloseTo(sim.abandoned.mean(), within(4 * sim.abandoned.standardError() + 0.002));
        assertThat(formula.waitProbability()).isCloseTo(sim.waited.mean(), within(4 * sim.waited.standardError() + 0.002));
        assertThat(formula.asaSeconds()).isCloseTo(sim.answerWait.mean(), within(4 * sim.answerWait.standardError() + 0.2));
    }

    @Test
    void matchesASimulationWhenFewerAgentsThanErlang() {
        // 8 agents for 10 Erlang: Erlang C has no answer, Erlang A has one because callers hang up.
        Workload workload = new Workload(100, 1800, 180);
        Performance formula = ErlangA.evaluate(workload, 8, 120, 30);
        Simulated sim = simulate(100 / 1800.0, 1 / 180.0, 1 / 120.0, 8, 30, 400_000, 7);
        assertThat(formula.serviceLevel()).isCloseTo(sim.serviceLevel.mean(), within(4 * sim.serviceLevel.standardError() + 0.002));
        assertThat(formula.abandonProbability()).isCloseTo(sim.abandoned.mean(), within(4 * sim.abandoned.standardError() + 0.002));
    }

    @Test
    void abandonmentAgreesWithPalmsClosedForm() {
        // P(abandon | wait) = 1 / (ρ A(x, y)) + 1 - 1 / ρ with ρ = λ / (nμ) (Mandelbaum and Zeltyn).
        Workload workload = new Workload(300, 1800, 240);
        int n = 38;
        double patience = 90;
        Performance p = ErlangA.evaluate(workload, n, patience, 20);
        double rho = workload.erlangs() / n;
        double x = n * patience / 240;
        double y = workload.arrivalsPerSecond() * patience;
        double bigA = Math.exp(ErlangA.logSum(ErlangA.logQueueTerms(x, y)));
        double closedForm = p.waitProbability() * (1 / (rho * bigA) + 1 - 1 / rho);
        assertThat(p.abandonProbability()).isCloseTo(closedForm, within(1e-10));
    }

    @Test
    void becomesErlangCWhenNobodyHangsUp() {
        Workload workload = new Workload(100, 1800, 180);
        Performance a = ErlangA.evaluate(workload, 14, 1e7, 20);
        assertThat(a.waitProbability()).isCloseTo(0.1741, within(0.0002));
        assertThat(a.serviceLevel()).isCloseTo(0.8883, within(0.0005));
        assertThat(a.abandonProbability()).isLessThan(1e-4);
    }

    @Test
    void staysFiniteAtAThousandErlangAndFollowsTheFluidLimit() {
        // 1 000 Erlang: in an overloaded large system the share that hangs up approaches 1 - n/a (Whitt's fluid model).
        Workload workload = new Workload(10_000, 1800, 180);
        Performance p = ErlangA.evaluate(workload, 900, 60, 20);
        assertThat(p.abandonProbability()).isCloseTo(0.1, within(0.005));
        assertThat(p.occupancy()).isCloseTo(1.0, within(0.001));
        StaffingGoal goal = new StaffingGoal(ServiceTarget.parse("80/20s"), null, 1, 0, 60.0);
        Staffed staffed = Staffing.required(workload, goal);
        // Abandoned calls count as failures, so at least 80 % must be carried: n >= 0.8 a.
        assertThat(staffed.agents()).isBetween(800, 1000);
        assertThat(staffed.performance().serviceLevel()).isGreaterThanOrEqualTo(0.8);
        assertThat(Staffing.evaluate(workload, staffed.agents() - 1, goal).serviceLevel()).isLessThan(0.8);
    }

    // ---- an independent discrete-event simulation -------------------------------------------------

    record Simulated(BatchMeans serviceLevel, BatchMeans abandoned, BatchMeans waited, BatchMeans answerWait) {
    }

    /** Means of a measure over equal batches of calls, for a standard error that respects correlation. */
    static final class BatchMeans {
        final double[] sums;
        final long[] counts;

        BatchMeans(int batches) {
            sums = new double[batches];
            counts = new long[batches];
        }

        void add(int batch, double value) {
            sums[batch] += value;
            counts[batch]++;
        }

        double mean() {
            double s = 0;
            long c = 0;
            for (int i = 0; i < sums.length; i++) {
                s += sums[i];
                c += counts[i];
            }
            return s / c;
        }

        double standardError() {
            double[] means = new double[sums.length];
            double grand = 0;
            for (int i = 0; i < sums.length; i++) {
                means[i] = sums[i] / counts[i];
                grand += means[i];
            }
            grand /= sums.length;
            double ss = 0;
            for (double m : means) {
                ss += (m - grand) * (m - grand);
            }
            return Math.sqrt(ss / (sums.length - 1) / sums.length);
        }
    }

    /**
     * First-come-first-served queue; each caller draws its patience on arrival. Event by event: the next
     * arrival, the next service end, or the next hang-up of a waiting caller.
     */
    static Simulated simulate(double lambda, double mu, double theta, int agents, double target, int calls, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int batches = 20;
        int warmUp = calls / 20;
        BatchMeans sl = new BatchMeans(batches);
        BatchMeans ab = new BatchMeans(batches);
        BatchMeans waited = new BatchMeans(batches);
        BatchMeans answerWait = new BatchMeans(batches);
        double[] busyUntil = new double[agents];
        Deque<double[]> queue = new ArrayDeque<>(); // {arrival time, give-up time, call number}
        double now = 0;
        for (int call = 0; call < calls + warmUp; call++) {
            now += exp(random, lambda);
            // Callers in the queue are answered in order as agents free up before 'now'; others give up.
            int free = drainQueue(queue, busyUntil, now, mu, random, sl, ab, answerWait, target, warmUp, calls, batches);
            double patience = exp(random, theta);
            boolean measured = call >= warmUp;
            int batch = measured ? (int) ((long) (call - warmUp) * batches / calls) : 0;
            if (free >= 0 && queue.isEmpty()) {
                busyUntil[free] = now + exp(random, mu);
                if (measured) {
                    sl.add(batch, 1);
                    ab.add(batch, 0);
                    waited.add(batch, 0);
                    answerWait.add(batch, 0);
                }
            } else {
                queue.add(new double[] {now, now + patience, measured ? batch : -1});
                if (measured) {
                    waited.add(batch, 1);
                }
            }
        }
        return new Simulated(sl, ab, waited, answerWait);
    }

    private static int drainQueue(Deque<double[]> queue, double[] busyUntil, double now, double mu, SplittableRandom random,
            BatchMeans sl, BatchMeans ab, BatchMeans answerWait, double target, int warmUp, int calls, int batches) {
        while (true) {
            int agent = earliest(busyUntil);
            double freeAt = Math.max(busyUntil[agent], queue.isEmpty() ? 0 : queue.peekFirst()[0]);
            // Drop callers who gave up before the earliest agent could take them.
            while (!queue.isEmpty() && queue.peekFirst()[1] < Math.min(freeAt, now)) {
                double[] gone = queue.pollFirst();
                record(gone, false, 0, sl, ab, answerWait, target);
                if (!queue.isEmpty()) {
                    freeAt = Math.max(busyUntil[agent], queue.peekFirst()[0]);
                }
            }
            if (queue.isEmpty()) {
                return busyUntil[agent] <= now ? agent : -1;
            }
            if (freeAt > now) {
                return -1;
            }
            double[] next = queue.pollFirst();
            busyUntil[agent] = freeAt + exp(random, mu);
            record(next, true, freeAt - next[0], sl, ab, answerWait, target);
        }
    }

    private static void record(double[] caller, boolean answered, double wait, BatchMeans sl, BatchMeans ab, BatchMeans answerWait,
            double target) {
        int batch = (int) caller[2];
        if (batch < 0) {
            return;
        }
        sl.add(batch, answered && wait <= target ? 1 : 0);
        ab.add(batch, answered ? 0 : 1);
        if (answered) {
            answerWait.add(batch, wait);
        }
    }

    private static int earliest(double[] busyUntil) {
        int best = 0;
        for (int i = 1; i < busyUntil.length; i++) {
            if (busyUntil[i] < busyUntil[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double exp(SplittableRandom random, double rate) {
        return -Math.log(1 - random.nextDouble()) / rate;
    }
}
