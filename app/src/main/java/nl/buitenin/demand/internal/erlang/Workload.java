package nl.buitenin.demand.internal.erlang;

import nl.buitenin.platform.InvalidInputException;

/**
 * The traffic offered in one interval: how many contacts arrive in how many seconds, and how long
 * each takes to handle. Offered load in Erlang is {@code calls * aht / interval}.
 */
public record Workload(double calls, double intervalSeconds, double ahtSeconds) {

    public Workload {
        if (!(calls >= 0) || Double.isInfinite(calls)) {
            throw new InvalidInputException("calls", "must be a number of 0 or more, got " + calls);
        }
        if (!(intervalSeconds > 0) || Double.isInfinite(intervalSeconds)) {
            throw new InvalidInputException("interval", "must be a positive number of seconds, got " + intervalSeconds);
        }
        if (!(ahtSeconds > 0) || Double.isInfinite(ahtSeconds)) {
            throw new InvalidInputException("aht", "must be a positive number of seconds, got " + ahtSeconds);
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
