package nl.buitenin.signals.internal.warnings;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One early warning as computed now: its kind, the series (the last point is the one tested against the others), the
 * test's result, the threshold it was tested with (percent) and, for a rising theme, the theme's names. {@code available}
 * is false when the product holds no data for it (no missed-sales log, no theme rising at all).
 */
public record Warning(WarningKind kind, boolean available, List<Period> series, TrendTest.Result result, int threshold,
        @Nullable String subjectNl, @Nullable String subjectEn) {

    public Warning {
        series = List.copyOf(series);
    }

    public boolean active() {
        return available && result.active();
    }

    /** ACTIVE, QUIET or TOO_LITTLE, or UNAVAILABLE. */
    public String state() {
        return available ? result.state().name() : "UNAVAILABLE";
    }
}
