package nl.buitenin.loop.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;

/** The organisation's theme taxonomy (root causes) and the tags on cases. */
@Repository
public class Themes implements ThemeTagging {

    public record Theme(ThemeId id, String nameNl, String nameEn, ThemeId parent) {
        public String name(Locale locale) {
            return locale != null && locale.getLanguage().equals("en") ? nameEn : nameNl;
        }
    }

    public record Tag(ThemeId theme, String nameNl, String nameEn, String taggedBy, Tagger kind, Instant at) {
        public String name(Locale locale) {
            return locale != null && locale.getLanguage().equals("en") ? nameEn : nameNl;
        }
    }

    private final JdbcClient jdbc;
    private final AnswerThemes answers;
    private final java.time.Clock clock;

    Themes(JdbcClient jdbc, AnswerThemes answers, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.answers = answers;
        this.clock = clock;
    }

    public List<Theme> all() {
        return jdbc.sql("select id, name_nl, name_en, parent_id from loop_theme order by name_nl")
                .query((rs, n) -> new Theme(new ThemeId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class) == null ? null : new ThemeId(rs.getObject(4, UUID.class))))
                .list();
    }

    public Optional<Theme> byId(ThemeId id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Theme> byDutchName(String name) {
        return all().stream().filter(t -> t.nameNl().equalsIgnoreCase(name)).findFirst();
    }

    public Theme add(String nameNl, String nameEn, ThemeId parent) {
        String nl = name("nameNl", nameNl);
        String en = name("nameEn", nameEn);
        if (parent != null && byId(parent).isEmpty()) {
            throw InvalidInputException.of("parent", "loop.invalid.unknownTheme", parent);
        }
        ThemeId id = new ThemeId(UUID.randomUUID());
        try {
            jdbc.sql("insert into loop_theme (id, name_nl, name_en, parent_id) values (:id, :nl, :en, :parent)")
                    .param("id", id.value()).param("nl", nl).param("en", en).param("parent", parent == null ? null : parent.value())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("loop.conflict.theme", nl);
        }
        return new Theme(id, nl, en, parent);
    }

    /**
     * Tags a case with a theme; tagging twice is a no-op. The kind and author are stored so that an
     * automatic suggester's tags can be told apart from an agent's and reviewed.
     */
    @Override
    @Transactional
    public boolean tag(CaseId caseId, ThemeId theme, String taggedBy, Tagger kind) {
        return tag(caseId, theme, taggedBy, kind, clock.instant());
    }

    @Transactional
    public boolean tag(CaseId caseId, ThemeId theme, String taggedBy, Tagger kind, Instant at) {
        if (byId(theme).isEmpty()) {
            throw new NotFoundException("loop.thing.theme", theme);
        }
        return jdbc.sql("insert into loop_case_theme (case_id, theme_id, tagged_by, tagger_kind, tagged_at) "
                        + "values (:case, :theme, :by, :kind, :at) on conflict do nothing")
                .param("case", caseId.value()).param("theme", theme.value()).param("by", taggedBy).param("kind", kind.name())
                .param("at", CaseFiles.utc(at)).update() == 1;
    }

    @Override
    public boolean tagAnswer(UUID response, ThemeId theme, String taggedBy, Tagger kind) {
        return answers.tag(response, theme, taggedBy, kind);
    }

    public void untag(CaseId caseId, ThemeId theme) {
        jdbc.sql("delete from loop_case_theme where case_id = :case and theme_id = :theme")
                .param("case", caseId.value()).param("theme", theme.value()).update();
    }

    public List<Tag> tagsOf(CaseId caseId) {
        return jdbc.sql("select t.id, t.name_nl, t.name_en, ct.tagged_by, ct.tagger_kind, ct.tagged_at from loop_case_theme ct "
                        + "join loop_theme t on t.id = ct.theme_id where ct.case_id = :case order by t.name_nl")
                .param("case", caseId.value())
                .query((rs, n) -> new Tag(new ThemeId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                        rs.getString(4), Tagger.valueOf(rs.getString(5)), CaseFiles.instant(rs, 6)))
                .list();
    }

    /** How many cases carry each theme, for the taxonomy page. */
    public long casesWith(ThemeId theme) {
        return jdbc.sql("select count(*) from loop_case_theme where theme_id = :theme").param("theme", theme.value())
                .query(Long.class).single();
    }

    /** How many people (an anonymous case counts as one of its own) raised each theme in a case, for the small-cell rule. */
    public long casePeopleWith(ThemeId theme) {
        return jdbc.sql("select count(distinct coalesce(c.person_key, cast(c.id as varchar(40)))) from loop_case_theme ct "
                        + "join loop_case c on c.id = ct.case_id where ct.theme_id = :theme")
                .param("theme", theme.value()).query(Long.class).single();
    }

    private static String name(String field, String value) {
        if (value == null || value.isBlank() || value.strip().length() > 200) {
            throw InvalidInputException.of(field, "loop.invalid.length", 200);
        }
        return value.strip();
    }
}
