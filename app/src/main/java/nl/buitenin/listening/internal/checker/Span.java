package nl.buitenin.listening.internal.checker;

/** A stretch of the question text to replace in the rewrite. */
record Span(int start, int end, String replacement) {

    /** Applies non-overlapping replacements, from the end backwards so earlier offsets stay valid. */
    static String apply(String text, java.util.List<Span> spans) {
        StringBuilder result = new StringBuilder(text);
        spans.stream().sorted(java.util.Comparator.comparingInt(Span::start).reversed())
                .forEach(span -> result.replace(span.start(), span.end(), span.replacement()));
        return result.toString();
    }
}
