package nl.buitenin.signals.internal.assessment;

import java.time.LocalDate;
import java.util.UUID;

/** A round of the self-assessment: its name (e.g. "2026 tweede kwartaal") and the days it can be answered, both included. */
public record AssessmentRound(UUID id, String name, LocalDate opensOn, LocalDate closesOn) {

    public boolean openOn(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }
}
