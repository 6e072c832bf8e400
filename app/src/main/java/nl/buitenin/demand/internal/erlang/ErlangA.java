package nl.buitenin.demand.internal.erlang;

import org.apache.commons.math3.special.Beta;

/**
 * Erlang A (Palm's M/M/n+M): callers hang up after an exponentially distributed patience.
 *
 * <p>Why this formulation: with x = n·patience/aht and y = λ·patience, the stationary probability of
 * j callers waiting is proportional to t_j = y^j / ((x+1)(x+2)…(x+j)), and P(wait) = E·T / (1 + (T-1)·E)
 * with E Erlang B and T = Σ t_j (Garnett, Mandelbaum and Reiman 2002). The t_j are summed in log space,
 * so a load of thousands of Erlang neither overflows nor underflows. A caller who finds j waiting is
 * answered if the j+1 "departures" ahead of it (services at rate nμ, hang-ups at rate θ each, and its own
 * patience) end with a service: probability x/(x+j+1), after a time Σ Exp(θ(x+i)), i = 1..j+1, whose
 * distribution function is the regularised incomplete beta I_{1-e^{-θt}}(j+1, x+1) (order statistics of
 * exponentials). Abandoned callers count as not answered in time.
 */
final class ErlangA {

    /** Terms below e^-40 of the largest add nothing a double can hold. */
    private static final double NEGLIGIBLE = 40;

    private ErlangA() {
    }

    public static Performance evaluate(Workload workload, int agents, double patienceSeconds, double targetSeconds) {
        return evaluate(workload, agents, patienceSeconds, targetSeconds, ErlangB.blocking(agents, workload.erlangs()));
    }

    static Performance evaluate(Workload workload, int agents, double patienceSeconds, double targetSeconds, double blocking) {
        if (!(patienceSeconds > 0) || Double.isInfinite(patienceSeconds)) {
            throw new IllegalArgumentException("patience must be a positive number of seconds, got " + patienceSeconds);
        }
        double a = workload.erlangs();
        if (a == 0) {
            return new Performance(agents, 0, 1, 0, 0, 0);
        }
        double theta = 1 / patienceSeconds;
        double x = agents * patienceSeconds / workload.ahtSeconds();
        double y = workload.arrivalsPerSecond() * patienceSeconds;
        double[] logTerms = logQueueTerms(x, y);
        double logTotal = logSum(logTerms);
        double waitProbability = waitProbability(blocking, logTotal);

        double p = -Math.expm1(-theta * targetSeconds);
        double abandon = 0;
        double answeredInTime = 0;
        double answeredWait = 0;
        double meanWaitIfAnswered = 0;
        for (int j = 0; j < logTerms.length; j++) {
            double weight = waitProbability * Math.exp(logTerms[j] - logTotal);
            double answered = x / (x + j + 1);
            meanWaitIfAnswered += 1 / (theta * (x + j + 1));
            abandon += weight * (1 - answered);
            if (answered > 0 && weight > 0) {
                answeredInTime += weight * answered * (p >= 1 ? 1 : Beta.regularizedBeta(p, j + 1, x + 1));
                answeredWait += weight * answered * meanWaitIfAnswered;
            }
        }
        double answeredShare = 1 - abandon;
        double serviceLevel = (1 - waitProbability) + answeredInTime;
        double asa = answeredShare > 0 ? answeredWait / answeredShare : Double.POSITIVE_INFINITY;
        double occupancy = agents == 0 ? 0 : Math.min(1, a * answeredShare / agents);
        return new Performance(agents, waitProbability, clamp(serviceLevel), asa, occupancy, clamp(abandon));
    }

    /** log t_j for j = 0, 1, … until the terms, past their peak, no longer matter. */
    static double[] logQueueTerms(double x, double y) {
        double logY = Math.log(y);
        double[] terms = new double[64];
        int count = 0;
        double current = 0;
        double largest = 0;
        for (int j = 0; ; j++) {
            if (j > 0) {
                current += logY - Math.log(x + j);
            }
            if (count == terms.length) {
                terms = java.util.Arrays.copyOf(terms, terms.length * 2);
            }
            terms[count++] = current;
            largest = Math.max(largest, current);
            boolean pastPeak = x + j + 1 > y;
            if (pastPeak && current < largest - NEGLIGIBLE) {
                return java.util.Arrays.copyOf(terms, count);
            }
        }
    }

    static double logSum(double[] logTerms) {
        double largest = Double.NEGATIVE_INFINITY;
        for (double term : logTerms) {
            largest = Math.max(largest, term);
        }
        double sum = 0;
        for (double term : logTerms) {
            sum += Math.exp(term - largest);
        }
        return largest + Math.log(sum);
    }

    private static double waitProbability(double blocking, double logTotal) {
        if (blocking <= 0) {
            return 0;
        }
        if (blocking >= 1) {
            return 1;
        }
        // E·T / (1 + (T-1)·E) = 1 / (1 + (1-E) / (E·T)), with E·T kept in logs.
        double ratio = Math.exp(Math.log1p(-blocking) - Math.log(blocking) - logTotal);
        return 1 / (1 + ratio);
    }

    private static double clamp(double share) {
        return Math.max(0, Math.min(1, share));
    }
}
