package nl.buitenin.listening.internal.answers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.platform.EventChunks;
import nl.buitenin.insight.AnswerCount;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.ResponsesCompleted;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.listening.internal.CaseRule;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.PersonKey;

/**
 * The one path of a completed response, whichever way it came in: the answer page and the widget (a batch of one),
 * the answers API, answer imports and the demo's history. In the caller's transaction it stores the responses and
 * their answers ({@link JdbcResponses#complete}, the one writer), adds their scores to the additive histograms once
 * per distinct count row, and publishes them as {@link ResponsesCompleted} events of at most {@value #EVENT_SIZE}
 * responses, so the journey map, the case rules and the answers can never disagree. The answers are checked by the
 * caller against the survey version ({@link AnswerSheet}).
 */
@Service
public class Completions {

    /**
     * Responses per published event, at most (fewer when their JSON would not fit the event log: {@link EventChunks}): far
     * fewer rows in the event log than one per answer.
     */
    static final int EVENT_SIZE = 500;
    /** Characters of a {@code ResponsesCompleted} event besides its responses: its field name and brackets. */
    static final int EVENT_OVERHEAD = 100;

    private final JdbcResponses responses;
    private final ScoreHistograms histograms;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;

    Completions(JdbcResponses responses, ScoreHistograms histograms, Organisations organisations, ApplicationEventPublisher events) {
        this.responses = responses;
        this.histograms = histograms;
        this.organisations = organisations;
        this.events = events;
    }

    /** A response to complete: the survey version its answers were checked against, and where it is stored. */
    public record Completion(JdbcResponses.Completing stored, SurveyDefinition definition) {

        /** A response that was invited (or opened by the widget) and is answered now. */
        public static Completion ofInvited(Response response, Survey survey, List<GivenAnswer> answers, Instant at) {
            return new Completion(new JdbcResponses.Completing(response.id(), true, response.survey(), response.touchpoint(),
                    response.person(), response.sourceRef(), response.channel(), response.language(), response.invitedAt(),
                    response.expiresAt(), at, answers), survey.definition());
        }

        /**
         * A response received complete, stored at once: invited, started and completed at {@code at}. A source that has a
         * response already keeps it: the batch leaves this one out.
         */
        public static Completion received(Survey survey, TouchpointId touchpoint, PersonKey person, String sourceRef,
                ResponseChannel channel, String language, List<GivenAnswer> answers, Instant at) {
            return invitedAndReceived(survey, touchpoint, person, sourceRef, channel, language, at, null, answers, at);
        }

        /** As {@link #received}, about a contact in which {@code staff} of {@code team} served the person (either may be null). */
        public static Completion received(Survey survey, TouchpointId touchpoint, PersonKey person, String sourceRef,
                ResponseChannel channel, String language, List<GivenAnswer> answers, Instant at, @Nullable String staff,
                @Nullable String team) {
            return invitedAndReceived(survey, touchpoint, person, sourceRef, channel, language, at, null, answers, at, staff, team);
        }

        /** A received response that was invited before it was answered (the demo's history). */
        public static Completion invitedAndReceived(Survey survey, TouchpointId touchpoint, PersonKey person, String sourceRef,
                ResponseChannel channel, String language, Instant invitedAt, Instant expiresAt, List<GivenAnswer> answers, Instant at) {
            return invitedAndReceived(survey, touchpoint, person, sourceRef, channel, language, invitedAt, expiresAt, answers, at, null, null);
        }

        /** A received response that was invited before it was answered, with who served the person (either may be null). */
        public static Completion invitedAndReceived(Survey survey, TouchpointId touchpoint, PersonKey person, String sourceRef,
                ResponseChannel channel, String language, Instant invitedAt, Instant expiresAt, List<GivenAnswer> answers, Instant at,
                @Nullable String staff, @Nullable String team) {
            return new Completion(new JdbcResponses.Completing(UUID.randomUUID(), false, survey.id(), touchpoint, person, sourceRef,
                    channel, language, invitedAt, expiresAt, at, answers, staff, team), survey.definition());
        }
    }

    private record Cell(TouchpointId touchpoint, LocalDate day, String question, ScoreScale scale, int value) {
    }

    /**
     * Completes the batch and publishes it. Returns, per item in the order given, what the other modules learn of it,
     * or empty when it was not completed now (its source has a response already, or it was completed meanwhile).
     */
    @Transactional
    public List<Optional<CompletedResponse>> complete(List<Completion> batch) {
        List<Optional<CompletedResponse>> outcome = store(batch);
        List<CompletedResponse> completed = outcome.stream().flatMap(Optional::stream).toList();
        // Each event small enough for the event log too: a long survey's scores and summary make a response a few kB.
        for (List<CompletedResponse> chunk : EventChunks.of(completed, EVENT_SIZE, EVENT_OVERHEAD, CompletedResponse::storedLengthAtMost)) {
            events.publishEvent(new ResponsesCompleted(chunk));
        }
        return outcome;
    }

    /**
     * Completes the batch as history (the demo): stored and counted exactly as {@link #complete}, but not published, as
     * the demo's interactions are not; the demo hands the responses that meet a case rule to the loop step itself.
     */
    @Transactional
    public List<Optional<CompletedResponse>> replay(List<Completion> batch) {
        return store(batch);
    }

    private List<Optional<CompletedResponse>> store(List<Completion> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Map<UUID, Instant> createdAt = responses.complete(batch.stream().map(Completion::stored).toList());
        ZoneId zone = organisations.current().timeZone();
        Map<Cell, Long> counts = new HashMap<>();
        List<Optional<CompletedResponse>> outcome = new ArrayList<>(batch.size());
        for (Completion completion : batch) {
            JdbcResponses.Completing c = completion.stored();
            if (!createdAt.containsKey(c.id())) {
                outcome.add(Optional.empty());
                continue;
            }
            CompletedResponse completed = describe(c.id(), c.survey(), c.person(), c.touchpoint(), completion.definition(),
                    c.answers(), c.at(), createdAt.get(c.id()));
            if (c.touchpoint() != null) {
                LocalDate day = c.at().atZone(zone).toLocalDate();
                for (CompletedResponse.Score score : completed.scores()) {
                    counts.merge(new Cell(c.touchpoint(), day, score.questionKey(), score.type().scale(), score.value()), 1L, Long::sum);
                }
            }
            outcome.add(Optional.of(completed));
        }
        if (!counts.isEmpty()) {
            histograms.recordAll(counts.entrySet().stream().map(e -> new AnswerCount(e.getKey().touchpoint(), e.getKey().day(),
                    e.getKey().question(), e.getKey().scale(), e.getKey().value(), e.getValue())).toList());
        }
        return outcome;
    }

    /** What the other modules learn of a completed response: its scores, a summary without free text, the case rules it meets. */
    static CompletedResponse describe(UUID responseId, SurveyId survey, PersonKey person, TouchpointId touchpoint,
            SurveyDefinition definition, List<GivenAnswer> answers, Instant at, Instant createdAt) {
        List<CompletedResponse.Score> scores = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (GivenAnswer answer : answers) {
            SurveyQuestion question = definition.question(answer.questionKey()).orElseThrow();
            if (answer.score() != null) {
                scores.add(new CompletedResponse.Score(answer.questionKey(), question.type(), answer.score()));
                summary.add(answer.questionKey() + " " + answer.score());
            } else if (!answer.choices().isEmpty()) {
                summary.add(answer.questionKey() + ": " + String.join(", ", answer.choices()));
            }
        }
        List<String> matched = new ArrayList<>();
        for (CaseRule rule : definition.caseRules()) {
            answers.stream().filter(a -> a.questionKey().equals(rule.question())).findFirst()
                    .filter(a -> rule.opensCaseFor(a.asValue()))
                    .ifPresent(a -> matched.add(rule.when().name() + ":" + rule.question()));
        }
        return new CompletedResponse(responseId, "answer:" + responseId, survey, person, touchpoint, scores, matched,
                String.join(" · ", summary), at, createdAt);
    }
}
