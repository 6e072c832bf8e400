package nl.buitenin.assumptions.internal;

import java.util.List;

import nl.buitenin.assumptions.Verdict;
import nl.buitenin.insight.Estimate;

/**
 * The verdict on a figure's 95 % interval [lower, upper], never more than the interval supports. An assumption is
 * confirmed only when the whole interval lies on the expected side, refuted only when the whole interval lies on the
 * other side, and otherwise not yet testable:
 * <ul>
 * <li>at least x: confirmed when lower &ge; x; refuted when upper &lt; x.</li>
 * <li>at most x: confirmed when upper &le; x; refuted when lower &gt; x.</li>
 * <li>between x and y: confirmed when x &le; lower and upper &le; y; refuted when upper &lt; x or lower &gt; y.</li>
 * <li>most (more than half): confirmed when lower &gt; 50 %; refuted when upper &le; 50 %.</li>
 * <li>the largest theme: confirmed when its lower bound lies above the upper bound of every other theme's interval;
 * refuted when its upper bound lies below the lower bound of some other theme's interval (that theme is surely
 * larger); a theme alone is the largest. Non-overlap of the separate Wilson intervals is stricter than a test of the
 * difference, so the rule errs towards "not yet testable".</li>
 * </ul>
 * Plain Java, no Spring.
 */
public final class VerdictRule {

    private VerdictRule() {
    }

    public record Judgement(Verdict verdict, Why why) {
    }

    private static final Judgement CONFIRMED = new Judgement(Verdict.CONFIRMED, Why.INTERVAL);
    private static final Judgement REFUTED = new Judgement(Verdict.REFUTED, Why.INTERVAL);
    private static final Judgement UNDECIDED = new Judgement(Verdict.NOT_YET_TESTABLE, Why.UNDECIDED);

    /** The verdict on a bound, range or "most". */
    public static Judgement judge(Expectation expectation, double low, double high, Estimate figure) {
        double lower = figure.lower();
        double upper = figure.upper();
        return switch (expectation) {
            case AT_LEAST -> lower >= low ? CONFIRMED : upper < low ? REFUTED : UNDECIDED;
            case AT_MOST -> upper <= high ? CONFIRMED : lower > high ? REFUTED : UNDECIDED;
            case BETWEEN -> lower >= low && upper <= high ? CONFIRMED : upper < low || lower > high ? REFUTED : UNDECIDED;
            case MOST -> lower > 50 ? CONFIRMED : upper <= 50 ? REFUTED : UNDECIDED;
            case LARGEST -> throw new IllegalArgumentException("the largest theme is judged against the other themes");
        };
    }

    /** The verdict on "the largest theme", against every other theme's share interval. */
    public static Judgement largest(Estimate theme, List<Estimate> others) {
        double highestUpper = others.stream().mapToDouble(Estimate::upper).max().orElse(Double.NEGATIVE_INFINITY);
        double highestLower = others.stream().mapToDouble(Estimate::lower).max().orElse(Double.NEGATIVE_INFINITY);
        if (theme.lower() > highestUpper) {
            return CONFIRMED;
        }
        return theme.upper() < highestLower ? REFUTED : UNDECIDED;
    }
}
