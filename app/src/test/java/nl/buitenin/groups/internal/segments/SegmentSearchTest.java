package nl.buitenin.groups.internal.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The segment finder on simulated people drawn from known groups ({@link SimulatedSegments}): it must find them again
 * with at least a firm adjusted Rand index, and choose the true number of groups. The floors lie below what
 * {@link SegmentFinderAriTable} measured over 20 data sets per scenario (docs/groups.md), for these fixed data sets.
 */
class SegmentSearchTest {

    @Test
    void findsWellSeparatedGroupsAlmostExactly() {
        SimulatedSegments.Drawn drawn = SimulatedSegments.wellSeparated(100, 11);
        SegmentSearch.Result result = SegmentSearch.find(drawn.data());
        assertThat(result.chosen().k()).isEqualTo(3);
        assertThat(AdjustedRand.index(drawn.truth(), result.chosen().labels())).isGreaterThan(0.95);
    }

    @Test
    void findsOverlappingGroupsBetterThanChance() {
        SimulatedSegments.Drawn drawn = SimulatedSegments.overlapping(200, 12);
        SegmentSearch.Result result = SegmentSearch.find(drawn.data());
        assertThat(result.chosen().k()).isEqualTo(3);
        assertThat(AdjustedRand.index(drawn.truth(), result.chosen().labels())).isGreaterThan(0.45);
    }

    @Test
    void findsGroupsThatOnlyNumbersAndCategoriesTogetherSeparate() {
        SimulatedSegments.Drawn drawn = SimulatedSegments.mixed(200, 13);
        SegmentSearch.Result result = SegmentSearch.find(drawn.data());
        assertThat(result.chosen().k()).isEqualTo(4);
        assertThat(AdjustedRand.index(drawn.truth(), result.chosen().labels())).isGreaterThan(0.6);
    }

    @Test
    void theSameDataGivesTheSameSegments() {
        SimulatedSegments.Drawn drawn = SimulatedSegments.overlapping(50, 14);
        assertThat(SegmentSearch.find(drawn.data()).chosen().labels()).isEqualTo(SegmentSearch.find(drawn.data()).chosen().labels());
    }

    @Test
    void prototypesAreMeansAndModes() {
        // Two obvious clusters; the categorical column's mode in each is its majority value.
        double[][] numeric = {{0}, {0.1}, {-0.1}, {10}, {10.1}, {9.9}};
        int[][] categorical = {{1}, {1}, {2}, {3}, {3}, {3}};
        KPrototypes.Clustering clustering = KPrototypes.cluster(new MixedData(numeric, categorical), 2, 1, 3);
        int[] labels = clustering.labels();
        assertThat(labels[0]).isEqualTo(labels[1]).isEqualTo(labels[2]).isNotEqualTo(labels[3]);
        assertThat(labels[3]).isEqualTo(labels[4]).isEqualTo(labels[5]);
        // Cost: numbers 0.02 + 0.02 around each mean, plus one differing category (2 against mode 1).
        assertThat(clustering.cost()).isCloseTo(0.04 + KPrototypes.GAMMA, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void refusesTooFewPeople() {
        assertThatThrownBy(() -> SegmentSearch.find(new MixedData(new double[][] {{1}, {2}, {3}}, new int[][] {{0}, {0}, {0}})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingNumbersCountAsTheMean() {
        MixedData data = new MixedData(new double[][] {{1}, {Double.NaN}, {3}}, new int[][] {{}, {}, {}}).standardised();
        assertThat(data.numeric()[1][0]).isEqualTo(0.0);
        // Mean 2 and standard deviation √2 of the known values 1 and 3.
        assertThat(data.numeric()[0][0]).isCloseTo(-1 / Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(data.numeric()[2][0]).isCloseTo(1 / Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-12));
    }
}
