package nl.buitenin.signals.internal.listenin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One entry of the listen-in log; {@code staffRef} (the manager's user name) is null once erased. */
public record ListenIn(UUID id, @Nullable String staffRef, @Nullable String team, LocalDate day, ListenInKind kind, double hours,
        @Nullable String note, Instant recordedAt) {
}
