package nl.buitenin.listening.internal.checker;

/** A word of a question: as written (lower case), its stem, and where it stands in the original text. */
record Token(String word, String stem, int start, int end) {
}
