package nl.buitenin.listening.internal.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.AnswerOption;
import nl.buitenin.listening.internal.LocalizedText;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.platform.InvalidInputException;

class AnswerSheetTest {

    static final SurveyDefinition TRIP = SurveyFixtures.tripEvaluation();

    @Test
    void readsScoresChoicesAndText() {
        AnswerSheet sheet = AnswerSheet.read(TRIP, Map.of("nps", List.of("9"), "tempo", List.of("te-snel"),
                "beter", List.of("Een rustiger groep")), true);
        assertThat(sheet.answers()).containsExactly(GivenAnswer.score("nps", 9), GivenAnswer.choices("tempo", List.of("te-snel")),
                GivenAnswer.text("beter", "Een rustiger groep"));
    }

    @Test
    void aPartialSheetMayLeaveRequiredQuestionsOpenACompleteOneMayNot() {
        assertThat(AnswerSheet.read(TRIP, Map.of("tempo", List.of("goed")), false).answers()).hasSize(1);
        assertThatThrownBy(() -> AnswerSheet.read(TRIP, Map.of("tempo", List.of("goed")), true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("nps"));
    }

    @Test
    void namesEveryQuestionWithAnImpossibleAnswer() {
        assertThatThrownBy(() -> AnswerSheet.read(TRIP, Map.of("nps", List.of("11"), "tempo", List.of("heel-snel"),
                "leeftijd", List.of("40")), true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactlyInAnyOrder("leeftijd", "nps", "tempo"));
        assertThatThrownBy(() -> AnswerSheet.read(TRIP, Map.of("nps", List.of("negen")), true)).hasMessageContaining("nps");
        assertThatThrownBy(() -> AnswerSheet.read(TRIP, Map.of("nps", List.of("9"), "beter", List.of("x".repeat(4001))), true))
                .hasMessageContaining("beter");
    }

    @Test
    void blankValuesCountAsUnanswered() {
        assertThat(AnswerSheet.read(TRIP, Map.of("nps", List.of("7"), "beter", List.of("  ")), true).answers())
                .containsExactly(GivenAnswer.score("nps", 7));
    }
}
