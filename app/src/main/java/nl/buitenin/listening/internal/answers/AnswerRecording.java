package nl.buitenin.listening.internal.answers;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.ResponsesCompleted;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.NotFoundException;

/**
 * Stores answers given on the answer page or through the widget. Saving keeps a partial response; sending completes it
 * through the one path of completed responses ({@link Completions}, as a batch of one), which in the same transaction
 * counts each score in the additive histograms and publishes {@link ResponsesCompleted}, so the journey map, the case
 * rules and the answers can never disagree. A completed response does not change again.
 */
@Service
public class AnswerRecording {

    private final JdbcResponses responses;
    private final JdbcSurveys surveys;
    private final Completions completions;
    private final Clock clock;

    AnswerRecording(JdbcResponses responses, JdbcSurveys surveys, Completions completions, Clock clock) {
        this.responses = responses;
        this.surveys = surveys;
        this.completions = completions;
        this.clock = clock;
    }

    /** Saves what was filled in so far; the person can come back with the same link. */
    @Transactional
    public void saveDraft(UUID responseId, Map<String, List<String>> raw) {
        Response response = open(responseId);
        Survey survey = surveyOf(response);
        AnswerSheet sheet = AnswerSheet.read(survey.definition(), raw, false);
        if (!responses.saveDraft(responseId, sheet.answers(), clock.instant())) {
            throw new ConflictException("listening.conflict.responseSent");
        }
    }

    /** Completes the response with all required answers, at the current time. */
    @Transactional
    public CompletedResponse complete(UUID responseId, Map<String, List<String>> raw) {
        Response response = open(responseId);
        Survey survey = surveyOf(response);
        AnswerSheet sheet = AnswerSheet.read(survey.definition(), raw, true);
        return completions.complete(List.of(Completions.Completion.ofInvited(response, survey, sheet.answers(), clock.instant())))
                .get(0).orElseThrow(() -> new ConflictException("listening.conflict.responseSent"));
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
