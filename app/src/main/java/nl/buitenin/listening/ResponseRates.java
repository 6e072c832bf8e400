package nl.buitenin.listening;

import java.time.YearMonth;
import java.util.List;

/**
 * Response rates as a series for early warnings (signals): per month in which invitations were sent, how many were sent
 * and how many of them were answered in full, as the start page counts its response rate. A month about fewer people
 * than the small-cell rule's k is {@code hidden} with its counts 0.
 */
public interface ResponseRates {

    record Month(YearMonth month, long invited, long completed, boolean hidden) {
    }

    /** The months {@code from}..{@code to}, in order, every month present. */
    List<Month> months(YearMonth from, YearMonth to);
}
