package nl.buitenin.listening;

import java.util.List;

import nl.buitenin.journey.TouchpointId;

/**
 * A draft survey of one agreement question, for a module that turns a doubt into a question (an assumption not yet
 * testable). The draft goes through the question checker like any survey; it is saved as a draft, and the analyst
 * publishes it through the normal survey flow, after reading the checker's advice.
 */
public interface QuestionDrafts {

    /** The question in both languages, asked on a 1-to-5 scale (1 disagree, 5 agree), at the given touchpoints. */
    record NewQuestion(String titleNl, String titleEn, String questionNl, String questionEn, String closingNl, String closingEn,
            List<TouchpointId> touchpoints) {

        public NewQuestion {
            touchpoints = List.copyOf(touchpoints);
        }
    }

    /** One finding of the question checker, explained in both languages. */
    record Advice(String explanationNl, String explanationEn) {
    }

    /** The draft survey, the key of its question, and the checker's advice on its wording (empty when it found nothing). */
    record Draft(SurveyId survey, String questionKey, List<Advice> advice) {

        public Draft {
            advice = List.copyOf(advice);
        }
    }

    /** Saves the draft survey; refused with the field named (questions[0].text.nl, ...) when a text is missing or too long. */
    Draft draft(NewQuestion question);
}
