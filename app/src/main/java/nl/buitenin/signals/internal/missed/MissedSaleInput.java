package nl.buitenin.signals.internal.missed;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One missed sale as a till, booking system, CSV file or the logging page sends it; every field as text, checked by
 * {@link MissedSales}.
 */
@Schema(name = "MissedSaleItem")
public record MissedSaleInput(
        @Schema(description = "the sender's id of this item (up to 200 characters); the same id again changes nothing") @Nullable String sourceId,
        @Schema(description = "what was asked for, up to 200 characters, e.g. 'wandelreis Cuba'") @Nullable String askedFor,
        @Schema(description = "LOCATION, WEB, APP, PHONE, EMAIL, SOCIAL, CHAT or HOME_VISIT") @Nullable String channel,
        @Schema(description = "the shop, office or site, up to 100 characters; optional") @Nullable String location,
        @Schema(description = "NOT_IN_RANGE, SOLD_OUT, TOO_EXPENSIVE, NOT_POSSIBLE or OTHER") @Nullable String reason,
        @Schema(description = "optional note, up to 1 000 characters; it may name a person, so it is personal data") @Nullable String note,
        @Schema(description = "optional person key (p_ and 26 characters) of who asked, to count distinct askers") @Nullable String person,
        @Schema(description = "when it was asked, ISO-8601 with offset; now when left out") @Nullable String at) {
}
