package nl.buitenin.signals.internal.assessment;

import java.util.Map;

/** One colleague's anonymous answers in a round: their department, their level and a score per statement answered. */
public record AssessmentAnswer(String department, StaffLevel level, Map<String, Integer> scores) {
}
