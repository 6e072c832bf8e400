package nl.buitenin.demand.internal.forecast;

import java.time.LocalDate;

/** One way to predict a day's counts per interval from the days before a forecast origin. */
interface ForecastMethod {

    /** A short stable name, used in tables, the CLI and the API. */
    String name();

    /**
     * Counts per slot of {@code day}, using only days of {@code history} before {@code origin}; null
     * when the history is too short for this method.
     */
    double[] forecast(History history, LocalDate origin, LocalDate day);
}
