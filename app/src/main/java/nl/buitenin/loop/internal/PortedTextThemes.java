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
 * Suggested themes on texts another module keeps (text insight's notes, and the reasons of contacts it read): whose
 * text it is, when it was written and at which touchpoint come from that module's {@link TaggableTexts} port and are
 * copied onto the tag, for the person's export, erasure and retention and for counting per touchpoint. Review
 * (confirm, reject) is the same as for cases and answers ({@link TagTable}).
 */
@Component
class PortedTextThemes {

    private final JdbcClient jdbc;
    private final List<TaggableTexts> ports;

    PortedTextThemes(JdbcClient jdbc, List<TaggableTexts> ports) {
        this.jdbc = jdbc;
        this.ports = ports;
    }

    /**
     * As {@link nl.buitenin.loop.ThemeTagging#suggest}, on a note or a contact reason; refused (NotFoundException) for an
     * unknown one.
     */
    boolean suggest(TagSubject subject, ThemeId theme, String by, double confidence, Instant at) {
        TaggableTexts.Owner owner = ports.stream().filter(p -> p.kind() == subject.kind()).findFirst()
                .flatMap(p -> p.owner(subject.id()))
                .orElseThrow(() -> subject.kind() == TagSubject.Kind.NOTE ? new NotFoundException("loop.thing.note", subject.id())
                        : new NotFoundException("loop.thing.contactReason", subject.id()));
        TagTable table = TagTable.of(subject.kind());
        if (table.rejected(jdbc, subject.id(), theme)) {
            return false;
        }
        String sql = subject.kind() == TagSubject.Kind.NOTE
                ? "insert into loop_note_theme (note_id, theme_id, person_key, heard_at, tagged_by, tagger_kind, tagged_at, confidence) "
                        + "values (:id, :theme, :person, :heard, :by, :kind, :at, :confidence) on conflict do nothing"
                : "insert into loop_reason_theme (contact_id, theme_id, person_key, touchpoint_id, heard_at, tagged_by, tagger_kind, "
                        + "tagged_at, confidence) values (:id, :theme, :person, :touchpoint, :heard, :by, :kind, :at, :confidence) "
                        + "on conflict do nothing";
        var statement = jdbc.sql(sql).param("id", subject.id()).param("theme", theme.value())
                .param("person", owner.person() == null ? null : owner.person().value())
                .param("heard", CaseFiles.utc(owner.at())).param("by", by).param("kind", Tagger.SUGGESTER.name())
                .param("at", CaseFiles.utc(at)).param("confidence", confidence);
        if (subject.kind() != TagSubject.Kind.NOTE) {
            statement = statement.param("touchpoint", owner.touchpoint() == null ? null : owner.touchpoint().value());
        }
        boolean added = statement.update() == 1;
        if (!added) {
            table.resuggest(jdbc, subject.id(), theme, by, confidence);
        }
        return added;
    }
}
