package nl.buitenin.insight.readings;

import org.jspecify.annotations.Nullable;

/**
 * One answer with the staff member who served the person: a pseudonymous reference, never a name, their team, the
 * score, and the comment when there is one.
 */
public record StaffAnswer(String staff, @Nullable String team, int score, @Nullable String comment) {
}
