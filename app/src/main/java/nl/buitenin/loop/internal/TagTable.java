package nl.buitenin.loop.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTag;
import nl.buitenin.loop.ThemeTagging.Tagger;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;

/**
 * What the tags on cases, answers, notes and contact reasons share: the tables have the same tag columns and a twin table of
 * rejections, and differ only in the subject column (and in what an answer's tag copies from listening, which
 * stays with {@link AnswerThemes}). Suggestions, their review and the read for learning live here once.
 */
final class TagTable {

    static final TagTable CASES = new TagTable(TagSubject.Kind.CASE, "loop_case_theme", "case_id");
    static final TagTable ANSWERS = new TagTable(TagSubject.Kind.ANSWER, "loop_answer_theme", "response_id");
    static final TagTable NOTES = new TagTable(TagSubject.Kind.NOTE, "loop_note_theme", "note_id");
    static final TagTable REASONS = new TagTable(TagSubject.Kind.CONTACT_REASON, "loop_reason_theme", "contact_id");

    /** An existing tag: who or what made it, with which confidence, and who confirmed it (null while unreviewed). */
    record Existing(Tagger kind, String taggedBy, @Nullable Double confidence, Instant taggedAt, @Nullable String confirmedBy) {

        boolean suggestion() {
            return kind == Tagger.SUGGESTER && confirmedBy == null;
        }
    }

    private final TagSubject.Kind kind;
    private final String table;
    private final String rejections;
    private final String subject;

    private TagTable(TagSubject.Kind kind, String table, String subject) {
        this.kind = kind;
        this.table = table;
        this.rejections = table + "_rejection";
        this.subject = subject;
    }

    static TagTable of(TagSubject.Kind kind) {
        return switch (kind) {
            case CASE -> CASES;
            case ANSWER -> ANSWERS;
            case NOTE -> NOTES;
            case CONTACT_REASON -> REASONS;
        };
    }

    /**
     * The condition under which a tag (alias {@code t}) makes its person hear "you said, we did": a person made it,
     * an analyst confirmed it, or the suggester was at least {@code :minConfidence} sure.
     */
    static String toldBack(String t) {
        return "(" + t + ".tagger_kind <> 'SUGGESTER' or " + t + ".confirmed_at is not null or " + t + ".confidence >= :minConfidence)";
    }

    Optional<Existing> existing(JdbcClient jdbc, UUID id, ThemeId theme) {
        return jdbc.sql("select tagger_kind, tagged_by, confidence, tagged_at, confirmed_by from " + table + " where " + subject
                        + " = :s and theme_id = :t")
                .param("s", id).param("t", theme.value())
                .query((rs, n) -> new Existing(Tagger.valueOf(rs.getString(1)), rs.getString(2), confidence(rs, 3),
                        CaseFiles.instant(rs, 4), rs.getString(5)))
                .optional();
    }

    boolean rejected(JdbcClient jdbc, UUID id, ThemeId theme) {
        return jdbc.sql("select count(*) from " + rejections + " where " + subject + " = :s and theme_id = :t")
                .param("s", id).param("t", theme.value()).query(Long.class).single() > 0;
    }

    /** A person tags a theme again that was rejected before: their word counts, the rejection is forgotten. */
    void forgetRejection(JdbcClient jdbc, UUID id, ThemeId theme) {
        jdbc.sql("delete from " + rejections + " where " + subject + " = :s and theme_id = :t")
                .param("s", id).param("t", theme.value()).update();
    }

    /** A new confidence for a suggestion nobody has reviewed yet; false for any other tag. */
    boolean resuggest(JdbcClient jdbc, UUID id, ThemeId theme, String by, double confidence) {
        return jdbc.sql("update " + table + " set confidence = :c, tagged_by = :by where " + subject + " = :s and theme_id = :t "
                        + "and tagger_kind = 'SUGGESTER' and confirmed_at is null")
                .param("c", confidence).param("by", by).param("s", id).param("t", theme.value()).update() == 1;
    }

    /** Confirms an unreviewed suggestion; false for a tag that was confirmed already or made by a person. */
    boolean confirm(JdbcClient jdbc, UUID id, ThemeId theme, String by, Instant at) {
        return jdbc.sql("update " + table + " set confirmed_by = :by, confirmed_at = :at where " + subject + " = :s "
                        + "and theme_id = :t and tagger_kind = 'SUGGESTER' and confirmed_at is null")
                .param("by", by).param("at", CaseFiles.utc(at)).param("s", id).param("t", theme.value()).update() == 1;
    }

    /**
     * Removes the tag and remembers the rejection with what the tag was; false when there was no tag (rejected
     * already, or never there). The delete is the claim: of two analysts rejecting at once, one records it.
     */
    boolean reject(JdbcClient jdbc, UUID id, ThemeId theme, String by, Instant at) {
        Optional<Existing> tag = existing(jdbc, id, theme);
        if (tag.isEmpty() || jdbc.sql("delete from " + table + " where " + subject + " = :s and theme_id = :t")
                .param("s", id).param("t", theme.value()).update() != 1) {
            return false;
        }
        Existing t = tag.get();
        jdbc.sql("insert into " + rejections + " (" + subject + ", theme_id, tagged_by, tagger_kind, confidence, tagged_at, "
                        + "rejected_by, rejected_at) values (:s, :t, :taggedBy, :kind, :c, :taggedAt, :by, :at) on conflict do nothing")
                .param("s", id).param("t", theme.value()).param("taggedBy", t.taggedBy()).param("kind", t.kind().name())
                .param("c", t.confidence()).param("taggedAt", CaseFiles.utc(t.taggedAt())).param("by", by)
                .param("at", CaseFiles.utc(at)).update();
        return true;
    }

    /** The tags and rejections on one case or answer, by theme id. */
    List<ThemeTag> of(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select * from (" + select() + ") x where x.s = :s order by x.theme_id, x.st")
                .param("s", id).query((rs, n) -> tag(rs)).list();
    }

    /** The tags and rejections of every table, for learning; ordered by subject kind, subject and theme. */
    static PageResult<ThemeTag> all(JdbcClient jdbc, PageRequest page) {
        String union = CASES.select() + " union all " + ANSWERS.select() + " union all " + NOTES.select() + " union all " + REASONS.select();
        long total = jdbc.sql("select count(*) from (" + union + ") x").query(Long.class).single();
        List<ThemeTag> items = jdbc.sql("select * from (" + union + ") x order by x.k, x.s, x.theme_id, x.st limit :limit offset :offset")
                .param("limit", page.size()).param("offset", page.offset()).query((rs, n) -> tag(rs)).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    private String select() {
        return "select '" + kind.name() + "' k, " + subject + " s, theme_id, tagger_kind, tagged_by, confidence, "
                + "case when tagger_kind <> 'SUGGESTER' or confirmed_at is not null then 'CONFIRMED' else 'SUGGESTED' end st, "
                + "tagged_at, confirmed_by decided_by, confirmed_at decided_at from " + table
                + " union all select '" + kind.name() + "' k, " + subject + " s, theme_id, tagger_kind, tagged_by, confidence, "
                + "'REJECTED' st, tagged_at, rejected_by decided_by, rejected_at decided_at from " + rejections;
    }

    private static ThemeTag tag(ResultSet rs) throws SQLException {
        return new ThemeTag(new TagSubject(TagSubject.Kind.valueOf(rs.getString("k")), rs.getObject("s", UUID.class)),
                new ThemeId(rs.getObject("theme_id", UUID.class)), Tagger.valueOf(rs.getString("tagger_kind")),
                rs.getString("tagged_by"), confidence(rs, rs.findColumn("confidence")), ThemeTag.State.valueOf(rs.getString("st")),
                CaseFiles.instant(rs, rs.findColumn("tagged_at")), rs.getString("decided_by"),
                CaseFiles.instant(rs, rs.findColumn("decided_at")));
    }

    static @Nullable Double confidence(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
