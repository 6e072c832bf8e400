package nl.buitenin.groups.internal.segments;

import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints the adjusted Rand index table of docs/groups.md (a measurement, not a check; only on request):
 * {@code ./mvnw -pl app test -Dtest=SegmentFinderAriTable -Dbuitenin.measure=true}. Per scenario of
 * {@link SimulatedSegments} and size, 20 data sets: the mean and lowest ARI of the segments found against the groups
 * drawn, and how often the silhouette chose the true number of groups.
 */
@EnabledIfSystemProperty(named = "buitenin.measure", matches = "true")
class SegmentFinderAriTable {

    private static final int DATA_SETS = 20;

    @Test
    void printTheTable() {
        System.out.println("| scenario | people | mean ARI | lowest ARI | true k chosen |");
        System.out.println("|---|---|---|---|---|");
        List<BiFunction<Integer, Long, SimulatedSegments.Drawn>> scenarios = List.of(SimulatedSegments::wellSeparated,
                SimulatedSegments::overlapping, SimulatedSegments::mixed);
        for (BiFunction<Integer, Long, SimulatedSegments.Drawn> scenario : scenarios) {
            for (int perGroup : new int[] {50, 200}) {
                double sum = 0;
                double lowest = 2;
                int rightK = 0;
                String name = "";
                int people = 0;
                for (long seed = 1; seed <= DATA_SETS; seed++) {
                    SimulatedSegments.Drawn drawn = scenario.apply(perGroup, seed * 104_729);
                    SegmentSearch.Result result = SegmentSearch.find(drawn.data());
                    double ari = AdjustedRand.index(drawn.truth(), result.chosen().labels());
                    sum += ari;
                    lowest = Math.min(lowest, ari);
                    rightK += result.chosen().k() == drawn.groups() ? 1 : 0;
                    name = drawn.scenario();
                    people = drawn.truth().length;
                }
                System.out.printf("| %s | %d | %.2f | %.2f | %d of %d |%n", name, people, sum / DATA_SETS, lowest, rightK, DATA_SETS);
            }
        }
    }
}
