package nl.buitenin.insight.internal.text;

/**
 * A word or emoji of a text, lower case, with its place: the sentence it is in and whether a comma, semicolon
 * or colon (a clause boundary, which ends the scope of a negation) comes right before it.
 */
public record Token(String term, int start, int end, int sentence, boolean clauseStart, boolean emoji) {
}
