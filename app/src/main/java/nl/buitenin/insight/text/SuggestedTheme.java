package nl.buitenin.insight.text;

import java.util.List;

/**
 * A possible new theme found among texts: its label phrases (best first), how many texts it groups and a few of
 * them as examples.
 */
public record SuggestedTheme(List<String> labels, int size, List<String> examples) {

    public SuggestedTheme {
        labels = List.copyOf(labels);
        examples = List.copyOf(examples);
    }
}
