package nl.buitenin.loop;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import nl.buitenin.privacy.PersonKey;

/** A case was closed; {@code followedUpInTime} says whether the first contact was within the SLA. Person may be null. */
public record CaseClosed(CaseId caseId, CaseType type, @Nullable PersonKey person, boolean followedUpInTime, Instant at) {
}
