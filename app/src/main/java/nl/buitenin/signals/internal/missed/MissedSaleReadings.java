package nl.buitenin.signals.internal.missed;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.Channel;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;

/**
 * The figures of missed sales over a period of days in the organisation's time zone: per week, the top things asked for,
 * per channel and per location, optionally for one thing (its normal form) only. The page and the API read these alike.
 */
@Service
public class MissedSaleReadings {

    /** The default period: the last 26 weeks up to today. */
    static final int DEFAULT_WEEKS = 26;
    static final int MAX_DAYS = 3 * 366;

    private final JdbcMissedSales sales;
    private final Organisations organisations;
    private final Clock clock;

    MissedSaleReadings(JdbcMissedSales sales, Organisations organisations, Clock clock) {
        this.sales = sales;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** The period read: from and to are days, both included. */
    public record Period(LocalDate from, LocalDate to) {
    }

    public record Figures(Period period, @Nullable String thing, MissedSaleFigures.Count total, List<MissedSaleFigures.Week> weeks,
            List<MissedSaleFigures.Thing> top, List<MissedSaleFigures.Group<Channel>> channels,
            List<MissedSaleFigures.Group<String>> locations) {
    }

    /** The period asked for, or the default one; refused naming {@code from} or {@code to} when it is turned round or too long. */
    public Period period(@Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(zone()));
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? MissedSaleFigures.monday(end).minusWeeks(DEFAULT_WEEKS - 1L) : from;
        if (start.isAfter(end)) {
            throw InvalidInputException.of("from", "signals.invalid.missed.period");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw InvalidInputException.of("to", "signals.invalid.missed.period.long", MAX_DAYS);
        }
        return new Period(start, end);
    }

    /** The figures of the period, for one thing only when {@code thing} is given (any spelling of it). */
    @Transactional(readOnly = true)
    public Figures read(Period period, @Nullable String thing, int topLimit) {
        ZoneId zone = zone();
        List<MissedSaleFigures.Row> rows = sales.between(period.from().atStartOfDay(zone).toInstant(),
                period.to().plusDays(1).atStartOfDay(zone).toInstant());
        String key = thing == null || thing.isBlank() ? null : AskedFor.key(thing);
        if (key != null) {
            rows = rows.stream().filter(r -> r.askedKey().equals(key)).toList();
        }
        return new Figures(period, key, MissedSaleFigures.count(rows), MissedSaleFigures.weekly(rows, period.from(), period.to(), zone),
                MissedSaleFigures.top(rows, topLimit), MissedSaleFigures.byChannel(rows), MissedSaleFigures.byLocation(rows));
    }

    ZoneId zone() {
        return organisations.current().timeZone();
    }
}
