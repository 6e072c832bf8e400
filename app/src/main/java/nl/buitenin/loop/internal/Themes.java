package nl.buitenin.loop.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeDefinition;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTag;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.ThemeTagsChanged;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;
import nl.buitenin.platform.RequestValues;

/**
 * The organisation's theme taxonomy (root causes) with example phrases per theme, and the tags on cases: made by
 * a person, or suggested automatically with a confidence and then confirmed or rejected by an analyst.
 */
@Repository
public class Themes implements ThemeTagging {

    /** At most this many example phrases per theme, each at most {@value #EXAMPLE_LENGTH} characters. */
    public static final int MAX_EXAMPLES = 20;
    public static final int EXAMPLE_LENGTH = 200;

    public record Theme(ThemeId id, String nameNl, String nameEn, ThemeId parent, List<String> examples) {
        public Theme {
            examples = List.copyOf(examples);
        }

        public String name(Locale locale) {
            return locale != null && locale.getLanguage().equals("en") ? nameEn : nameNl;
        }

        ThemeDefinition definition() {
            return new ThemeDefinition(id, nameNl, nameEn, parent, examples);
        }
    }

    /**
     * A tag as the pages show it. {@code confidence} is the suggester's (null for a person's tag);
     * {@code confirmedBy} the analyst who accepted a suggestion.
     */
    public record Tag(ThemeId theme, String nameNl, String nameEn, String taggedBy, Tagger kind, Instant at, Double confidence,
            String confirmedBy) {
        public String name(Locale locale) {
            return locale != null && locale.getLanguage().equals("en") ? nameEn : nameNl;
        }

        /** Made by the automatic suggester, reviewed or not: the pages mark it as such. */
        public boolean automatic() {
            return kind == Tagger.SUGGESTER;
        }

        /** An automatic tag nobody has reviewed yet: the pages offer to confirm or reject it. */
        public boolean suggested() {
            return kind == Tagger.SUGGESTER && confirmedBy == null;
        }

        /** The confidence in whole per cent, for the pages; null without one. */
        public Long percent() {
            return confidence == null ? null : Math.round(confidence * 100);
        }
    }

    /** The tag columns every tag query reads, after the theme's id and names. */
    static final String TAG_COLUMNS = "tagged_by, tagger_kind, tagged_at, confidence, confirmed_by";

    private final JdbcClient jdbc;
    private final AnswerThemes answers;
    private final PortedTextThemes ported;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    Themes(JdbcClient jdbc, AnswerThemes answers, PortedTextThemes ported, ApplicationEventPublisher events, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.answers = answers;
        this.ported = ported;
        this.events = events;
        this.clock = clock;
    }

    /** Every theme with its example phrases, by Dutch name. */
    public List<Theme> all() {
        Map<UUID, List<String>> examples = new HashMap<>();
        jdbc.sql("select theme_id, phrase from loop_theme_example order by theme_id, position")
                .query(rs -> {
                    examples.computeIfAbsent(rs.getObject(1, UUID.class), t -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.sql("select id, name_nl, name_en, parent_id from loop_theme order by name_nl")
                .query((rs, n) -> new Theme(new ThemeId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class) == null ? null : new ThemeId(rs.getObject(4, UUID.class)),
                        examples.getOrDefault(rs.getObject(1, UUID.class), List.of())))
                .list();
    }

    public Optional<Theme> byId(ThemeId id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Theme> byDutchName(String name) {
        return all().stream().filter(t -> t.nameNl().equalsIgnoreCase(name)).findFirst();
    }

    public Theme add(String nameNl, String nameEn, ThemeId parent) {
        return add(nameNl, nameEn, parent, List.of());
    }

    /** A new theme with its example phrases; every wrong field is named at once. */
    @Transactional
    public Theme add(String nameNl, String nameEn, ThemeId parent, List<String> examples) {
        List<FieldError> errors = new ArrayList<>();
        String nl = RequestValues.collecting(errors, () -> name("nameNl", nameNl));
        String en = RequestValues.collecting(errors, () -> name("nameEn", nameEn));
        List<String> phrases = RequestValues.collecting(errors, () -> examples(examples));
        if (parent != null && !exists(parent)) {
            errors.add(FieldError.of("parent", "loop.invalid.unknownTheme", parent));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ThemeId id = new ThemeId(UUID.randomUUID());
        try {
            jdbc.sql("insert into loop_theme (id, name_nl, name_en, parent_id) values (:id, :nl, :en, :parent)")
                    .param("id", id.value()).param("nl", nl).param("en", en).param("parent", parent == null ? null : parent.value())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("loop.conflict.theme", nl);
        }
        storeExamples(id, phrases);
        return new Theme(id, nl, en, parent, phrases);
    }

    /** Replaces a theme's example phrases (an empty list removes them); refused naming the phrase that is wrong. */
    @Transactional
    public Theme changeExamples(ThemeId id, List<String> examples) {
        if (!exists(id)) {
            throw new NotFoundException("loop.thing.theme", id);
        }
        List<String> phrases = examples(examples);
        jdbc.sql("delete from loop_theme_example where theme_id = :t").param("t", id.value()).update();
        storeExamples(id, phrases);
        return byId(id).orElseThrow();
    }

    private void storeExamples(ThemeId id, List<String> phrases) {
        for (int i = 0; i < phrases.size(); i++) {
            jdbc.sql("insert into loop_theme_example (theme_id, position, phrase) values (:t, :p, :phrase)")
                    .param("t", id.value()).param("p", i).param("phrase", phrases.get(i)).update();
        }
    }

    /**
     * Example phrases as given: white space around each dropped, blank ones skipped, a repeat (any case) kept
     * once. Refused naming {@code examples[i]} (from 0, as given) for a phrase longer than
     * {@value #EXAMPLE_LENGTH} characters, or {@code examples} for more than {@value #MAX_EXAMPLES}.
     */
    static List<String> examples(List<String> given) {
        Map<String, String> phrases = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        List<String> all = given == null ? List.of() : given;
        for (int i = 0; i < all.size(); i++) {
            String phrase = all.get(i) == null ? "" : all.get(i).strip().replaceAll("\\s+", " ");
            if (phrase.length() > EXAMPLE_LENGTH) {
                errors.add(FieldError.of("examples[" + i + "]", "loop.invalid.example", EXAMPLE_LENGTH));
            } else if (!phrase.isEmpty()) {
                phrases.putIfAbsent(phrase.toLowerCase(Locale.ROOT), phrase);
            }
        }
        if (errors.isEmpty() && phrases.size() > MAX_EXAMPLES) {
            errors.add(FieldError.of("examples", "loop.invalid.exampleCount", MAX_EXAMPLES));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return List.copyOf(phrases.values());
    }

    private boolean exists(ThemeId id) {
        return jdbc.sql("select count(*) from loop_theme where id = :id").param("id", id.value()).query(Long.class).single() > 0;
    }

    /**
     * Tags a case with a theme; tagging twice is a no-op. The kind and author are stored so that an
     * automatic suggester's tags can be told apart from an agent's and reviewed.
     */
    @Override
    @Transactional
    public boolean tag(CaseId caseId, ThemeId theme, String taggedBy, Tagger kind) {
        boolean changed = tag(caseId, theme, taggedBy, kind, clock.instant());
        if (changed && kind != Tagger.SUGGESTER) {
            events.publishEvent(ThemeTagsChanged.on(TagSubject.of(caseId)));
        }
        return changed;
    }

    @Transactional
    public boolean tag(CaseId caseId, ThemeId theme, String taggedBy, Tagger kind, Instant at) {
        if (!exists(theme)) {
            throw new NotFoundException("loop.thing.theme", theme);
        }
        if (kind == Tagger.SUGGESTER) {
            return suggestOnCase(caseId, theme, taggedBy, null, at);
        }
        TagTable.CASES.forgetRejection(jdbc, caseId.value(), theme);
        boolean added = insert(caseId, theme, taggedBy, kind, null, at);
        // A person tags what the suggester had suggested: that is their confirmation.
        return added || TagTable.CASES.confirm(jdbc, caseId.value(), theme, taggedBy, at);
    }

    private boolean insert(CaseId caseId, ThemeId theme, String taggedBy, Tagger kind, Double confidence, Instant at) {
        return jdbc.sql("insert into loop_case_theme (case_id, theme_id, tagged_by, tagger_kind, tagged_at, confidence) "
                        + "values (:case, :theme, :by, :kind, :at, :confidence) on conflict do nothing")
                .param("case", caseId.value()).param("theme", theme.value()).param("by", taggedBy).param("kind", kind.name())
                .param("at", CaseFiles.utc(at)).param("confidence", confidence).update() == 1;
    }

    private boolean suggestOnCase(CaseId caseId, ThemeId theme, String by, Double confidence, Instant at) {
        if (jdbc.sql("select count(*) from loop_case where id = :id").param("id", caseId.value()).query(Long.class).single() == 0) {
            throw new NotFoundException("loop.thing.case", caseId);
        }
        if (TagTable.CASES.rejected(jdbc, caseId.value(), theme)) {
            return false;
        }
        if (insert(caseId, theme, by, Tagger.SUGGESTER, confidence, at)) {
            return true;
        }
        if (confidence != null) {
            TagTable.CASES.resuggest(jdbc, caseId.value(), theme, by, confidence);
        }
        return false;
    }

    @Override
    public boolean tagAnswer(UUID response, ThemeId theme, String taggedBy, Tagger kind) {
        return answers.tag(response, theme, taggedBy, kind);
    }

    @Override
    @Transactional
    public boolean suggest(TagSubject subject, ThemeId theme, String suggestedBy, double confidence) {
        double checked = LoopSettings.checkConfidence("confidence", confidence);
        if (subject.kind() == TagSubject.Kind.ANSWER) {
            return answers.suggest(subject.id(), theme, suggestedBy, checked, clock.instant());
        }
        if (!exists(theme)) {
            throw new NotFoundException("loop.thing.theme", theme);
        }
        if (subject.kind() == TagSubject.Kind.NOTE || subject.kind() == TagSubject.Kind.CONTACT_REASON) {
            return ported.suggest(subject, theme, suggestedBy, checked, clock.instant());
        }
        return suggestOnCase(new CaseId(subject.id()), theme, suggestedBy, checked, clock.instant());
    }

    @Override
    @Transactional
    public boolean confirm(TagSubject subject, ThemeId theme, String confirmedBy) {
        TagTable table = TagTable.of(subject.kind());
        if (table.existing(jdbc, subject.id(), theme).isEmpty()) {
            throw new NotFoundException("loop.thing.tag", theme);
        }
        boolean changed = table.confirm(jdbc, subject.id(), theme, confirmedBy, clock.instant());
        if (changed) {
            events.publishEvent(ThemeTagsChanged.on(subject));
        }
        return changed;
    }

    @Override
    @Transactional
    public boolean reject(TagSubject subject, ThemeId theme, String rejectedBy) {
        TagTable table = TagTable.of(subject.kind());
        if (table.reject(jdbc, subject.id(), theme, rejectedBy, clock.instant())) {
            events.publishEvent(ThemeTagsChanged.on(subject));
            return true;
        }
        if (table.rejected(jdbc, subject.id(), theme)) {
            return false;
        }
        throw new NotFoundException("loop.thing.tag", theme);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ThemeTag> tagsOf(TagSubject subject) {
        return TagTable.of(subject.kind()).of(jdbc, subject.id());
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<ThemeTag> allTags(PageRequest page) {
        return TagTable.all(jdbc, page);
    }

    @Transactional
    public void untag(CaseId caseId, ThemeId theme) {
        if (jdbc.sql("delete from loop_case_theme where case_id = :case and theme_id = :theme")
                .param("case", caseId.value()).param("theme", theme.value()).update() > 0) {
            events.publishEvent(ThemeTagsChanged.on(TagSubject.of(caseId)));
        }
    }

    public List<Tag> tagsOf(CaseId caseId) {
        return jdbc.sql("select t.id, t.name_nl, t.name_en, " + columns("ct") + " from loop_case_theme ct "
                        + "join loop_theme t on t.id = ct.theme_id where ct.case_id = :case order by t.name_nl")
                .param("case", caseId.value())
                .query((rs, n) -> tag(rs, 1))
                .list();
    }

    /** The tag columns with the table's alias. */
    static String columns(String alias) {
        return alias + "." + TAG_COLUMNS.replace(", ", ", " + alias + ".");
    }

    /** A tag read from the theme's id and names at {@code first}, followed by {@link #TAG_COLUMNS}. */
    static Tag tag(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
        return new Tag(new ThemeId(rs.getObject(first, UUID.class)), rs.getString(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), Tagger.valueOf(rs.getString(first + 4)), CaseFiles.instant(rs, first + 5),
                TagTable.confidence(rs, first + 6), rs.getString(first + 7));
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
