package nl.buitenin.groups.internal.planning;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** A trip as sent (API, CSV, page); checked by {@link PlanningWork}. */
public record TripInput(
        @Schema(description = "the sending system's id of the trip; sending it again changes the same trip") @Nullable String sourceId,
        @Schema(description = "the group, by name (Dutch or English) or id") @Nullable String group,
        @Schema(description = "the day of the trip, 2026-12-12") @Nullable String date,
        @Schema(description = "the trip's name, such as 'Veluwe, ochtend'") @Nullable String name,
        @Schema(description = "how many guides the trip needs, 1 to 20") @Nullable String guides,
        @Schema(description = "the language every guide of the trip must speak: nl, en, de ...") @Nullable String language,
        @Schema(description = "the pace the group walks at on this trip: brisk (stevig) or relaxed (rustig); optional") @Nullable String pace,
        @Schema(description = "the trip's topic, such as vogels; optional") @Nullable String topic,
        @Schema(description = "the guides the planner put on it so far (staff references, ';'-separated); optional, "
                + "empty keeps the current ones") @Nullable String assigned) {
}
