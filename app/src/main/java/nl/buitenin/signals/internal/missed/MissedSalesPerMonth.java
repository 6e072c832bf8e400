package nl.buitenin.signals.internal.missed;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import nl.buitenin.organisation.Organisations;
import nl.buitenin.signals.internal.warnings.MissedSalesCounts;

/** The missed-sales log's counts per month, in the organisation's time zone, for the warning "rising missed sales". */
@Component
class MissedSalesPerMonth implements MissedSalesCounts {

    private final JdbcMissedSales store;
    private final Organisations organisations;

    MissedSalesPerMonth(JdbcMissedSales store, Organisations organisations) {
        this.store = store;
        this.organisations = organisations;
    }

    @Override
    public Map<YearMonth, Long> perMonth(YearMonth from, YearMonth to) {
        ZoneId zone = organisations.current().timeZone();
        Map<YearMonth, Long> counts = new TreeMap<>();
        store.askedAt(from.atDay(1).atStartOfDay(zone).toInstant(), to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant())
                .forEach(at -> counts.merge(YearMonth.from(at.atZone(zone)), 1L, Long::sum));
        return counts;
    }
}
