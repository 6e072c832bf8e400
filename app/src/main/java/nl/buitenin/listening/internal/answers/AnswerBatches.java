package nl.buitenin.listening.internal.answers;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.journey.StaffFields;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.ResponsesCompleted;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyStatus;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.platform.IngestReport.ItemOutcome;
import nl.buitenin.platform.EventBacklog;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RecordedTimes;
import nl.buitenin.platform.StorableText;
import nl.buitenin.privacy.PersonKey;

/**
 * Answers collected elsewhere (a kiosk, a call-centre script, another survey tool's webhook) sent in
 * batches of up to {@value #MAX_BATCH}. One transaction per batch: every item is validated against its
 * survey version like an answer on the page; the valid ones whose source id is new are completed through the one
 * path of completed responses ({@link Completions}: two statements on PostgreSQL, the scores added to the histograms
 * once per distinct count row, a few {@link ResponsesCompleted} events), so case rules apply exactly as for page
 * answers.
 * A retried batch creates nothing and reports every item as a duplicate, also once retention or erasure has let
 * go of the person of an item (see {@link GoneSources}).
 */
@Service
public class AnswerBatches {

    public static final int MAX_BATCH = 10_000;
    /** The stored source reference is "api:" plus this; the column holds 200 characters. */
    static final int MAX_SOURCE_ID = 150;

    private final JdbcSurveys surveys;
    private final Touchpoints touchpoints;
    private final Completions completions;
    private final GoneSources gone;
    private final Clock clock;
    private final EventBacklog backlog;
    private final TransactionTemplate transactions;

    AnswerBatches(JdbcSurveys surveys, Touchpoints touchpoints, Completions completions, GoneSources gone, Clock clock,
            EventBacklog backlog, PlatformTransactionManager transactions) {
        this.gone = gone;
        this.surveys = surveys;
        this.touchpoints = touchpoints;
        this.completions = completions;
        this.clock = clock;
        this.backlog = backlog;
        this.transactions = new TransactionTemplate(transactions);
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
     * @param staff      the pseudonymous reference of the staff member who served the person ({@link StaffFields}), or null
     * @param team       the team of that staff member, or null
     */
    public record AnswerInput(String sourceId, String survey, String touchpoint, String at, String person, String language,
            Map<String, List<String>> answers, @Nullable String staff, @Nullable String team) {

        /** An answered survey without staff and team. */
        public AnswerInput(String sourceId, String survey, String touchpoint, String at, String person, String language,
                Map<String, List<String>> answers) {
            this(sourceId, survey, touchpoint, at, person, language, answers, null, null);
        }
    }

    private record Valid(int index, String sourceId, Survey survey, TouchpointId touchpoint, Instant at, PersonKey person,
            String language, AnswerSheet sheet, @Nullable String staff, @Nullable String team) {
    }

    /** Waits for room in the listeners' backlog (HTTP and Kafka both come here), then stores the batch in one transaction. */
    public IngestReport ingest(List<AnswerInput> items) {
        backlog.awaitRoom();
        return transactions.execute(status -> store(items));
    }

    private IngestReport store(List<AnswerInput> items) {
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
        StaffFields.staffError("staff", item.staff()).ifPresent(errors::add);
        StaffFields.teamError("team", item.team()).ifPresent(errors::add);
        AnswerSheet sheet = null;
        if (survey != null) {
            try {
                sheet = AnswerSheet.read(survey.definition(), item.answers() == null ? Map.of() : item.answers(), true);
            } catch (InvalidInputException e) {
                e.errors().forEach(error -> errors.add(error.in("answers." + error.field())));
            }
        }
        return errors.isEmpty() ? new Valid(index, sourceId, survey, touchpoint, at, person, language, sheet,
                StaffFields.given(item.staff()), StaffFields.given(item.team())) : null;
    }

    private Optional<Survey> survey(String id) {
        try {
            return surveys.byId(SurveyId.of(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Completes the responses whose source is new through the one path; returns those created. */
    private List<Valid> insert(List<Valid> valid) {
        List<Completions.Completion> batch = new ArrayList<>(valid.size());
        for (Valid v : valid) {
            batch.add(Completions.Completion.received(v.survey(), v.touchpoint(), v.person(), "api:" + v.sourceId(),
                    ResponseChannel.IMPORT, v.language(), v.sheet().answers(), v.at(), v.staff(), v.team()));
        }
        List<Optional<CompletedResponse>> completed = completions.complete(batch);
        List<Valid> created = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            if (completed.get(i).isPresent()) {
                created.add(valid.get(i));
            }
        }
        return created;
    }
}
