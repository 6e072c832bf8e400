package nl.buitenin.insight.text;

import java.util.List;

/**
 * A possible new theme found among texts: its label phrases (best first), how many texts it groups, a few of them as
 * examples, the language of its texts and the positions of all its texts in the list that was clustered (ascending),
 * so that a caller can keep references to the texts instead of copies.
 */
public record SuggestedTheme(List<String> labels, int size, List<String> examples, Language language, List<Integer> members) {

    public SuggestedTheme {
        labels = List.copyOf(labels);
        examples = List.copyOf(examples);
        members = List.copyOf(members);
    }
}
