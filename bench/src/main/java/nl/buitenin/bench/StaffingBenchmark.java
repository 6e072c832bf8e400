package nl.buitenin.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import nl.buitenin.demand.internal.erlang.ServiceTarget;
import nl.buitenin.demand.internal.erlang.Staffing;
import nl.buitenin.demand.internal.erlang.StaffingGoal;
import nl.buitenin.demand.internal.erlang.Workload;

/**
 * Staffing a year of 15-minute intervals (35 040) to 80 % in 20 seconds with Erlang C.
 *
 * <ul>
 * <li>{@code fast}: Buitenin's search, one pass of the Erlang B recurrence per interval;</li>
 * <li>{@code naiveFromScratch}: the straightforward search that, for every candidate number of agents
 * from the first above the load, computes Erlang C from scratch (the Erlang B recurrence from 0 lines);</li>
 * <li>{@code textbookFormula}: the same search with the textbook formula, powers and factorials
 * (A^n/n! summed term by term), as in many spreadsheets and in pyworkforce; it overflows above 170 agents,
 * so the loads here stay below that.</li>
 * </ul>
 * The year: a contact centre open 08:00-20:00 on weekdays with a daily and weekly shape and a season,
 * 0 to about 140 calls per quarter (up to 50 Erlang at a 300-second handle time), closed at night.
 * Each run checks that all three give the same agents for every interval.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class StaffingBenchmark {

    static final int INTERVALS = 365 * 96;
    static final double INTERVAL_SECONDS = 900;
    static final double AHT = 300;
    static final ServiceTarget TARGET = new ServiceTarget(0.8, 20);

    double[] calls;
    StaffingGoal goal;

    @Setup(Level.Trial)
    public void year() {
        calls = yearOfQuarters(new Random(2026));
        goal = StaffingGoal.serviceLevel(TARGET);
        int[] fast = fast();
        int[] naive = naiveFromScratch();
        int[] textbook = textbookFormula();
        for (int i = 0; i < INTERVALS; i++) {
            if (fast[i] != naive[i] || fast[i] != textbook[i]) {
                throw new IllegalStateException("interval " + i + " (" + calls[i] + " calls): fast " + fast[i] + ", naive " + naive[i]
                        + ", textbook " + textbook[i]);
            }
        }
    }

    static double[] yearOfQuarters(Random random) {
        double[] result = new double[INTERVALS];
        for (int day = 0; day < 365; day++) {
            int weekday = day % 7;
            double season = 1 + 0.3 * Math.cos(2 * Math.PI * day / 365);
            double weekdayFactor = weekday >= 5 ? 0 : 1.2 - 0.08 * weekday;
            for (int q = 0; q < 96; q++) {
                double hour = q / 4.0;
                if (hour < 8 || hour >= 20) {
                    continue;
                }
                // Two peaks, late morning and early afternoon.
                double shape = Math.exp(-Math.pow(hour - 10.5, 2) / 3) + 0.8 * Math.exp(-Math.pow(hour - 14, 2) / 4) + 0.1;
                double mean = 75 * shape * season * weekdayFactor;
                result[day * 96 + q] = Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
            }
        }
        return result;
    }

    @Benchmark
    public int[] fast() {
        int[] agents = new int[INTERVALS];
        for (int i = 0; i < INTERVALS; i++) {
            agents[i] = Staffing.required(new Workload(calls[i], INTERVAL_SECONDS, AHT), goal).agents();
        }
        return agents;
    }

    @Benchmark
    public int[] naiveFromScratch() {
        int[] agents = new int[INTERVALS];
        for (int i = 0; i < INTERVALS; i++) {
            double a = calls[i] * AHT / INTERVAL_SECONDS;
            if (a == 0) {
                continue;
            }
            int n = (int) Math.floor(a) + 1;
            while (serviceLevel(erlangCFromScratch(n, a), n, a) < TARGET.share()) {
                n++;
            }
            agents[i] = n;
        }
        return agents;
    }

    @Benchmark
    public int[] textbookFormula() {
        int[] agents = new int[INTERVALS];
        for (int i = 0; i < INTERVALS; i++) {
            double a = calls[i] * AHT / INTERVAL_SECONDS;
            if (a == 0) {
                continue;
            }
            int n = (int) Math.floor(a) + 1;
            while (serviceLevel(erlangCTextbook(n, a), n, a) < TARGET.share()) {
                n++;
            }
            agents[i] = n;
        }
        return agents;
    }

    static double serviceLevel(double waitProbability, int n, double a) {
        return 1 - waitProbability * Math.exp(-(n - a) * TARGET.seconds() / AHT);
    }

    /** Erlang C for n agents, recomputing Erlang B from 0 lines. */
    static double erlangCFromScratch(int n, double a) {
        double b = 1;
        for (int k = 1; k <= n; k++) {
            b = a * b / (k + a * b);
        }
        return n * b / (n - a * (1 - b));
    }

    /** Erlang C as printed in textbooks: (A^n/n! · n/(n-A)) / (Σ_{k<n} A^k/k! + A^n/n! · n/(n-A)). */
    static double erlangCTextbook(int n, double a) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += Math.pow(a, k) / factorial(k);
        }
        double top = Math.pow(a, n) / factorial(n) * n / (n - a);
        return top / (sum + top);
    }

    static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }
}
