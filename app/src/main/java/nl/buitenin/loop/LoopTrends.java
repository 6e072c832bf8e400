package nl.buitenin.loop;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Loop's figures as series for early warnings (signals): per month in which cases were opened, the counts behind
 * loop's own figures (followed up within the SLA, told back, closed), and the theme rising fastest in comments. A month
 * about fewer people than the small-cell rule's k is {@code hidden} with its counts 0, as on loop's figures page.
 */
public interface LoopTrends {

    /**
     * One month: complaint and detractor cases whose follow-up was due and how many were followed up within their SLA;
     * cases and answers eligible for telling back and how many were told; cases opened and how many were resolved.
     */
    record Month(YearMonth month, long due, long inTime, long eligible, long toldBack, long opened, long resolved, boolean hidden) {
    }

    /** A theme tagged more often in the last 28 days than in the 28 before, with the tags and people of each part. */
    record Rise(String nameNl, String nameEn, long now, long before, long peopleNow) {
    }

    /** The months {@code from}..{@code to}, in order, every month present. */
    List<Month> months(YearMonth from, YearMonth to, Instant now);

    /** The theme rising fastest at {@code now} (most tags more than before), if any rises among at least k people. */
    java.util.Optional<Rise> fastestRise(Instant now);
}
