package nl.buitenin.listening.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * What a survey asks: title, introduction, questions, the closing text that tells what happens with
 * the feedback, the touchpoints it is for and the rules that open cases. Validates completely on
 * construction and names every wrong field ({@code questions[2].text.en}).
 */
public record SurveyDefinition(LocalizedText title, LocalizedText intro, List<SurveyQuestion> questions, LocalizedText closing,
        List<TouchpointId> touchpoints, List<CaseRule> caseRules) {

    public static final int MAX_QUESTIONS = 30;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    public SurveyDefinition {
        title = title == null ? LocalizedText.empty() : title;
        intro = intro == null ? LocalizedText.empty() : intro;
        closing = closing == null ? LocalizedText.empty() : closing;
        questions = questions == null ? List.of() : List.copyOf(questions);
        touchpoints = touchpoints == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(touchpoints));
        caseRules = caseRules == null ? List.of() : List.copyOf(caseRules);
        List<FieldError> errors = new ArrayList<>();
        title.requireBoth("title", 200, errors);
        if (!intro.isEmpty()) {
            intro.requireBoth("intro", 2000, errors);
        }
        closing.requireBoth("closing", 2000, errors);
        validateQuestions(questions, errors);
        validateCaseRules(questions, caseRules, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public Optional<SurveyQuestion> question(String key) {
        return questions.stream().filter(q -> q.key().equals(key)).findFirst();
    }

    private static void validateQuestions(List<SurveyQuestion> questions, List<FieldError> errors) {
        if (questions.isEmpty()) {
            errors.add(new FieldError("questions", "a survey needs at least one question"));
        }
        if (questions.size() > MAX_QUESTIONS) {
            errors.add(new FieldError("questions", "at most " + MAX_QUESTIONS + " questions; fewer questions get more answers"));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            SurveyQuestion question = questions.get(i);
            String field = "questions[" + i + "]";
            if (question.key() == null || !KEY.matcher(question.key()).matches()) {
                errors.add(new FieldError(field + ".key", "must be 1 to 40 lower-case letters, digits, - or _, starting with a letter"));
            } else if (!keys.add(question.key())) {
                errors.add(new FieldError(field + ".key", "'" + question.key() + "' is used by another question"));
            }
            if (question.type() == null) {
                errors.add(new FieldError(field + ".type", "choose one of " + List.of(QuestionType.values())));
                continue;
            }
            (question.text() == null ? LocalizedText.empty() : question.text()).requireBoth(field + ".text", 500, errors);
            validateOptions(question, field, errors);
        }
    }

    private static void validateOptions(SurveyQuestion question, String field, List<FieldError> errors) {
        if (question.type().hasOptions()) {
            if (question.options().size() < 2) {
                errors.add(new FieldError(field + ".options", "a choice question needs at least two options"));
            }
            Set<String> values = new HashSet<>();
            for (int j = 0; j < question.options().size(); j++) {
                AnswerOption option = question.options().get(j);
                String optionField = field + ".options[" + j + "]";
                if (option.value() == null || !KEY.matcher(option.value()).matches()) {
                    errors.add(new FieldError(optionField + ".value", "must be 1 to 40 lower-case letters, digits, - or _"));
                } else if (!values.add(option.value())) {
                    errors.add(new FieldError(optionField + ".value", "'" + option.value() + "' is used twice"));
                }
                (option.text() == null ? LocalizedText.empty() : option.text()).requireBoth(optionField + ".text", 200, errors);
            }
        } else if (!question.options().isEmpty()) {
            errors.add(new FieldError(field + ".options", "only single and multiple choice questions have options"));
        }
    }

    private static void validateCaseRules(List<SurveyQuestion> questions, List<CaseRule> rules, List<FieldError> errors) {
        for (int i = 0; i < rules.size(); i++) {
            CaseRule rule = rules.get(i);
            String field = "caseRules[" + i + "]";
            SurveyQuestion question = questions.stream().filter(q -> q.key() != null && q.key().equals(rule.question())).findFirst().orElse(null);
            if (rule.when() == null) {
                errors.add(new FieldError(field + ".when", "choose one of " + List.of(CaseRule.Trigger.values())));
            } else if (question == null) {
                errors.add(new FieldError(field + ".question", "no question with key '" + rule.question() + "'"));
            } else if (rule.when() == CaseRule.Trigger.DETRACTOR && question.type() != QuestionType.NPS) {
                errors.add(new FieldError(field + ".when", "DETRACTOR needs an NPS question"));
            } else if (rule.when() == CaseRule.Trigger.LOW_CSAT && question.type() != QuestionType.CSAT) {
                errors.add(new FieldError(field + ".when", "LOW_CSAT needs a CSAT question"));
            } else if (rule.when() == CaseRule.Trigger.CHOSEN_ANSWER
                    && question.options().stream().noneMatch(o -> o.value() != null && o.value().equals(rule.answer()))) {
                errors.add(new FieldError(field + ".answer", "'" + rule.answer() + "' is not an option of question " + rule.question()));
            }
        }
    }
}
