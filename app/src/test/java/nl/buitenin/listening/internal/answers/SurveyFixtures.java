package nl.buitenin.listening.internal.answers;

import java.util.List;

import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.AnswerOption;
import nl.buitenin.listening.internal.LocalizedText;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyQuestion;

/** Surveys in Buitenpad's words, for tests. */
public final class SurveyFixtures {

    private SurveyFixtures() {
    }

    /** The evaluation after a walking holiday: recommend (0-10, required), the pace, and what could be better. */
    public static SurveyDefinition tripEvaluation() {
        return new SurveyDefinition(
                new LocalizedText("Uw wandelreis", "Your walking holiday"), null,
                List.of(new SurveyQuestion("nps", QuestionType.NPS,
                                new LocalizedText("Hoe waarschijnlijk is het dat u ons aanbeveelt?", "How likely are you to recommend us?"), List.of(), true),
                        new SurveyQuestion("tempo", QuestionType.SINGLE_CHOICE, new LocalizedText("Het tempo was", "The pace was"),
                                List.of(new AnswerOption("te-langzaam", new LocalizedText("te langzaam", "too slow")),
                                        new AnswerOption("goed", new LocalizedText("goed", "right")),
                                        new AnswerOption("te-snel", new LocalizedText("te snel", "too fast"))), false),
                        new SurveyQuestion("beter", QuestionType.OPEN_TEXT,
                                new LocalizedText("Wat kunnen we beter doen?", "What could we do better?"), List.of(), false)),
                new LocalizedText("Bedankt. We lezen elke opmerking.", "Thank you. We read every comment."), List.of(), List.of());
    }
}
