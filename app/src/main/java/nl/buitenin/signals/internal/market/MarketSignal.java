package nl.buitenin.signals.internal.market;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A signal from outside with what was decided about it. {@code action} is set when the decision is {@link Decision#ACTION},
 * {@code reason} when it is {@link Decision#NO_ACTION}.
 */
public record MarketSignal(UUID id, SignalKind kind, String title, String source, LocalDate noticedOn, String description, UUID owner,
        Decision decision, @Nullable String reason, @Nullable UUID action, @Nullable Instant decidedAt, @Nullable UUID decidedBy,
        Instant createdAt) {
}
