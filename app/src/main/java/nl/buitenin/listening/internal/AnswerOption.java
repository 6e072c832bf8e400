package nl.buitenin.listening.internal;

/** One choice of a choice question: a stable value (stored with answers) and its text. */
public record AnswerOption(String value, LocalizedText text) {
}
