package nl.buitenin.journey;

import java.time.LocalDate;

/** The number of interactions at a touchpoint on one day (in the organisation's time zone). */
public record DailyVolume(TouchpointId touchpoint, LocalDate day, long count) {
}
