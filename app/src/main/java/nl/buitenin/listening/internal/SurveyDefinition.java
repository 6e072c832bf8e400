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
            errors.add(FieldError.of("questions", "listening.invalid.questions.none"));
        }
        if (questions.size() > MAX_QUESTIONS) {
            errors.add(FieldError.of("questions", "listening.invalid.questions.tooMany", MAX_QUESTIONS));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            SurveyQuestion question = questions.get(i);
            String field = "questions[" + i + "]";
            if (question.key() == null || !KEY.matcher(question.key()).matches()) {
                errors.add(FieldError.of(field + ".key", "listening.invalid.key.form"));
            } else if (!keys.add(question.key())) {
                errors.add(FieldError.of(field + ".key", "listening.invalid.key.twice", question.key()));
            }
            if (question.type() == null) {
                errors.add(FieldError.of(field + ".type", "listening.invalid.chooseOneOf", List.of(QuestionType.values())));
                continue;
            }
            (question.text() == null ? LocalizedText.empty() : question.text()).requireBoth(field + ".text", 500, errors);
            validateOptions(question, field, errors);
        }
    }

    private static void validateOptions(SurveyQuestion question, String field, List<FieldError> errors) {
        if (question.type().hasOptions()) {
            if (question.options().size() < 2) {
                errors.add(FieldError.of(field + ".options", "listening.invalid.options.tooFew"));
            }
            Set<String> values = new HashSet<>();
            for (int j = 0; j < question.options().size(); j++) {
                AnswerOption option = question.options().get(j);
                String optionField = field + ".options[" + j + "]";
                if (option.value() == null || !KEY.matcher(option.value()).matches()) {
                    errors.add(FieldError.of(optionField + ".value", "listening.invalid.option.form"));
                } else if (!values.add(option.value())) {
                    errors.add(FieldError.of(optionField + ".value", "listening.invalid.option.twice", option.value()));
                }
                (option.text() == null ? LocalizedText.empty() : option.text()).requireBoth(optionField + ".text", 200, errors);
            }
        } else if (!question.options().isEmpty()) {
            errors.add(FieldError.of(field + ".options", "listening.invalid.options.notChoice"));
        }
    }

    private static void validateCaseRules(List<SurveyQuestion> questions, List<CaseRule> rules, List<FieldError> errors) {
        for (int i = 0; i < rules.size(); i++) {
            CaseRule rule = rules.get(i);
            String field = "caseRules[" + i + "]";
            SurveyQuestion question = questions.stream().filter(q -> q.key() != null && q.key().equals(rule.question())).findFirst().orElse(null);
            if (rule.when() == null) {
                errors.add(FieldError.of(field + ".when", "listening.invalid.chooseOneOf", List.of(CaseRule.Trigger.values())));
            } else if (question == null) {
                errors.add(FieldError.of(field + ".question", "listening.invalid.rule.question", rule.question()));
            } else if (rule.when() == CaseRule.Trigger.DETRACTOR && question.type() != QuestionType.NPS) {
                errors.add(FieldError.of(field + ".when", "listening.invalid.rule.detractor"));
            } else if (rule.when() == CaseRule.Trigger.LOW_CSAT && question.type() != QuestionType.CSAT) {
                errors.add(FieldError.of(field + ".when", "listening.invalid.rule.lowCsat"));
            } else if (rule.when() == CaseRule.Trigger.CHOSEN_ANSWER
                    && question.options().stream().noneMatch(o -> o.value() != null && o.value().equals(rule.answer()))) {
                errors.add(FieldError.of(field + ".answer", "listening.invalid.rule.answer", rule.answer(), rule.question()));
            }
        }
    }
}
