package nl.buitenin.textinsight.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.SuggestedTheme;
import nl.buitenin.insight.text.TextAnalyzer;
import nl.buitenin.insight.text.ThemeDiscovery;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeDefinition;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTag;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.ThemeTaxonomy;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.textinsight.TextSource;

/**
 * Suggested new themes: the comments, case texts and notes of a period that carry no confirmed or hand-made theme are
 * read under "service improvement" and clustered per language (insight's {@link ThemeDiscovery}, Carrot2's Lingo);
 * what a run finds is stored so the page opens fast. An analyst adopts a suggestion (it becomes a theme of loop's
 * taxonomy, with its phrases as example phrases, and so enters the theme model) or dismisses it; both are remembered
 * by the stemmed terms of the first label, so the same cluster is not suggested again. Texts are kept as references,
 * never copied: examples are read from their sources when shown, under the purpose again.
 */
@Service
public class SuggestedThemes {

    /** The period a run reads when none is given: the last 90 days. */
    public static final int DEFAULT_DAYS = 90;
    /** How many suggestions a run keeps when no count is given. */
    public static final int DEFAULT_COUNT = 10;
    public static final int MAX_COUNT = 30;
    /** At most this many texts (the newest of the period) are clustered in one run. */
    public static final int MAX_TEXTS = 5000;
    /** The longest period a run reads. */
    public static final int MAX_DAYS = 366;
    /** How many examples a suggestion shows. */
    public static final int EXAMPLES = ThemeDiscovery.EXAMPLES;

    /** The reads as the access log names them (privacy.read.* texts). */
    static final String READ_FOR_DISCOVERY = "theme discovery";
    static final String READ_FOR_EXAMPLE = "example of a suggested theme";

    public enum State { SUGGESTED, ADOPTED, DISMISSED }

    /** One run: when, over which days (inclusive), how many texts it clustered and how many the purpose refused. */
    public record Run(Instant at, LocalDate from, LocalDate to, int texts, int refused, String by) {
    }

    /** A text of a suggested theme, read from its source for showing. */
    public record Example(TextSource source, String ref, String text) {
    }

    /** A suggested theme as shown: its phrases, language, size and up to three examples. */
    public record Suggestion(UUID id, int place, Language language, List<String> labels, int size, State state,
            List<Example> examples, @Nullable ThemeId theme) {
    }

    /** The last run and the suggestions still waiting for a decision, in the order found (largest first). */
    public record Overview(@Nullable Run run, List<Suggestion> suggestions) {
    }

    /** What an analyst's decision came to. */
    public record Decision(UUID id, State state, @Nullable ThemeDefinition theme) {
    }

    private record Candidate(TextSource source, String ref, @Nullable PersonKey person, Instant writtenAt) {
    }

    private record Stored(UUID id, int place, Language language, List<String> labels, int size, State state, @Nullable ThemeId theme) {
    }

    private static final Logger log = LoggerFactory.getLogger(SuggestedThemes.class);

    private final JdbcClient jdbc;
    private final TextReading reading;
    private final TextViews texts;
    private final ThemeTagging tagging;
    private final ThemeTaxonomy taxonomy;
    private final Organisations organisations;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ThemeDiscovery discovery = new ThemeDiscovery(TextAnalyzer.standard());

    SuggestedThemes(JdbcClient jdbc, TextReading reading, TextViews texts, ThemeTagging tagging, ThemeTaxonomy taxonomy,
            Organisations organisations, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.reading = reading;
        this.texts = texts;
        this.tagging = tagging;
        this.taxonomy = taxonomy;
        this.organisations = organisations;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Days from..to, both included. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /** The default period: the last {@value #DEFAULT_DAYS} days up to today, in the organisation's time zone. */
    public Period defaultPeriod() {
        LocalDate today = LocalDate.now(clock.withZone(organisations.current().timeZone()));
        return new Period(today.minusDays(DEFAULT_DAYS - 1), today);
    }

    /**
     * Runs discovery over the days {@code from}..{@code to} (ISO dates, inclusive; blank: the last 90 days) and keeps up
     * to {@code count} suggestions (blank: 10), replacing the suggestions of the last run that nobody decided on.
     * Refused naming every wrong field at once: a date that is not one, {@code to} before {@code from}, a period longer
     * than a year or ending after today, a count outside 1..30.
     */
    public Run discover(@Nullable String from, @Nullable String to, @Nullable String count, String by) {
        Period period = defaultPeriod();
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = RequestValues.collecting(errors, () -> RequestValues.date("from", from, "textinsight.invalid.date"));
        LocalDate last = RequestValues.collecting(errors, () -> RequestValues.date("to", to, "textinsight.invalid.date"));
        Integer wanted = RequestValues.collecting(errors, () -> RequestValues.whole("count", count, "textinsight.invalid.count"));
        LocalDate start = first == null ? period.from() : first;
        LocalDate end = last == null ? period.to() : last;
        if (errors.stream().noneMatch(e -> "to".equals(e.field()) || "from".equals(e.field()))) {
            if (end.isBefore(start)) {
                errors.add(FieldError.of("to", "textinsight.invalid.discovery.order"));
            } else if (end.isAfter(period.to())) {
                errors.add(FieldError.of("to", "textinsight.invalid.period.future"));
            } else if (start.plusDays(MAX_DAYS).isBefore(end.plusDays(1))) {
                errors.add(FieldError.of("from", "textinsight.invalid.discovery.long", MAX_DAYS));
            }
        }
        if (wanted != null && (wanted < 1 || wanted > MAX_COUNT)) {
            errors.add(FieldError.of("count", "textinsight.invalid.count.range", MAX_COUNT));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return discover(start, end, wanted == null ? DEFAULT_COUNT : wanted, by);
    }

    /** Runs discovery over the days {@code from}..{@code to} (inclusive) and keeps up to {@code count} suggestions. */
    public Run discover(LocalDate from, LocalDate to, int count, String by) {
        long started = System.nanoTime();
        ZoneId zone = organisations.current().timeZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Set<String> confirmed = confirmedSubjects();
        List<Candidate> candidates = new ArrayList<>();
        for (Candidate candidate : candidates(start, end)) {
            if (!confirmed.contains(candidate.source() + ":" + candidate.ref())) {
                candidates.add(candidate);
            }
        }
        List<Candidate> read = new ArrayList<>();
        List<String> written = new ArrayList<>();
        int refused = 0;
        for (Candidate candidate : candidates) {
            // Every text of a known person is read under "service improvement" and the read is logged.
            if (!reading.mayRead(candidate.person(), READ_FOR_DISCOVERY, candidate.writtenAt())) {
                refused++;
                continue;
            }
            Optional<String> text = texts.text(candidate.source(), UUID.fromString(candidate.ref()));
            if (text.isPresent() && !text.get().isBlank()) {
                read.add(candidate);
                written.add(text.get());
            }
        }
        Set<String> known = knownKeys();
        // Ask for more clusters than wanted, as those an analyst decided on before or that name a theme are left out.
        int asked = Math.min(MAX_COUNT + known.size(), count + known.size());
        long clustering = System.nanoTime();
        List<SuggestedTheme> found = written.isEmpty() ? List.of() : discovery.discover(written, asked);
        List<SuggestedTheme> kept = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (SuggestedTheme theme : found) {
            String key = key(theme.labels().get(0), theme.language());
            if (kept.size() < count && !known.contains(key) && keys.add(key)) {
                kept.add(theme);
            }
        }
        Run run = new Run(clock.instant(), from, to, written.size(), refused, by);
        int refusedTexts = refused;
        long stored = System.nanoTime();
        transaction.executeWithoutResult(status -> store(run, kept, read, refusedTexts));
        log.info("Theme discovery over {}..{}: {} texts read, {} refused, {} suggestions; reading {} ms, clustering {} ms, storing {} ms",
                from, to, written.size(), refused, kept.size(), (clustering - started) / 1_000_000, (stored - clustering) / 1_000_000,
                (System.nanoTime() - stored) / 1_000_000);
        return run;
    }

    /** The last run and the suggestions waiting for a decision, each with up to three examples readable now. */
    public Overview overview() {
        return new Overview(lastRun().orElse(null), stored("where s.state = 'SUGGESTED'").stream().map(this::shown).toList());
    }

    /** One suggestion, whatever its state. */
    public Optional<Suggestion> find(UUID id) {
        return stored("where s.id = :id", id).stream().findFirst().map(this::shown);
    }

    /**
     * An analyst adopts a suggestion: a theme is added to the taxonomy with the names and phrases given (blank names:
     * the first label; no phrases: the labels) and the suggestion is marked adopted. Refused like a new theme on the
     * themes page (409 for a Dutch name in use); 404 for an unknown suggestion, 409 for one decided already.
     */
    public Decision adopt(UUID id, @Nullable String nameNl, @Nullable String nameEn, @Nullable List<String> phrases, String by) {
        return Optional.ofNullable(transaction.execute(status -> {
            Stored suggestion = waiting(id);
            String label = capitalised(suggestion.labels().get(0));
            List<String> examples = phrases == null || phrases.stream().allMatch(p -> p == null || p.isBlank())
                    ? suggestion.labels() : phrases;
            ThemeDefinition theme = taxonomy.add(RequestValues.blank(nameNl) ? label : nameNl,
                    RequestValues.blank(nameEn) ? label : nameEn, examples);
            decide(id, State.ADOPTED, theme.id(), by);
            return new Decision(id, State.ADOPTED, theme);
        })).orElseThrow();
    }

    /** An analyst dismisses a suggestion: it is remembered, so the same cluster is not suggested again. */
    public Decision dismiss(UUID id, String by) {
        return Optional.ofNullable(transaction.execute(status -> {
            waiting(id);
            decide(id, State.DISMISSED, null, by);
            return new Decision(id, State.DISMISSED, null);
        })).orElseThrow();
    }

    private Stored waiting(UUID id) {
        Stored suggestion = stored("where s.id = :id", id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("textinsight.thing.suggestedTheme", id));
        if (suggestion.state() != State.SUGGESTED) {
            throw new ConflictException("textinsight.conflict.decided");
        }
        return suggestion;
    }

    private void decide(UUID id, State state, @Nullable ThemeId theme, String by) {
        int changed = jdbc.sql("update textinsight_suggested_theme set state = :state, theme_id = :theme, decided_by = :by, "
                        + "decided_at = :at where id = :id and state = 'SUGGESTED'")
                .param("state", state.name()).param("theme", theme == null ? null : theme.value()).param("by", by)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", id).update();
        if (changed == 0) {
            throw new ConflictException("textinsight.conflict.decided");
        }
    }

    private void store(Run run, List<SuggestedTheme> kept, List<Candidate> read, int refused) {
        UUID runId = UUID.randomUUID();
        jdbc.sql("delete from textinsight_suggested_theme where state = 'SUGGESTED'").update();
        jdbc.sql("insert into textinsight_discovery_run (id, run_at, period_from, period_to, texts, refused, run_by) "
                        + "values (:id, :at, :from, :to, :texts, :refused, :by)")
                .param("id", runId).param("at", OffsetDateTime.ofInstant(run.at(), ZoneOffset.UTC)).param("from", run.from())
                .param("to", run.to()).param("texts", run.texts()).param("refused", refused).param("by", run.by()).update();
        for (int place = 0; place < kept.size(); place++) {
            SuggestedTheme theme = kept.get(place);
            UUID id = UUID.randomUUID();
            jdbc.sql("insert into textinsight_suggested_theme (id, run_id, place, language, labels, label_key, size, state) "
                            + "values (:id, :run, :place, :language, :labels, :key, :size, 'SUGGESTED')")
                    .param("id", id).param("run", runId).param("place", place).param("language", theme.language().code())
                    .param("labels", labels(theme.labels())).param("key", key(theme.labels().get(0), theme.language()))
                    .param("size", theme.size()).update();
            for (int position = 0; position < theme.members().size(); position++) {
                Candidate member = read.get(theme.members().get(position));
                jdbc.sql("insert into textinsight_suggested_theme_text (suggestion_id, position, source_kind, source_ref) "
                                + "values (:id, :position, :kind, :ref)")
                        .param("id", id).param("position", position).param("kind", member.source().name()).param("ref", member.ref())
                        .update();
            }
        }
    }

    /** Label phrases one per line, as many as fit the column. */
    private static String labels(List<String> labels) {
        StringBuilder joined = new StringBuilder();
        for (String label : labels) {
            String clean = label.replaceAll("\\s+", " ").strip();
            if (clean.isEmpty() || joined.length() + clean.length() + 1 > 800) {
                continue;
            }
            joined.append(joined.isEmpty() ? "" : "\n").append(clean);
        }
        return joined.toString();
    }

    /** A label as its stemmed terms without stop words, sorted: "Laatste hotel" and "laatste hotels" are one cluster. */
    static String key(String label, Language language) {
        Set<String> terms = new TreeSet<>(TextAnalyzer.standard().terms(label, language));
        String key = language.code() + ":" + (terms.isEmpty() ? label.strip().toLowerCase(Locale.ROOT) : String.join(" ", terms));
        return key.length() > 400 ? key.substring(0, 400) : key;
    }

    /**
     * Computes each suggestion's key again from its labels, for the labels an erasure scrubbed: the key holds the stems
     * of the first label, so a name in the label is in the key too.
     */
    @Transactional
    public void rekey() {
        jdbc.sql("select id, language, labels, label_key from textinsight_suggested_theme").query((rs, n) -> {
            Language language = Language.of(rs.getString(2)).orElseThrow();
            String key = key(rs.getString(3).split("\n")[0], language);
            return key.equals(rs.getString(4)) ? null : Map.entry(rs.getObject(1, UUID.class), key);
        }).list().stream().filter(java.util.Objects::nonNull).forEach(changed -> jdbc
                .sql("update textinsight_suggested_theme set label_key = :key where id = :id")
                .param("key", changed.getValue()).param("id", changed.getKey()).update());
    }

    /** The keys of suggestions decided on before and of the taxonomy's theme names, in both languages. */
    private Set<String> knownKeys() {
        Set<String> keys = new HashSet<>(jdbc.sql("select label_key from textinsight_suggested_theme where state <> 'SUGGESTED'")
                .query(String.class).list());
        for (ThemeDefinition theme : taxonomy.all()) {
            for (Language language : Language.values()) {
                keys.add(key(theme.nameNl(), language));
                keys.add(key(theme.nameEn(), language));
            }
        }
        return keys;
    }

    /** "COMMENT:id" and "CASE:id" of every answer and case that carries a confirmed or hand-made theme. */
    private Set<String> confirmedSubjects() {
        Set<String> subjects = new HashSet<>();
        int page = 0;
        PageResult<ThemeTag> tags;
        do {
            tags = tagging.allTags(PageRequest.of(page++, 500));
            for (ThemeTag tag : tags.items()) {
                if (tag.state() == ThemeTag.State.CONFIRMED) {
                    TextSource source = tag.subject().kind() == TagSubject.Kind.ANSWER ? TextSource.COMMENT : TextSource.CASE;
                    subjects.add(source + ":" + tag.subject().id());
                }
            }
        } while (!tags.items().isEmpty() && (long) page * 500 < tags.total());
        return subjects;
    }

    /** The analysed comments, case texts and notes written in [start, end), newest first, at most MAX_TEXTS. */
    private List<Candidate> candidates(Instant start, Instant end) {
        return jdbc.sql("select source_kind, source_ref, person_key, written_at from textinsight_analysis "
                        + "where source_kind in ('COMMENT', 'CASE', 'NOTE') and written_at >= :start and written_at < :end "
                        + "order by written_at desc, source_kind, source_ref limit " + MAX_TEXTS)
                .param("start", OffsetDateTime.ofInstant(start, ZoneOffset.UTC)).param("end", OffsetDateTime.ofInstant(end, ZoneOffset.UTC))
                .query((rs, n) -> new Candidate(TextSource.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3) == null ? null : new PersonKey(rs.getString(3)), rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    private Optional<Run> lastRun() {
        return jdbc.sql("select run_at, period_from, period_to, texts, refused, run_by from textinsight_discovery_run "
                        + "order by run_at desc limit 1")
                .query((rs, n) -> new Run(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getInt(5), rs.getString(6)))
                .optional();
    }

    private List<Stored> stored(String where, Object... id) {
        JdbcClient.StatementSpec sql = jdbc.sql("select s.id, s.place, s.language, s.labels, s.size, s.state, s.theme_id "
                + "from textinsight_suggested_theme s " + where + " order by s.place");
        if (id.length > 0) {
            sql = sql.param("id", id[0]);
        }
        return sql.query(SuggestedThemes::stored).list();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        UUID theme = rs.getObject(7, UUID.class);
        return new Stored(rs.getObject(1, UUID.class), rs.getInt(2), Language.of(rs.getString(3)).orElseThrow(),
                Arrays.asList(rs.getString(4).split("\n")), rs.getInt(5), State.valueOf(rs.getString(6)),
                theme == null ? null : new ThemeId(theme));
    }

    /**
     * Up to three examples, read from their sources now: a text the purpose refuses or the source lost is skipped, and so is
     * a text shown already.
     */
    private Suggestion shown(Stored suggestion) {
        List<Example> examples = new ArrayList<>();
        Map<String, TextSource> refs = new LinkedHashMap<>();
        jdbc.sql("select source_kind, source_ref from textinsight_suggested_theme_text where suggestion_id = :id order by position")
                .param("id", suggestion.id())
                .query(rs -> {
                    refs.put(rs.getString(2), TextSource.valueOf(rs.getString(1)));
                });
        int tried = 0;
        for (Map.Entry<String, TextSource> ref : refs.entrySet()) {
            // At most ten texts are read for three examples: each read is a purpose check and a line in the access log.
            if (examples.size() == EXAMPLES || tried++ == 10) {
                break;
            }
            // The same words written twice (a copied answer) show once.
            example(ref.getValue(), ref.getKey())
                    .filter(found -> examples.stream().noneMatch(shown -> shown.text().strip().equalsIgnoreCase(found.text().strip())))
                    .ifPresent(examples::add);
        }
        return new Suggestion(suggestion.id(), suggestion.place(), suggestion.language(), suggestion.labels(), suggestion.size(),
                suggestion.state(), examples, suggestion.theme());
    }

    private Optional<Example> example(TextSource source, String ref) {
        Optional<Candidate> analysed = jdbc.sql("select person_key, written_at from textinsight_analysis "
                        + "where source_kind = :kind and source_ref = :ref")
                .param("kind", source.name()).param("ref", ref)
                .query((rs, n) -> new Candidate(source, ref, rs.getString(1) == null ? null : new PersonKey(rs.getString(1)),
                        rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional();
        // The person key as the analysis has it now: after erasure it is gone, and so is the source's text.
        if (analysed.isEmpty() || !reading.mayRead(analysed.get().person(), READ_FOR_EXAMPLE, analysed.get().writtenAt())) {
            return Optional.empty();
        }
        return texts.text(source, UUID.fromString(ref)).filter(text -> !text.isBlank()).map(text -> new Example(source, ref, text));
    }

    private static String capitalised(String label) {
        String clean = label.strip();
        return clean.isEmpty() ? clean : clean.substring(0, 1).toUpperCase(Locale.ROOT) + clean.substring(1).toLowerCase(Locale.ROOT);
    }
}
