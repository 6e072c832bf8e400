package nl.buitenin.demand.internal.erlang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

import nl.buitenin.platform.InvalidInputException;

/** Erlang B and C against published worked examples and independent computations. */
class ErlangTest {

    /** pyworkforce's test case and the R package ErlangC's README: 100 calls per 30 minutes, AHT 180 s. */
    static final Workload HUNDRED_CALLS = new Workload(100, 1800, 180);

    @Test
    void erlangBMatchesTheTextbookTable() {
        // Classic table values: 10 lines at 10 Erlang block 21.46 %, 5 lines at 2 Erlang 3.67 %.
        assertThat(ErlangB.blocking(10, 10)).isCloseTo(0.2146, within(0.00005));
        assertThat(ErlangB.blocking(5, 2)).isCloseTo(0.0367, within(0.00005));
        assertThat(ErlangB.blocking(1, 1)).isEqualTo(0.5);
    }

    @Test
    void erlangBMatchesTheDefinitionComputedExactly() {
        for (int n : new int[] {1, 3, 17, 60}) {
            for (double a : new double[] {0.5, 4.2, 20, 55.5}) {
                assertThat(ErlangB.blocking(n, a)).as("B(%d, %s)", n, a).isCloseTo(exactErlangB(n, a), within(1e-12));
            }
        }
    }

    @Test
    void erlangBStaysFiniteAtThousandsOfErlang() {
        // Independent: B(n, a) = P(N = n) / P(N <= n) for N ~ Poisson(a), computed by commons-math.
        for (double a : new double[] {1000, 5000, 20000}) {
            int n = (int) a;
            PoissonDistribution poisson = new PoissonDistribution(null, a, 1e-15, 10_000_000);
            double expected = poisson.probability(n) / poisson.cumulativeProbability(n);
            assertThat(ErlangB.blocking(n, a)).isCloseTo(expected, within(expected * 1e-8));
        }
    }

    @Test
    void linesForABlockingTarget() {
        // Table: at 10 Erlang, 18 lines give under 1 % blocking (0.0071) and 17 do not (0.0129).
        assertThat(ErlangB.linesFor(10, 0.01)).isEqualTo(18);
    }

    @Test
    void erlangCMatchesPyworkforceWithFourteenAgents() {
        Performance p = ErlangC.evaluate(HUNDRED_CALLS, 14, 20);
        assertThat(p.waitProbability()).isCloseTo(0.1741, within(0.00005));
        assertThat(p.serviceLevel()).isCloseTo(0.8883, within(0.0001));
        assertThat(p.occupancy()).isCloseTo(0.7143, within(0.00005));
        // ASA = C · aht / (n - a) = 0.17411 · 180 / 4
        assertThat(p.asaSeconds()).isCloseTo(7.835, within(0.005));
    }

    @Test
    void fourteenAgentsAnswerEightyPercentInTwentySecondsAndThirteenDoNot() {
        StaffingGoal goal = StaffingGoal.serviceLevel(ServiceTarget.parse("80/20s"));
        Staffed staffed = Staffing.required(HUNDRED_CALLS, goal);
        assertThat(staffed.agents()).isEqualTo(14);
        assertThat(ErlangC.evaluate(HUNDRED_CALLS, 13, 20).serviceLevel()).isLessThan(0.8);
    }

    @Test
    void shrinkageOfThirtyPercentNeedsTwentyScheduled() {
        // pyworkforce: raw positions 14, positions 20 with shrinkage 0.3.
        StaffingGoal goal = new StaffingGoal(ServiceTarget.parse("80/20s"), null, 1, 0.3, null);
        assertThat(Staffing.required(HUNDRED_CALLS, goal).scheduled()).isEqualTo(20);
    }

    @Test
    void occupancyAndAsaLimitsAddAgents() {
        StaffingGoal occupancy = new StaffingGoal(ServiceTarget.parse("80/20s"), null, 0.65, 0, null);
        assertThat(Staffing.required(HUNDRED_CALLS, occupancy).agents()).isEqualTo(16); // 10 / 16 = 0.625 <= 0.65 < 10 / 15
        StaffingGoal asa = new StaffingGoal(ServiceTarget.parse("80/20s"), 3.0, 1, 0, null);
        Staffed staffed = Staffing.required(HUNDRED_CALLS, asa);
        assertThat(staffed.performance().asaSeconds()).isLessThanOrEqualTo(3.0);
        assertThat(ErlangC.evaluate(HUNDRED_CALLS, staffed.agents() - 1, 20).asaSeconds()).isGreaterThan(3.0);
    }

    @Test
    void fastSearchAgreesWithEvaluatingEveryCandidate() {
        StaffingGoal goal = new StaffingGoal(ServiceTarget.parse("90/15s"), 10.0, 0.9, 0, null);
        for (double calls : new double[] {0.3, 7, 55, 400, 2_500, 40_000}) {
            Workload w = new Workload(calls, 900, 240);
            int n = 0;
            while (!goal.isMetBy(ErlangC.evaluate(w, n, 15))) {
                n++;
            }
            assertThat(Staffing.required(w, goal).agents()).as("%s calls", calls).isEqualTo(n);
        }
    }

    @Test
    void aLoadOfThousandsOfErlangIsStaffedWithoutOverflow() {
        Workload big = new Workload(30_000, 1800, 180); // 3 000 Erlang
        Staffed staffed = Staffing.required(big, StaffingGoal.serviceLevel(ServiceTarget.parse("80/20s")));
        assertThat(staffed.agents()).isBetween(3001, 3100);
        assertThat(staffed.performance().serviceLevel()).isBetween(0.8, 1.0);
        assertThat(staffed.performance().waitProbability()).isBetween(0.0, 1.0);
    }

    @Test
    void noCallsNeedNoAgents() {
        Staffed staffed = Staffing.required(new Workload(0, 900, 180), StaffingGoal.serviceLevel(ServiceTarget.parse("80/20")));
        assertThat(staffed.agents()).isZero();
        assertThat(staffed.performance().serviceLevel()).isEqualTo(1);
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> ServiceTarget.parse("eighty")).isInstanceOf(InvalidInputException.class).hasMessageContaining("target");
        assertThatThrownBy(() -> new Workload(-1, 900, 180)).hasMessageContaining("calls");
        assertThatThrownBy(() -> new Workload(10, 900, 0)).hasMessageContaining("aht");
        assertThatThrownBy(() -> new StaffingGoal(ServiceTarget.parse("80/20"), null, 1.5, 1, null))
                .hasMessageContaining("maxOccupancy").hasMessageContaining("shrinkage");
        assertThat(ServiceTarget.parse("80/20s")).isEqualTo(new ServiceTarget(0.8, 20));
        assertThat(ServiceTarget.parse(" 95 % / 10 ")).isEqualTo(new ServiceTarget(0.95, 10));
    }

    /** A^n/n! / Σ A^k/k!, in 50-digit decimals. */
    private static double exactErlangB(int n, double a) {
        MathContext mc = new MathContext(50);
        BigDecimal load = new BigDecimal(a);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; k <= n; k++) {
            term = term.multiply(load, mc).divide(BigDecimal.valueOf(k), mc);
            sum = sum.add(term, mc);
        }
        return term.divide(sum, mc).doubleValue();
    }
}
