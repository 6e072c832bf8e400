package nl.buitenin.textinsight.internal;

import java.util.List;
import java.util.stream.Collectors;

import nl.buitenin.listening.Comment;

/**
 * The free-text answers of one response read as one text, in the order of their questions, each on its own line (a
 * line break ends a sentence), so that the analysis and the sentences shown later cover the same text.
 */
public final class ResponseText {

    private ResponseText() {
    }

    public static String of(List<Comment> comments) {
        return comments.stream().map(Comment::text).filter(t -> !t.isBlank()).map(String::strip).collect(Collectors.joining("\n"));
    }
}
