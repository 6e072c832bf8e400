package nl.buitenin.listening.internal.answers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.ResponseCompleted;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.listening.internal.CaseRule;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.privacy.PersonKey;

/**
 * Stores answers. Saving keeps a partial response; sending completes it, and in the same transaction
 * counts each score in the additive histograms and publishes {@link ResponseCompleted}, so the journey
 * map, the case rules and the answers can never disagree. A completed response does not change again.
 */
@Service
public class AnswerRecording {

    private final JdbcResponses responses;
    private final JdbcSurveys surveys;
    private final ScoreHistograms histograms;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AnswerRecording(JdbcResponses responses, JdbcSurveys surveys, ScoreHistograms histograms, Organisations organisations,
            ApplicationEventPublisher events, Clock clock) {
        this.responses = responses;
        this.surveys = surveys;
        this.histograms = histograms;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    /** Saves what was filled in so far; the person can come back with the same link. */
    @Transactional
    public void saveDraft(UUID responseId, Map<String, List<String>> raw) {
        Response response = open(responseId);
        Survey survey = surveyOf(response);
        AnswerSheet sheet = AnswerSheet.read(survey.definition(), raw, false);
        if (!responses.saveAnswers(responseId, sheet.answers(), ResponseStatus.STARTED, clock.instant())) {
            throw new ConflictException("listening.conflict.responseSent");
        }
    }

    /** Completes the response with all required answers, at the current time. */
    @Transactional
    public ResponseCompleted complete(UUID responseId, Map<String, List<String>> raw) {
        return complete(responseId, raw, clock.instant());
    }

    /** Completes the response at a given moment (imports and the demo replay history). */
    @Transactional
    public ResponseCompleted complete(UUID responseId, Map<String, List<String>> raw, Instant at) {
        Response response = open(responseId);
        Survey survey = surveyOf(response);
        AnswerSheet sheet = AnswerSheet.read(survey.definition(), raw, true);
        if (!responses.saveAnswers(responseId, sheet.answers(), ResponseStatus.COMPLETED, at)) {
            throw new ConflictException("listening.conflict.responseSent");
        }
        LocalDate day = at.atZone(organisations.current().timeZone()).toLocalDate();
        ResponseCompleted completed = describe(responseId, response.survey(), response.person(), response.touchpoint(),
                survey.definition(), sheet.answers(), at);
        if (response.touchpoint() != null) {
            for (ResponseCompleted.Score score : completed.scores()) {
                histograms.record(response.touchpoint(), day, score.questionKey(), score.type().scale(), score.value());
            }
        }
        events.publishEvent(completed);
        return completed;
    }

    /**
     * What the other modules learn of a completed response: its scores, a summary without free text, and
     * the survey's case rules it meets. Shared with the demo, so that its history meets the same rules.
     */
    static ResponseCompleted describe(UUID responseId, SurveyId survey, PersonKey person, TouchpointId touchpoint,
            SurveyDefinition definition, List<GivenAnswer> answers, Instant at) {
        List<ResponseCompleted.Score> scores = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (GivenAnswer answer : answers) {
            SurveyQuestion question = definition.question(answer.questionKey()).orElseThrow();
            if (answer.score() != null) {
                scores.add(new ResponseCompleted.Score(answer.questionKey(), question.type(), answer.score()));
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
        return new ResponseCompleted(responseId, "answer:" + responseId, survey, person, touchpoint, scores, matched,
                String.join(" · ", summary), at);
    }

    private Response open(UUID responseId) {
        Response response = responses.byId(responseId).orElseThrow(() -> new NotFoundException("listening.thing.response", responseId));
        if (response.isCompleted()) {
            throw new ConflictException("listening.conflict.responseSent");
        }
        return response;
    }

    private Survey surveyOf(Response response) {
        return surveys.byId(response.survey()).orElseThrow(() -> new NotFoundException("listening.thing.survey", response.survey()));
    }
}
