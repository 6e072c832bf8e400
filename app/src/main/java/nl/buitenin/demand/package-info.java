/**
 * Demand and staffing (C6): anonymous contact counts per channel, location and interval, heat maps,
 * forecasts chosen by backtest, and the agents needed per interval (Erlang B, C and A). No personal
 * data is needed for any of it, so none is stored.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demand and staffing")
package nl.buitenin.demand;
