package nl.buitenin.loop.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.loop.ThemeDefinition;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTaxonomy;

/** The taxonomy as other modules read it: {@link Themes}' themes as {@link ThemeDefinition}s. */
@Component
class Taxonomy implements ThemeTaxonomy {

    private final Themes themes;

    Taxonomy(Themes themes) {
        this.themes = themes;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ThemeDefinition> all() {
        return themes.all().stream().map(Themes.Theme::definition).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ThemeDefinition> byId(ThemeId id) {
        return themes.byId(id).map(Themes.Theme::definition);
    }

    @Override
    @Transactional
    public ThemeDefinition add(String nameNl, String nameEn, List<String> examples) {
        return themes.add(nameNl, nameEn, null, examples).definition();
    }
}
