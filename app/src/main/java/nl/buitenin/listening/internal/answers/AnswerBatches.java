package nl.buitenin.listening.internal.answers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.listening.ResponseCompleted;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyStatus;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.platform.IngestReport.ItemOutcome;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.privacy.PersonKey;

/**
 * Answers collected elsewhere (a kiosk, a call-centre script, another survey tool's webhook) sent in
 * batches of up to {@value #MAX_BATCH}. One transaction per batch: every item is validated against its
 * survey version like an answer on the page; the valid ones whose source id is new are inserted with two
 * batched statements, their scores are added to the histograms once per distinct count row, and each
 * new response is published as {@link ResponseCompleted} so case rules apply exactly as for page answers.
 * A retried batch creates nothing and reports every item as a duplicate.
 */
@Service
public class AnswerBatches {

    public static final int MAX_BATCH = 10_000;
    /** Clocks of sending systems drift; a few minutes ahead is not a mistake worth refusing. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    /** The stored source reference is "api:" plus this; the column holds 200 characters. */
    static final int MAX_SOURCE_ID = 150;

    private final JdbcTemplate jdbc;
    private final JdbcSurveys surveys;
    private final Touchpoints touchpoints;
    private final ScoreHistograms histograms;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AnswerBatches(JdbcTemplate jdbc, JdbcSurveys surveys, Touchpoints touchpoints, ScoreHistograms histograms,
            Organisations organisations, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
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
            throw new InvalidInputException("items", "send at least one answered survey");
        }
        if (items.size() > MAX_BATCH) {
            throw new InvalidInputException("items", "at most " + MAX_BATCH + " per batch, got " + items.size());
        }
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        Map<String, Optional<Survey>> surveyCache = new HashMap<>();
        Map<String, Boolean> touchpointCache = new HashMap<>();
        Set<String> seen = new HashSet<>();
        ItemOutcome[] outcomes = new ItemOutcome[items.size()];
        List<Valid> valid = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            AnswerInput item = items.get(i);
            List<FieldError> errors = new ArrayList<>();
            Valid checked = item == null ? null : validate(i, item, latest, surveyCache, touchpointCache, errors);
            String sourceId = item == null ? null : item.sourceId();
            if (item == null) {
                outcomes[i] = ItemOutcome.rejected(i, null, List.of(new FieldError("items[" + i + "]", "is empty")));
            } else if (!errors.isEmpty()) {
                outcomes[i] = ItemOutcome.rejected(i, sourceId, errors);
            } else if (!seen.add(checked.sourceId())) {
                outcomes[i] = ItemOutcome.duplicate(i, sourceId);
            } else {
                valid.add(checked);
            }
        }
        List<Valid> created = insert(valid);
        Set<Integer> createdIndexes = new HashSet<>();
        created.forEach(v -> createdIndexes.add(v.index()));
        for (Valid v : valid) {
            outcomes[v.index()] = createdIndexes.contains(v.index()) ? ItemOutcome.created(v.index(), v.sourceId())
                    : ItemOutcome.duplicate(v.index(), v.sourceId());
        }
        return IngestReport.of(List.of(outcomes));
    }

    private Valid validate(int index, AnswerInput item, Instant latest, Map<String, Optional<Survey>> surveyCache,
            Map<String, Boolean> touchpointCache, List<FieldError> errors) {
        String sourceId = item.sourceId() == null ? "" : item.sourceId().strip();
        if (sourceId.isEmpty()) {
            errors.add(new FieldError("sourceId", "is required: your own id of this response, so a retry creates nothing"));
        } else if (sourceId.length() > MAX_SOURCE_ID) {
            errors.add(new FieldError("sourceId", "is at most " + MAX_SOURCE_ID + " characters"));
        }
        Survey survey = null;
        if (item.survey() == null || item.survey().isBlank()) {
            errors.add(new FieldError("survey", "is required: the id of the survey version answered"));
        } else {
            Optional<Survey> found = surveyCache.computeIfAbsent(item.survey().strip(), this::survey);
            if (found.isEmpty()) {
                errors.add(new FieldError("survey", "'" + item.survey().strip() + "' is not a survey"));
            } else if (found.get().status() == SurveyStatus.DRAFT) {
                errors.add(new FieldError("survey", "is a draft; only a published version can have answers"));
            } else {
                survey = found.get();
            }
        }
        TouchpointId touchpoint = null;
        if (item.touchpoint() == null || item.touchpoint().isBlank()) {
            errors.add(new FieldError("touchpoint", "is required: the touchpoint the answers are about"));
        } else {
            try {
                touchpoint = TouchpointId.of(item.touchpoint().strip());
                TouchpointId id = touchpoint;
                if (!touchpointCache.computeIfAbsent(id.toString(), k -> touchpoints.byId(id).isPresent())) {
                    errors.add(new FieldError("touchpoint", "'" + item.touchpoint().strip() + "' is not a known touchpoint"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("touchpoint", "'" + item.touchpoint().strip() + "' is not a touchpoint id"));
            }
        }
        Instant at = null;
        if (item.at() == null || item.at().isBlank()) {
            errors.add(new FieldError("at", "is required: when it was answered, such as 2026-11-23T10:15:00+01:00"));
        } else {
            try {
                at = OffsetDateTime.parse(item.at().strip()).toInstant();
                if (at.isAfter(latest)) {
                    errors.add(new FieldError("at", "lies in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("at", "'" + item.at().strip() + "' is not a time with an offset, such as 2026-11-23T10:15:00+01:00"));
            }
        }
        PersonKey person = null;
        if (item.person() != null && !item.person().isBlank()) {
            try {
                person = new PersonKey(item.person().strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("person", e.getMessage()));
            }
        }
        String language = item.language() == null || item.language().isBlank() ? "nl" : item.language().strip();
        if (!language.equals("nl") && !language.equals("en")) {
            errors.add(new FieldError("language", "is nl or en"));
        }
        AnswerSheet sheet = null;
        if (survey != null) {
            try {
                sheet = AnswerSheet.read(survey.definition(), item.answers() == null ? Map.of() : item.answers(), true);
            } catch (InvalidInputException e) {
                e.errors().forEach(error -> errors.add(new FieldError("answers." + error.field(), error.message())));
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
        List<Object[]> rows = new ArrayList<>(valid.size());
        for (Valid v : valid) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            Timestamp at = Timestamp.from(v.at());
            rows.add(new Object[] {id, v.survey().id().value(), v.touchpoint().value(), v.person() == null ? null : v.person().value(),
                    "api:" + v.sourceId(), ResponseChannel.IMPORT.name(), v.language(), ResponseStatus.COMPLETED.name(), at, at, at});
        }
        int[] inserted = jdbc.batchUpdate("insert into listening_response (id, survey_id, touchpoint_id, person_key, source_ref, "
                + "channel, language, status, invited_at, started_at, completed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict do nothing", rows);
        List<Valid> created = new ArrayList<>();
        List<UUID> createdIds = new ArrayList<>();
        List<Object[]> answers = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            if (inserted[i] != 1) {
                continue;
            }
            created.add(valid.get(i));
            createdIds.add(ids.get(i));
            for (GivenAnswer answer : valid.get(i).sheet().answers()) {
                answers.add(new Object[] {ids.get(i), answer.questionKey(), answer.score(),
                        answer.choices().isEmpty() ? null : String.join("\n", answer.choices()), answer.text()});
            }
        }
        jdbc.batchUpdate("insert into listening_answer (response_id, question_key, score, choices, text_value) values (?, ?, ?, ?, ?)",
                answers);
        ZoneId zone = organisations.current().timeZone();
        Map<Cell, Long> counts = new HashMap<>();
        List<ResponseCompleted> completions = new ArrayList<>(created.size());
        for (int i = 0; i < created.size(); i++) {
            Valid v = created.get(i);
            ResponseCompleted completed = AnswerRecording.completion(v.survey(), createdIds.get(i), v.person(), v.touchpoint(),
                    v.sheet().answers(), v.at());
            LocalDate day = v.at().atZone(zone).toLocalDate();
            for (ResponseCompleted.Score score : completed.scores()) {
                counts.merge(new Cell(v.touchpoint(), day, score.questionKey(), score.type().scale(), score.value()), 1L, Long::sum);
            }
            completions.add(completed);
        }
        counts.forEach((cell, count) -> histograms.record(cell.touchpoint(), cell.day(), cell.question(), cell.scale(), cell.value(), count));
        completions.forEach(events::publishEvent);
        return created;
    }
}
