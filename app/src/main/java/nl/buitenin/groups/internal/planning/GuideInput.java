package nl.buitenin.groups.internal.planning;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** A guide's preferences as sent (API, CSV, page); lists separated by ';' or ','. Checked by {@link PlanningWork}. */
public record GuideInput(
        @Schema(description = "the guide's pseudonymous staff reference, such as gids-04 (never a name or e-mail address)") @Nullable String staff,
        @Schema(description = "brisk (stevig) or relaxed (rustig); empty: either") @Nullable String pace,
        @Schema(description = "language codes the guide guides in, the preferred one first: 'nl;en'") @Nullable String languages,
        @Schema(description = "topics the guide likes to tell about: 'vogels;geschiedenis'; empty: any") @Nullable String topics,
        @Schema(description = "groups the guide likes, by name (Dutch or English) or id; empty: any") @Nullable String groups,
        @Schema(description = "days of the week available: 'sat;sun' or 'za;zo'") @Nullable String days) {
}
