package nl.buitenin.listening.internal.answers;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.listening.ResponseRates;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.SmallCellRule;

/** Invitations and completed answers per month of invitation, counted as {@link ResponseRateStartPanel} counts them. */
@Component
class MonthlyResponseRates implements ResponseRates {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final SmallCellRule smallCells;

    MonthlyResponseRates(JdbcClient jdbc, Organisations organisations, SmallCellRule smallCells) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.smallCells = smallCells;
    }

    @Override
    public List<Month> months(YearMonth from, YearMonth to) {
        ZoneId zone = organisations.current().timeZone();
        Map<YearMonth, long[]> counts = new TreeMap<>();
        Map<YearMonth, Set<String>> people = new TreeMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            counts.put(m, new long[2]);
            people.put(m, new HashSet<>());
        }
        jdbc.sql("select invited_at, status = 'COMPLETED', coalesce(person_key, cast(id as varchar(40))) from listening_response "
                        + "where invited_at >= :from and invited_at < :to")
                .param("from", from.atDay(1).atStartOfDay(zone).toOffsetDateTime())
                .param("to", to.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, n) -> {
                    YearMonth month = YearMonth.from(rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(zone));
                    long[] c = counts.get(month);
                    if (c != null) {
                        c[0]++;
                        c[1] += rs.getBoolean(2) ? 1 : 0;
                        people.get(month).add(rs.getString(3));
                    }
                    return month;
                })
                .list();
        List<Month> months = new ArrayList<>();
        counts.forEach((m, c) -> months.add(c[0] > 0 && smallCells.hides(people.get(m).size()) ? new Month(m, 0, 0, true)
                : new Month(m, c[0], c[1], false)));
        return months;
    }
}
