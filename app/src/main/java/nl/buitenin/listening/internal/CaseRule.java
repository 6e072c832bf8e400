package nl.buitenin.listening.internal;

/**
 * When an answer should open a case (handled by the loop module later): a detractor (NPS 0–6), a
 * CSAT of 2 or less, or a chosen answer of a choice question.
 */
public record CaseRule(Trigger when, String question, String answer) {

    public enum Trigger {
        DETRACTOR,
        LOW_CSAT,
        CHOSEN_ANSWER
    }

    /** Whether an answer value to the rule's question opens a case. */
    public boolean opensCaseFor(String value) {
        return switch (when) {
            case DETRACTOR -> parse(value) <= 6;
            case LOW_CSAT -> parse(value) <= 2;
            case CHOSEN_ANSWER -> answer != null && answer.equals(value);
        };
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }
}
