package nl.buitenin.signals.internal.assessment;

import org.jspecify.annotations.Nullable;

/** A round as typed on the form or sent to the API, before it is checked. Dates as 2026-04-01, both included. */
public record RoundForm(@Nullable String name, @Nullable String opensOn, @Nullable String closesOn) {
}
