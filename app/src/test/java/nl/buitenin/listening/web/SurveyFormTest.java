package nl.buitenin.listening.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import nl.buitenin.platform.InvalidInputException;

/** What the survey editor sends is read into a definition, or refused naming each wrong field. */
class SurveyFormTest {

    @Test
    void anUnknownCaseRuleIsRefusedNamingItsQuestionNotAnErrorOfTheServer() {
        SurveyForm form = SurveyForm.blank();
        form.setTitleNl("Hoe was uw reis?");
        form.setTitleEn("How was your trip?");
        SurveyForm.QuestionForm question = form.getQuestions().get(0);
        question.setKey("nps");
        question.setType("nps");
        question.setTextNl("Zou u ons aanbevelen?");
        question.setTextEn("Would you recommend us?");
        question.setCaseRule("WHEN_ANGRY");

        assertThatThrownBy(form::toDefinition).isInstanceOfSatisfying(InvalidInputException.class, e -> org.assertj.core.api.Assertions
                .assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).contains("questions[0].caseRule"));
    }
}
