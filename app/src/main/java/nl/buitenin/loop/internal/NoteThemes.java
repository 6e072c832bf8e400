package nl.buitenin.loop.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.TaggableTexts;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTagging.Tagger;
import nl.buitenin.platform.NotFoundException;

/**
 * Suggested themes on notes, which text insight keeps: whose note it is and when it was heard come from text insight's
 * {@link TaggableTexts} port and are copied onto the tag, for the person's export, erasure and retention. Review
 * (confirm, reject) is the same as for cases and answers ({@link TagTable}).
 */
@Component
class NoteThemes {

    private final JdbcClient jdbc;
    private final List<TaggableTexts> ports;

    NoteThemes(JdbcClient jdbc, List<TaggableTexts> ports) {
        this.jdbc = jdbc;
        this.ports = ports;
    }

    /** As {@link nl.buitenin.loop.ThemeTagging#suggest}, on a note; refused (NotFoundException) for an unknown note. */
    boolean suggest(UUID note, ThemeId theme, String by, double confidence, Instant at) {
        TaggableTexts.Owner owner = ports.stream().filter(p -> p.kind() == TagSubject.Kind.NOTE).findFirst()
                .flatMap(p -> p.owner(note))
                .orElseThrow(() -> new NotFoundException("loop.thing.note", note));
        if (TagTable.NOTES.rejected(jdbc, note, theme)) {
            return false;
        }
        boolean added = jdbc.sql("insert into loop_note_theme (note_id, theme_id, person_key, heard_at, tagged_by, tagger_kind, "
                        + "tagged_at, confidence) values (:note, :theme, :person, :heard, :by, :kind, :at, :confidence) on conflict do nothing")
                .param("note", note).param("theme", theme.value())
                .param("person", owner.person() == null ? null : owner.person().value())
                .param("heard", CaseFiles.utc(owner.at())).param("by", by).param("kind", Tagger.SUGGESTER.name())
                .param("at", CaseFiles.utc(at)).param("confidence", confidence).update() == 1;
        if (!added) {
            TagTable.NOTES.resuggest(jdbc, note, theme, by, confidence);
        }
        return added;
    }
}
