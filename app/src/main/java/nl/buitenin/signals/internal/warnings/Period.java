package nl.buitenin.signals.internal.warnings;

/**
 * One point of a warning's series: {@code count} events or successes out of {@code base}, which is the number of trials
 * for a share (answers, cases, contacts) or the exposure for a rate (months, weeks: events per unit). {@code label} is
 * what the chart writes under it (a month such as "nov 2026").
 */
public record Period(String label, long count, double base) {

    public Period {
        if (count < 0 || base < 0) {
            throw new IllegalArgumentException("count and base are not negative");
        }
    }

    /** The share (count of base) or the rate (count per unit of base); 0 when base is 0. */
    public double value() {
        return base == 0 ? 0 : count / base;
    }
}
