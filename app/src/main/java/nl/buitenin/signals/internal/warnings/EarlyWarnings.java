package nl.buitenin.signals.internal.warnings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import nl.buitenin.listening.ResponseRates;
import nl.buitenin.loop.LoopTrends;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.signals.internal.listenin.ListenInLog;
import nl.buitenin.textinsight.FailureDemandTrend;

/**
 * Computes every early warning from what the product already holds, through each module's public reads: the listen-in
 * log (this module), loop's months and rising themes, text insight's failure demand, listening's response rates and,
 * when it exists, the missed-sales log. Each monthly warning tests the last complete month (less its lag) against the
 * {@link #BASELINE_MONTHS} months before it; a month hidden by the small-cell rule is left out of the series.
 */
@Service
public class EarlyWarnings {

    /** The months before the tested one that form its baseline. */
    public static final int BASELINE_MONTHS = 6;

    private final ListenInLog listenIns;
    private final LoopTrends loop;
    private final FailureDemandTrend failureDemand;
    private final ResponseRates responseRates;
    private final ObjectProvider<MissedSalesCounts> missedSales;
    private final WarningThresholds thresholds;
    private final Organisations organisations;
    private final Clock clock;

    EarlyWarnings(ListenInLog listenIns, LoopTrends loop, FailureDemandTrend failureDemand, ResponseRates responseRates,
            ObjectProvider<MissedSalesCounts> missedSales, WarningThresholds thresholds, Organisations organisations, Clock clock) {
        this.listenIns = listenIns;
        this.loop = loop;
        this.failureDemand = failureDemand;
        this.responseRates = responseRates;
        this.missedSales = missedSales;
        this.thresholds = thresholds;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Every warning now, in the order of {@link WarningKind}. */
    public List<Warning> now() {
        Instant now = clock.instant();
        YearMonth lastComplete = YearMonth.from(LocalDate.ofInstant(now, organisations.current().timeZone())).minusMonths(1);
        Map<WarningKind, Integer> limits = thresholds.all();
        List<Warning> warnings = new ArrayList<>();
        for (WarningKind kind : WarningKind.values()) {
            warnings.add(compute(kind, lastComplete.minusMonths(kind.lagMonths()), now, limits.get(kind)));
        }
        return warnings;
    }

    private Warning compute(WarningKind kind, YearMonth tested, Instant now, int threshold) {
        YearMonth from = tested.minusMonths(BASELINE_MONTHS);
        List<Period> series = new ArrayList<>();
        String nl = null;
        String en = null;
        boolean available = true;
        switch (kind) {
            case LISTEN_IN -> {
                int managers = Math.max(1, listenIns.managers(from, tested));
                // Hours per manager per month: the rate's exposure is the managers (the same in every month), its events
                // whole hours, so the test is one of Poisson counts.
                listenIns.hoursPerMonth(from, tested).forEach((m, h) -> series.add(new Period(m.toString(), Math.round(h), managers)));
                available = series.stream().anyMatch(p -> p.count() > 0);
            }
            case MISSED_SALES -> {
                MissedSalesCounts counts = missedSales.getIfAvailable();
                available = counts != null;
                if (counts != null) {
                    Map<YearMonth, Long> perMonth = counts.perMonth(from, tested);
                    for (YearMonth m = from; !m.isAfter(tested); m = m.plusMonths(1)) {
                        series.add(new Period(m.toString(), perMonth.getOrDefault(m, 0L), 1));
                    }
                }
            }
            case FAILURE_DEMAND -> failureDemand.months(from, tested).stream().filter(m -> !m.hidden())
                    .forEach(m -> series.add(new Period(m.month().toString(), m.failures(), m.contacts())));
            case LOOP_CLOSURE -> loop.months(from, tested, now).stream().filter(m -> !m.hidden())
                    .forEach(m -> series.add(new Period(m.month().toString(), m.resolved(), m.opened())));
            case TOLD_BACK -> loop.months(from, tested, now).stream().filter(m -> !m.hidden())
                    .forEach(m -> series.add(new Period(m.month().toString(), m.toldBack(), m.eligible())));
            case WITHIN_SLA -> loop.months(from, tested, now).stream().filter(m -> !m.hidden())
                    .forEach(m -> series.add(new Period(m.month().toString(), m.inTime(), m.due())));
            case RESPONSE_RATE -> responseRates.months(from, tested).stream().filter(m -> !m.hidden())
                    .forEach(m -> series.add(new Period(m.month().toString(), m.completed(), m.invited())));
            case RISING_THEME -> {
                Optional<LoopTrends.Rise> rise = loop.fastestRise(now);
                available = rise.isPresent();
                rise.ifPresent(r -> {
                    series.add(new Period("before", r.before(), 1));
                    series.add(new Period("now", r.now(), 1));
                });
                nl = rise.map(LoopTrends.Rise::nameNl).orElse(null);
                en = rise.map(LoopTrends.Rise::nameEn).orElse(null);
            }
        }
        // A share's month without trials tells nothing: it is left out rather than counted as 0 %.
        if (kind.measure() == TrendTest.Measure.SHARE) {
            series.removeIf(p -> p.base() == 0);
        }
        boolean testedPresent = !series.isEmpty() && (kind == WarningKind.RISING_THEME || series.get(series.size() - 1).label().equals(tested.toString()));
        TrendTest.Result result = testedPresent ? TrendTest.test(series, kind.measure(), kind.bad(), threshold / 100.0)
                : new TrendTest.Result(0, 0, null, 1, 0, TrendTest.State.TOO_LITTLE);
        return new Warning(kind, available, series, result, threshold, nl, en);
    }
}
