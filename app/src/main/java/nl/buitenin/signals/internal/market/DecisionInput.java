package nl.buitenin.signals.internal.market;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What was decided about a signal. ACTION links an existing improvement action ({@code action}) or plans a new one through
 * loop ({@code titleNl}, {@code titleEn}, {@code theme}, optionally {@code dueOn}); NO_ACTION needs a {@code reason}; OPEN
 * undoes the decision.
 */
@Schema(name = "MarketSignalDecision")
public record DecisionInput(
        @Schema(description = "OPEN, ACTION or NO_ACTION") @Nullable String decision,
        @Schema(description = "id of an existing improvement action (ACTION)") @Nullable String action,
        @Schema(description = "title of a new improvement action in Dutch (ACTION without action)") @Nullable String titleNl,
        @Schema(description = "title of a new improvement action in English") @Nullable String titleEn,
        @Schema(description = "id of the theme the new action addresses") @Nullable String theme,
        @Schema(description = "when the new action is due, yyyy-mm-dd; optional") @Nullable String dueOn,
        @Schema(description = "why nothing is done, up to 2 000 characters (NO_ACTION)") @Nullable String reason) {
}
