package nl.buitenin.listening.internal;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.listening.QuestionDrafts;
import nl.buitenin.listening.QuestionType;

/** Drafts of one agreement question through {@link SurveyEditing}, so the question checker reads them like any survey. */
@Service
class SurveyQuestionDrafts implements QuestionDrafts {

    static final String KEY = "agree";

    private final SurveyEditing editing;

    SurveyQuestionDrafts(SurveyEditing editing) {
        this.editing = editing;
    }

    @Override
    @Transactional
    public Draft draft(NewQuestion question) {
        SurveyDefinition definition = new SurveyDefinition(new LocalizedText(question.titleNl(), question.titleEn()), LocalizedText.empty(),
                List.of(new SurveyQuestion(KEY, QuestionType.RATING_5, new LocalizedText(question.questionNl(), question.questionEn()),
                        List.of(), true)),
                new LocalizedText(question.closingNl(), question.closingEn()), question.touchpoints(), List.of());
        SurveyEditing.Saved saved = editing.create(definition);
        return new Draft(saved.survey().id(), KEY, saved.advice().stream()
                .map(a -> new Advice(a.explanation("nl"), a.explanation("en"))).toList());
    }
}
