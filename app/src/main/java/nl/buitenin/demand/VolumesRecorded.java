package nl.buitenin.demand;

import java.time.Instant;

/** Published after new counts were stored: forecasts and plans of that period may change. */
public record VolumesRecorded(int inserted, Instant from, Instant to) {
}
