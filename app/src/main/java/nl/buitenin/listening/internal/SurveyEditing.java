package nl.buitenin.listening.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.listening.SurveyId;
import nl.buitenin.listening.SurveyPublished;
import nl.buitenin.platform.NotFoundException;

/**
 * Writing, publishing and revising surveys. Every save returns the checker's advice, so the editor
 * shows it next to each question each time.
 */
@Service
public class SurveyEditing {

    /** A survey as saved, with the advice on its wording. */
    public record Saved(Survey survey, List<QuestionAdvice> advice) {
    }

    private final JdbcSurveys surveys;
    private final SurveyReview review;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SurveyTouchpointCheck touchpointCheck;

    SurveyEditing(JdbcSurveys surveys, SurveyReview review, ApplicationEventPublisher events, Clock clock,
            SurveyTouchpointCheck touchpointCheck) {
        this.surveys = surveys;
        this.touchpointCheck = touchpointCheck;
        this.review = review;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Saved create(SurveyDefinition definition) {
        touchpointCheck.check(definition.touchpoints(), List.of());
        Survey survey = Survey.draft(definition, clock.instant());
        surveys.add(survey);
        return new Saved(survey, review.review(definition));
    }

    @Transactional
    public Saved edit(SurveyId id, SurveyDefinition definition) {
        Survey survey = find(id);
        touchpointCheck.check(definition.touchpoints(), survey.definition().touchpoints());
        survey.edit(definition);
        surveys.update(survey);
        return new Saved(survey, review.review(definition));
    }

    @Transactional
    public Survey publish(SurveyId id) {
        Survey survey = find(id);
        survey.publish(clock.instant());
        surveys.update(survey);
        events.publishEvent(new SurveyPublished(survey.id(), survey.lineage(), survey.version(), survey.definition().touchpoints(),
                survey.publishedAt()));
        return survey;
    }

    @Transactional
    public Survey revise(SurveyId id) {
        Survey next = find(id).revise(clock.instant());
        surveys.add(next);
        return next;
    }

    public Saved show(SurveyId id) {
        Survey survey = find(id);
        return new Saved(survey, review.review(survey.definition()));
    }

    private Survey find(SurveyId id) {
        return surveys.byId(id).orElseThrow(() -> new NotFoundException("listening.thing.survey", id));
    }
}
