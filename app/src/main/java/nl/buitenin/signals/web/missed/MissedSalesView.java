package nl.buitenin.signals.web.missed;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.privacy.SmallCells;
import nl.buitenin.signals.internal.missed.MissedReason;
import nl.buitenin.signals.internal.missed.MissedSaleFigures;
import nl.buitenin.signals.internal.missed.MissedSaleReadings;

/**
 * The trends page's rows. A count of missed sales is a count of requests and is shown; the number of distinct askers is a
 * count of people and is shown as "fewer than k" under the small-cell rule.
 */
record MissedSalesView(long max, List<Row> weeks, List<Thing> top, List<Row> channels, List<Row> locations) {

    /** A week (its Monday), a channel (its message key) or a location (its name; empty for "no location"). */
    record Row(String label, LocalDate monday, long missed, SmallCells.Suppressed askers) {
    }

    record Thing(String key, String label, long missed, SmallCells.Suppressed askers, List<Map.Entry<String, Long>> reasons) {
    }

    static MissedSalesView of(MissedSaleReadings.Figures figures, SmallCellRule rule) {
        long max = figures.weeks().stream().mapToLong(w -> w.count().missed()).max().orElse(0);
        return new MissedSalesView(max,
                figures.weeks().stream().map(w -> new Row("", w.monday(), w.count().missed(), askers(w.count(), rule))).toList(),
                figures.top().stream().map(t -> new Thing(t.key(), t.label(), t.count().missed(), askers(t.count(), rule),
                        t.reasons().entrySet().stream().map(e -> Map.entry(e.getKey().messageKey(), e.getValue())).toList())).toList(),
                figures.channels().stream().map(g -> new Row(g.key().messageKey(), LocalDate.MIN, g.count().missed(), askers(g.count(), rule)))
                        .toList(),
                figures.locations().stream().map(g -> new Row(g.key(), LocalDate.MIN, g.count().missed(), askers(g.count(), rule))).toList());
    }

    static SmallCells.Suppressed askers(MissedSaleFigures.Count count, SmallCellRule rule) {
        return rule.suppress(count.askers(), count.askers());
    }

    /** For the reason names on the page. */
    static MissedReason[] reasons() {
        return MissedReason.values();
    }
}
