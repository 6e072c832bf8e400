package nl.buitenin.streams;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A case was opened, as published on the stream (topic {@code buitenin.cases.opened}, keyed by {@code journey}, or
 * {@code organisation} when the case has no touchpoint). No person key and no text: who the case is about stays inside.
 *
 * @param caseId     the case's id
 * @param caseType   the case type's code ({@code detractor}, {@code complaint} or one of the organisation's own)
 * @param origin     where it came from: {@code answer}, {@code complaint}, {@code manual} or {@code desk} (the source
 *                   reference itself is left out: a complaint's external id may name the person)
 * @param touchpoint the touchpoint the case is about, or null
 * @param journey    that touchpoint's journey, or null
 * @param deadline   when it is due by its type's SLA
 * @param openedAt   when it was opened
 */
public record StreamedCaseOpened(UUID caseId, String caseType, String origin, @Nullable UUID touchpoint, @Nullable UUID journey,
        Instant deadline, Instant openedAt) {
}
