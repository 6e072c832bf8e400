package nl.buitenin.textinsight.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.textinsight.FailureDemandTrend;

/** The failure-demand page's counts per month, from the same rows ({@link DemandReadings#rows}); no reason text is read. */
@Component
class MonthlyFailureDemand implements FailureDemandTrend {

    private final DemandReadings readings;
    private final Organisations organisations;
    private final SmallCellRule rule;

    MonthlyFailureDemand(DemandReadings readings, Organisations organisations, SmallCellRule rule) {
        this.readings = readings;
        this.organisations = organisations;
        this.rule = rule;
    }

    @Override
    public List<Month> months(YearMonth from, YearMonth to) {
        ZoneId zone = organisations.current().timeZone();
        Map<YearMonth, long[]> counts = new TreeMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            counts.put(m, new long[2]);
        }
        for (DemandReadings.Row row : readings.rows(from.atDay(1), to.atEndOfMonth(), zone)) {
            long[] c = counts.get(YearMonth.from(LocalDate.ofInstant(row.at(), zone)));
            if (c != null) {
                c[0]++;
                c[1] += row.failure() ? 1 : 0;
            }
        }
        List<Month> months = new ArrayList<>();
        counts.forEach((m, c) -> months.add(c[0] > 0 && rule.hides(c[0]) ? new Month(m, 0, 0, true) : new Month(m, c[0], c[1], false)));
        return months;
    }
}
