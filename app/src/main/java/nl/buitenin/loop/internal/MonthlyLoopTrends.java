package nl.buitenin.loop.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import nl.buitenin.loop.LoopTrends;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.SmallCellRule;

/**
 * Loop's figures per month for early warnings, counted from the same facts and by the same rules as the figures page
 * ({@link LoopFigures#row}): a month whose figures the page would hide is hidden here as well.
 */
@Component
class MonthlyLoopTrends implements LoopTrends {

    private final LoopFigures figures;
    private final RisingThemes rising;
    private final Organisations organisations;
    private final SmallCellRule smallCells;

    MonthlyLoopTrends(LoopFigures figures, RisingThemes rising, Organisations organisations, SmallCellRule smallCells) {
        this.figures = figures;
        this.rising = rising;
        this.organisations = organisations;
        this.smallCells = smallCells;
    }

    @Override
    public List<Month> months(YearMonth from, YearMonth to, Instant now) {
        ZoneId zone = organisations.current().timeZone();
        Instant start = from.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        TreeMap<YearMonth, List<LoopFigures.CaseFacts>> byMonth = new TreeMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            byMonth.put(m, new ArrayList<>());
        }
        for (LoopFigures.CaseFacts f : figures.facts(start, end)) {
            List<LoopFigures.CaseFacts> month = byMonth.get(f.month());
            if (month != null) {
                month.add(f);
            }
        }
        List<Month> months = new ArrayList<>();
        byMonth.forEach((month, facts) -> months.add(month(month, facts, now)));
        return months;
    }

    private Month month(YearMonth month, List<LoopFigures.CaseFacts> facts, Instant now) {
        Set<String> people = new HashSet<>();
        facts.forEach(f -> people.add(f.who()));
        if (!facts.isEmpty() && smallCells.hides(people.size())) {
            return new Month(month, 0, 0, 0, 0, 0, 0, true);
        }
        LoopFigures.Row row = LoopFigures.row(month.toString(), facts, now);
        long opened = facts.stream().filter(f -> !LoopFigures.ANSWER.equals(f.type())).count();
        long resolved = facts.stream().filter(f -> !LoopFigures.ANSWER.equals(f.type()) && f.resolvedOnce()).count();
        return new Month(month, n(row.followedUpInTime()), successes(row.followedUpInTime()), n(row.toldBack()),
                successes(row.toldBack()), opened, resolved, false);
    }

    private static long n(Share share) {
        return share == null ? 0 : share.n();
    }

    private static long successes(Share share) {
        return share == null ? 0 : share.successes();
    }

    @Override
    public Optional<Rise> fastestRise(Instant now) {
        return rising.at(now, 1).stream().findFirst()
                .map(r -> new Rise(r.nameNl(), r.nameEn(), r.now(), r.before(), r.peopleNow()));
    }
}
