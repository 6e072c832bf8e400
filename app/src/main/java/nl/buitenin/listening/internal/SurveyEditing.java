package nl.buitenin.listening.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.listening.SurveyId;
import nl.buitenin.listening.SurveyPublished;
import nl.buitenin.platform.ConflictException;
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

    /**
     * What still speaks against publishing a draft: advice on its wording that is still open, and no touchpoint chosen
     * (the survey would then follow no contact at all). Publishing anyway is allowed, once the writer has seen it.
     */
    public record OpenPoints(List<QuestionAdvice> advice, boolean noTouchpoint) {
        public boolean isEmpty() {
            return advice.isEmpty() && !noTouchpoint;
        }
    }

    public OpenPoints openPoints(SurveyId id) {
        return openPoints(find(id));
    }

    private OpenPoints openPoints(Survey survey) {
        return new OpenPoints(review.review(survey.definition()), survey.definition().touchpoints().isEmpty());
    }

    /**
     * Publishes a draft. Unless {@code acknowledged}, a draft with open advice or without a touchpoint is refused with
     * a conflict that names both (the editor asks for confirmation first; API callers pass {@code acknowledgeAdvice}).
     */
    @Transactional
    public Survey publish(SurveyId id, boolean acknowledged) {
        Survey survey = find(id);
        if (!acknowledged && !survey.isPublished()) {
            OpenPoints open = openPoints(survey);
            if (!open.advice().isEmpty() && open.noTouchpoint()) {
                throw new ConflictException("listening.conflict.openAdviceNoTouchpoint", open.advice().size());
            }
            if (!open.advice().isEmpty()) {
                throw new ConflictException("listening.conflict.openAdvice", open.advice().size());
            }
            if (open.noTouchpoint()) {
                throw new ConflictException("listening.conflict.noTouchpoint");
            }
        }
        return publish(survey);
    }

    /** Publishes as it stands, for the demo, whose surveys keep their wording on purpose. */
    @Transactional
    public Survey publish(SurveyId id) {
        return publish(find(id));
    }

    private Survey publish(Survey survey) {
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
