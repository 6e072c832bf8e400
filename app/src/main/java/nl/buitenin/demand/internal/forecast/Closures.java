package nl.buitenin.demand.internal.forecast;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import nl.buitenin.organisation.PublicHolidays;

/**
 * Days without the usual demand: the Dutch public holidays (when asked for) and closures the planner
 * entered. Closed days get no forecast and are left out of the history the methods learn from.
 */
public record Closures(boolean dutchHolidays, Map<LocalDate, String> closed) {

    public static final Closures NONE = new Closures(false, Map.of());

    public Closures {
        closed = Map.copyOf(closed);
    }

    /** Why the day is closed, or empty when it is an ordinary day. */
    public Optional<String> reason(LocalDate date) {
        String own = closed.get(date);
        if (own != null) {
            return Optional.of(own);
        }
        return dutchHolidays ? Optional.ofNullable(PublicHolidays.of(date.getYear()).get(date)) : Optional.empty();
    }
}
