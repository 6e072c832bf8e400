package nl.buitenin.signals.internal.market;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** A signal as the page or the API sends it, every field as text; serializable, as a flash attribute in the shared session. */
@Schema(name = "MarketSignalInput")
public record SignalInput(
        @Schema(description = "NEW_COMPETITOR, NEW_TECHNIQUE, REGULATION, DEMAND_SHIFT or OTHER") @Nullable String kind,
        @Schema(description = "a short title, up to 200 characters") @Nullable String title,
        @Schema(description = "where it was noticed: a website, a trade fair, colleagues, up to 200 characters") @Nullable String source,
        @Schema(description = "the day it was noticed, yyyy-mm-dd; not in the future") @Nullable String noticedOn,
        @Schema(description = "what was noticed, up to 4 000 characters") @Nullable String description) implements Serializable {
}
