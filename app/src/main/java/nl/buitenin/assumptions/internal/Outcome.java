package nl.buitenin.assumptions.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import nl.buitenin.assumptions.Verdict;
import nl.buitenin.insight.Estimate;

/**
 * The result of testing an assumption, as stored: the verdict, why, the figure it rests on (null when there is none to
 * show: no test, no data, too few), for "the largest theme" the nearest other theme, and when it was tested.
 *
 * @param n the number of answers, comments or contacts read, also when too few to show a figure (0 for no data)
 */
public record Outcome(Verdict verdict, Why why, long n, @Nullable Estimate figure, @Nullable Rival rival, Instant testedAt) {

    /** The largest other theme, by its names, with its share interval. */
    public record Rival(String nameNl, String nameEn, double lower, double upper) {
    }

    public static Outcome untested(Why why, long n, Instant at) {
        return new Outcome(Verdict.NOT_YET_TESTABLE, why, n, null, null, at);
    }
}
