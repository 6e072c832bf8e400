package nl.buitenin.insight.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An organisation's themes, each with a few example phrases that a theme model starts from before anyone has tagged
 * a text. Names are unique; a theme may have no examples (it is then learnt from tags only).
 */
public record ThemeTaxonomy(List<Theme> themes) {

    /** One theme: its name as analysts know it and example phrases in any of the supported languages. */
    public record Theme(String name, List<String> examples) {

        public Theme {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a theme needs a name");
            }
            examples = examples.stream().map(String::strip).filter(example -> !example.isEmpty()).toList();
        }
    }

    public ThemeTaxonomy {
        themes = List.copyOf(themes);
        Set<String> names = new HashSet<>();
        for (Theme theme : themes) {
            if (!names.add(theme.name())) {
                throw new IllegalArgumentException("theme '" + theme.name() + "' appears twice");
            }
        }
    }

    public List<String> names() {
        return themes.stream().map(Theme::name).toList();
    }
}
