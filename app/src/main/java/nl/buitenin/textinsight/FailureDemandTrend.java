package nl.buitenin.textinsight;

import java.time.YearMonth;
import java.util.List;

/**
 * Failure demand as a series for early warnings (signals): per month, the contacts whose reason was read and how many of
 * them were failure demand, over the whole organisation, counted as on the failure-demand page. A month of fewer
 * contacts than the small-cell rule's k is {@code hidden} with its counts 0.
 */
public interface FailureDemandTrend {

    record Month(YearMonth month, long contacts, long failures, boolean hidden) {
    }

    /** The months {@code from}..{@code to}, in order, every month present. */
    List<Month> months(YearMonth from, YearMonth to);
}
