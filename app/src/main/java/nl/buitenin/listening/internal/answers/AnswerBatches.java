package nl.buitenin.listening.internal.answers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.insight.AnswerCount;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.listening.ResponseCompleted;
import nl.buitenin.listening.ResponsesCompleted;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyStatus;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.platform.RecordedTimes;
import nl.buitenin.platform.IngestReport.ItemOutcome;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.StorableText;
import nl.buitenin.privacy.PersonKey;

/**
 * Answers collected elsewhere (a kiosk, a call-centre script, another survey tool's webhook) sent in
 * batches of up to {@value #MAX_BATCH}. One transaction per batch: every item is validated against its
 * survey version like an answer on the page; the valid ones whose source id is new are inserted with two
 * batched statements, their scores are added to the histograms once per distinct count row, and each
 * batch's new responses are published as a few {@link ResponsesCompleted} events, so case rules apply exactly as for
 * page answers.
 * A retried batch creates nothing and reports every item as a duplicate, also once retention or erasure has let
 * go of the person of an item (see {@link GoneSources}).
 */
@Service
public class AnswerBatches {

    public static final int MAX_BATCH = 10_000;
    /** Responses per published event (a few hundred kB of JSON). */
    static final int EVENT_SIZE = 500;
    /** The stored source reference is "api:" plus this; the column holds 200 characters. */
    static final int MAX_SOURCE_ID = 150;

    private final JdbcTemplate jdbc;
    private final JdbcSurveys surveys;
    private final Touchpoints touchpoints;
    private final ScoreHistograms histograms;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final GoneSources gone;
    private final Clock clock;

    AnswerBatches(JdbcTemplate jdbc, JdbcSurveys surveys, Touchpoints touchpoints, ScoreHistograms histograms,
            Organisations organisations, ApplicationEventPublisher events, GoneSources gone, Clock clock) {
        this.jdbc = jdbc;
        this.gone = gone;
        this.surveys = surveys;
        this.touchpoints = touchpoints;
        this.histograms = histograms;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One answered survey as another system sends it.
     *
     * @param sourceId   the sender's own id of this response: sending it again is a no-op
     * @param survey     the id of the published survey version answered
     * @param touchpoint the touchpoint the answers are about
     * @param at         when it was answered, ISO-8601 with offset
     * @param person     the person's key, or null for an anonymous answer
     * @param language   nl or en (default nl)
     * @param answers    per question key the given values: a score, the chosen option values, or a text
     */
    public record AnswerInput(String sourceId, String survey, String touchpoint, String at, String person, String language,
            Map<String, List<String>> answers) {
    }

    private record Valid(int index, String sourceId, Survey survey, TouchpointId touchpoint, Instant at, PersonKey person,
            String language, AnswerSheet sheet) {
    }

    private record Cell(TouchpointId touchpoint, LocalDate day, String question, ScoreScale scale, int value) {
    }

    @Transactional
    public IngestReport ingest(List<AnswerInput> items) {
        if (items == null || items.isEmpty()) {
            throw InvalidInputException.of("items", "listening.invalid.items.none");
        }
        if (items.size() > MAX_BATCH) {
            throw InvalidInputException.of("items", "listening.invalid.items.tooMany", MAX_BATCH, items.size());
        }
        Instant now = clock.instant();
        Map<String, Optional<Survey>> surveyCache = new HashMap<>();
        Map<String, Boolean> touchpointCache = new HashMap<>();
        Set<String> seen = new HashSet<>();
        ItemOutcome[] outcomes = new ItemOutcome[items.size()];
        List<Valid> valid = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            AnswerInput item = items.get(i);
            List<FieldError> errors = new ArrayList<>();
            Valid checked = item == null ? null : validate(i, item, now, surveyCache, touchpointCache, errors);
            String sourceId = item == null ? null : item.sourceId();
            if (item == null) {
                outcomes[i] = ItemOutcome.rejected(i, null, List.of(FieldError.of("items[" + i + "]", "listening.invalid.items.empty")));
            } else if (!errors.isEmpty()) {
                outcomes[i] = ItemOutcome.rejected(i, sourceId, errors);
            } else if (!seen.add(checked.sourceId())) {
                outcomes[i] = ItemOutcome.duplicate(i, sourceId);
            } else {
                valid.add(checked);
            }
        }
        // An item received before whose answer has since lost its person (retention, erasure) was received: a duplicate.
        Set<String> goneRefs = gone.among(valid.stream().map(v -> "api:" + v.sourceId()).toList()).keySet();
        valid.removeIf(v -> {
            if (goneRefs.contains("api:" + v.sourceId())) {
                outcomes[v.index()] = ItemOutcome.duplicate(v.index(), v.sourceId());
                return true;
            }
            return false;
        });
        List<Valid> created = insert(valid);
        Set<Integer> createdIndexes = new HashSet<>();
        created.forEach(v -> createdIndexes.add(v.index()));
        for (Valid v : valid) {
            outcomes[v.index()] = createdIndexes.contains(v.index()) ? ItemOutcome.created(v.index(), v.sourceId())
                    : ItemOutcome.duplicate(v.index(), v.sourceId());
        }
        return IngestReport.of(List.of(outcomes));
    }

    private Valid validate(int index, AnswerInput item, Instant now, Map<String, Optional<Survey>> surveyCache,
            Map<String, Boolean> touchpointCache, List<FieldError> errors) {
        // Text no database can store (NUL) refuses this item alone, naming the field, before anything else reads it.
        List<FieldError> unstorable = StorableText.scan("", item);
        if (!unstorable.isEmpty()) {
            errors.addAll(unstorable);
            return null;
        }
        String sourceId = item.sourceId() == null ? "" : item.sourceId().strip();
        if (sourceId.isEmpty()) {
            errors.add(FieldError.of("sourceId", "listening.invalid.sourceId.required"));
        } else if (sourceId.length() > MAX_SOURCE_ID) {
            errors.add(FieldError.of("sourceId", "listening.invalid.atMost", MAX_SOURCE_ID));
        }
        Survey survey = null;
        if (item.survey() == null || item.survey().isBlank()) {
            errors.add(FieldError.of("survey", "listening.invalid.survey.required"));
        } else {
            Optional<Survey> found = surveyCache.computeIfAbsent(item.survey().strip(), this::survey);
            if (found.isEmpty()) {
                errors.add(FieldError.of("survey", "listening.invalid.survey.unknown", item.survey().strip()));
            } else if (found.get().status() == SurveyStatus.DRAFT) {
                errors.add(FieldError.of("survey", "listening.invalid.survey.draft"));
            } else {
                survey = found.get();
            }
        }
        TouchpointId touchpoint = null;
        if (item.touchpoint() == null || item.touchpoint().isBlank()) {
            errors.add(FieldError.of("touchpoint", "listening.invalid.touchpoint.required"));
        } else {
            try {
                touchpoint = TouchpointId.of(item.touchpoint().strip());
                TouchpointId id = touchpoint;
                if (!touchpointCache.computeIfAbsent(id.toString(), k -> touchpoints.byId(id).isPresent())) {
                    errors.add(FieldError.of("touchpoint", "listening.invalid.touchpoint.unknown", item.touchpoint().strip()));
                }
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("touchpoint", "listening.invalid.touchpointId", item.touchpoint().strip()));
            }
        }
        Instant at = null;
        if (item.at() == null || item.at().isBlank()) {
            errors.add(FieldError.of("at", "listening.invalid.at.required"));
        } else {
            try {
                at = OffsetDateTime.parse(item.at().strip()).toInstant();
                RecordedTimes.check("at", at, item.at().strip(), now).ifPresent(errors::add);
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("at", "listening.invalid.at.form", item.at().strip()));
            }
        }
        PersonKey person = null;
        if (item.person() != null && !item.person().isBlank()) {
            try {
                person = new PersonKey(item.person().strip());
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("person", "listening.invalid.person", item.person().strip()));
            }
        }
        String language = item.language() == null || item.language().isBlank() ? "nl" : item.language().strip();
        if (!language.equals("nl") && !language.equals("en")) {
            errors.add(FieldError.of("language", "listening.invalid.language"));
        }
        AnswerSheet sheet = null;
        if (survey != null) {
            try {
                sheet = AnswerSheet.read(survey.definition(), item.answers() == null ? Map.of() : item.answers(), true);
            } catch (InvalidInputException e) {
                e.errors().forEach(error -> errors.add(error.in("answers." + error.field())));
            }
        }
        return errors.isEmpty() ? new Valid(index, sourceId, survey, touchpoint, at, person, language, sheet) : null;
    }

    private Optional<Survey> survey(String id) {
        try {
            return surveys.byId(SurveyId.of(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Inserts the responses whose source is new, then their answers, scores and events; returns those created. */
    private List<Valid> insert(List<Valid> valid) {
        if (valid.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(valid.size());
        valid.forEach(v -> ids.add(UUID.randomUUID()));
        boolean[] inserted = jdbc.execute((ConnectionCallback<boolean[]>) connection -> isPostgres(connection)
                ? insertWithUnnest(connection, valid, ids) : insertWithBatch(connection, valid, ids));
        List<Valid> created = new ArrayList<>();
        List<UUID> createdIds = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            if (inserted[i]) {
                created.add(valid.get(i));
                createdIds.add(ids.get(i));
            }
        }
        ZoneId zone = organisations.current().timeZone();
        Map<Cell, Long> counts = new HashMap<>();
        List<ResponseCompleted> completions = new ArrayList<>(created.size());
        for (int i = 0; i < created.size(); i++) {
            Valid v = created.get(i);
            ResponseCompleted completed = AnswerRecording.describe(createdIds.get(i), v.survey().id(), v.person(), v.touchpoint(),
                    v.survey().definition(), v.sheet().answers(), v.at());
            LocalDate day = v.at().atZone(zone).toLocalDate();
            for (ResponseCompleted.Score score : completed.scores()) {
                counts.merge(new Cell(v.touchpoint(), day, score.questionKey(), score.type().scale(), score.value()), 1L, Long::sum);
            }
            completions.add(completed);
        }
        histograms.recordAll(counts.entrySet().stream().map(e -> new AnswerCount(e.getKey().touchpoint(), e.getKey().day(),
                e.getKey().question(), e.getKey().scale(), e.getKey().value(), e.getValue())).toList());
        // A few events of at most EVENT_SIZE responses: far fewer rows in the event log than one per answer,
        // and each small enough for the log's column.
        for (int from = 0; from < completions.size(); from += EVENT_SIZE) {
            events.publishEvent(new ResponsesCompleted(completions.subList(from, Math.min(completions.size(), from + EVENT_SIZE))));
        }
        return created;
    }

    private static final String RESPONSE_COLUMNS = "id, survey_id, touchpoint_id, person_key, source_ref, channel, language, status, "
            + "invited_at, started_at, completed_at";
    /**
     * On PostgreSQL each table gets one statement ({@code unnest} of arrays): this, not the JDBC batch, is what
     * keeps the API near a raw COPY. Other databases (H2) use a JDBC batch and its update counts.
     */
    private static final String POSTGRES_RESPONSES = "insert into listening_response (" + RESPONSE_COLUMNS + ") "
            + "select cast(i as uuid), cast(s as uuid), cast(t as uuid), p, r, 'IMPORT', l, 'COMPLETED', "
            + "cast(a as timestamp with time zone), cast(a as timestamp with time zone), cast(a as timestamp with time zone) "
            + "from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as u(i, s, t, p, r, l, a) "
            + "on conflict do nothing returning id";
    private static final String POSTGRES_ANSWERS = "insert into listening_answer (response_id, question_key, score, choices, text_value) "
            + "select cast(r as uuid), k, cast(n as integer), c, x from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
            + "as u(r, k, n, c, x)";
    private static final String PORTABLE_RESPONSES = "insert into listening_response (" + RESPONSE_COLUMNS + ") "
            + "values (?, ?, ?, ?, ?, 'IMPORT', ?, 'COMPLETED', ?, ?, ?) on conflict do nothing";
    private static final String PORTABLE_ANSWERS = "insert into listening_answer (response_id, question_key, score, choices, text_value) "
            + "values (?, ?, ?, ?, ?)";

    private volatile Boolean postgres;

    private boolean isPostgres(Connection connection) throws SQLException {
        if (postgres == null) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
        return postgres;
    }

    private static boolean[] insertWithUnnest(Connection connection, List<Valid> valid, List<UUID> ids) throws SQLException {
        int size = valid.size();
        String[][] columns = new String[7][size];
        for (int i = 0; i < size; i++) {
            Valid v = valid.get(i);
            columns[0][i] = ids.get(i).toString();
            columns[1][i] = v.survey().id().value().toString();
            columns[2][i] = v.touchpoint().value().toString();
            columns[3][i] = v.person() == null ? null : v.person().value();
            columns[4][i] = "api:" + v.sourceId();
            columns[5][i] = v.language();
            columns[6][i] = v.at().toString();
        }
        Set<UUID> created = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(POSTGRES_RESPONSES)) {
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 1, connection.createArrayOf("text", columns[c]));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    created.add(rows.getObject(1, UUID.class));
                }
            }
        }
        boolean[] inserted = new boolean[size];
        List<String[]> answers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            inserted[i] = created.contains(ids.get(i));
            if (inserted[i]) {
                for (GivenAnswer answer : valid.get(i).sheet().answers()) {
                    answers.add(new String[] {ids.get(i).toString(), answer.questionKey(),
                            answer.score() == null ? null : answer.score().toString(),
                            answer.choices().isEmpty() ? null : String.join("\n", answer.choices()), answer.text()});
                }
            }
        }
        if (!answers.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(POSTGRES_ANSWERS)) {
                for (int c = 0; c < 5; c++) {
                    String[] column = new String[answers.size()];
                    for (int r = 0; r < column.length; r++) {
                        column[r] = answers.get(r)[c];
                    }
                    statement.setArray(c + 1, connection.createArrayOf("text", column));
                }
                statement.executeUpdate();
            }
        }
        return inserted;
    }

    private static boolean[] insertWithBatch(Connection connection, List<Valid> valid, List<UUID> ids) throws SQLException {
        boolean[] inserted = new boolean[valid.size()];
        try (PreparedStatement statement = connection.prepareStatement(PORTABLE_RESPONSES)) {
            for (int i = 0; i < valid.size(); i++) {
                Valid v = valid.get(i);
                OffsetDateTime at = OffsetDateTime.ofInstant(v.at(), ZoneOffset.UTC);
                statement.setObject(1, ids.get(i));
                statement.setObject(2, v.survey().id().value());
                statement.setObject(3, v.touchpoint().value());
                statement.setString(4, v.person() == null ? null : v.person().value());
                statement.setString(5, "api:" + v.sourceId());
                statement.setString(6, v.language());
                statement.setObject(7, at);
                statement.setObject(8, at);
                statement.setObject(9, at);
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                inserted[i] = counts[i] > 0;
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(PORTABLE_ANSWERS)) {
            for (int i = 0; i < valid.size(); i++) {
                if (!inserted[i]) {
                    continue;
                }
                for (GivenAnswer answer : valid.get(i).sheet().answers()) {
                    statement.setObject(1, ids.get(i));
                    statement.setString(2, answer.questionKey());
                    statement.setObject(3, answer.score());
                    statement.setString(4, answer.choices().isEmpty() ? null : String.join("\n", answer.choices()));
                    statement.setString(5, answer.text());
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
        return inserted;
    }
}
