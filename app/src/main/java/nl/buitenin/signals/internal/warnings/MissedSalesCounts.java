package nl.buitenin.signals.internal.warnings;

import java.time.YearMonth;
import java.util.Map;

/**
 * The port for the warning "rising missed sales": the missed-sales log (built beside this in the same module) implements
 * it with the number of missed sales per month. Without an implementation the warning says it has no data.
 */
public interface MissedSalesCounts {

    /** Missed sales per month of {@code from}..{@code to}; a month without any may be absent. */
    Map<YearMonth, Long> perMonth(YearMonth from, YearMonth to);
}
