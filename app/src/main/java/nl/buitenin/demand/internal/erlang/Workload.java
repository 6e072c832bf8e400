package nl.buitenin.demand.internal.erlang;

import nl.buitenin.platform.InvalidInputException;

/**
 * The traffic offered in one interval: how many contacts arrive in how many seconds, and how long
 * each takes to handle. Offered load in Erlang is {@code calls * aht / interval}.
 */
public record Workload(double calls, double intervalSeconds, double ahtSeconds) {

    public Workload {
        if (!(calls >= 0) || Double.isInfinite(calls)) {
            throw InvalidInputException.of("calls", "demand.invalid.callsGot", String.valueOf(calls));
        }
        if (!(intervalSeconds > 0) || Double.isInfinite(intervalSeconds)) {
            throw InvalidInputException.of("interval", "demand.invalid.positiveSecondsGot", String.valueOf(intervalSeconds));
        }
        if (!(ahtSeconds > 0) || Double.isInfinite(ahtSeconds)) {
            throw InvalidInputException.of("aht", "demand.invalid.positiveSecondsGot", String.valueOf(ahtSeconds));
        }
    }

    /** Offered load in Erlang: the average number of contacts in service if nobody waited. */
    public double erlangs() {
        return calls * ahtSeconds / intervalSeconds;
    }

    public double arrivalsPerSecond() {
        return calls / intervalSeconds;
    }
}
