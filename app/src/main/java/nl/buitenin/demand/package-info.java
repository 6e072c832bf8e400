/**
 * Demand and staffing (C6): anonymous contact counts per channel, location and interval, heat maps,
 * forecasts chosen by backtest, and the agents needed per interval (Erlang B, C and A). No personal
 * data is needed for any of it, so none is stored.
 */
@ApplicationModule(displayName = "Demand and staffing", allowedDependencies = {
        "platform",
        "access",
        "organisation",
        "demo",
        "journey" })
@NullMarked
package nl.buitenin.demand;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
