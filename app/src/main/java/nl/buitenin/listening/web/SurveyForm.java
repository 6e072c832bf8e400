package nl.buitenin.listening.web;

import java.util.ArrayList;
import java.util.List;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.AnswerOption;
import nl.buitenin.listening.internal.CaseRule;
import nl.buitenin.listening.internal.LocalizedText;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RequestValues;

/**
 * The survey editor's form, bound by Spring from fields such as {@code questions[2].textNl}. Answer
 * options are typed one per line in each language; their stored values are kept by position so that
 * an edit does not change what earlier answers mean.
 */
public class SurveyForm {

    private String titleNl = "";
    private String titleEn = "";
    private String introNl = "";
    private String introEn = "";
    private String closingNl = "";
    private String closingEn = "";
    /** The ids of the touchpoints the survey is for, ticked in the editor. */
    private List<String> touchpoints = new ArrayList<>();
    private List<QuestionForm> questions = new ArrayList<>();

    public static SurveyForm blank() {
        SurveyForm form = new SurveyForm();
        form.questions.add(new QuestionForm());
        return form;
    }

    public static SurveyForm of(SurveyDefinition definition) {
        SurveyForm form = new SurveyForm();
        form.titleNl = definition.title().nl();
        form.titleEn = definition.title().en();
        form.introNl = definition.intro().nl();
        form.introEn = definition.intro().en();
        form.closingNl = definition.closing().nl();
        form.closingEn = definition.closing().en();
        form.touchpoints = new ArrayList<>(definition.touchpoints().stream().map(TouchpointId::toString).toList());
        for (SurveyQuestion question : definition.questions()) {
            QuestionForm q = new QuestionForm();
            q.setKey(question.key());
            q.setType(question.type().name());
            q.setTextNl(question.text().nl());
            q.setTextEn(question.text().en());
            q.setOptionsNl(String.join("\n", question.options().stream().map(o -> o.text().nl()).toList()));
            q.setOptionsEn(String.join("\n", question.options().stream().map(o -> o.text().en()).toList()));
            q.setOptionValues(String.join("\n", question.options().stream().map(AnswerOption::value).toList()));
            q.setRequired(question.required());
            definition.caseRules().stream().filter(r -> r.question().equals(question.key())).findFirst().ifPresent(rule -> {
                q.setCaseRule(rule.when().name());
                question.options().stream().filter(o -> o.value().equals(rule.answer())).findFirst()
                        .ifPresent(o -> q.setCaseAnswer(o.text().nl()));
            });
            form.questions.add(q);
        }
        return form;
    }

    /** The definition the form describes; errors name the form's fields. */
    public SurveyDefinition toDefinition() {
        List<FieldError> errors = new ArrayList<>();
        List<SurveyQuestion> parsed = new ArrayList<>();
        List<CaseRule> rules = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            QuestionForm q = questions.get(i);
            String key = RequestValues.blank(q.getKey()) ? "q" + (i + 1) : q.getKey().trim();
            QuestionType type = parseType(q.getType(), i, errors);
            List<AnswerOption> options = type != null && type.hasOptions() ? options(q, i, errors) : List.of();
            parsed.add(new SurveyQuestion(key, type, new LocalizedText(q.getTextNl(), q.getTextEn()), options, q.isRequired()));
            String ruleField = "questions[" + i + "].caseRule";
            CaseRule.Trigger trigger = RequestValues.collecting(errors,
                    () -> RequestValues.choice(ruleField, q.getCaseRule(), CaseRule.Trigger.class, "platform.invalid.value", q.getCaseRule()));
            if (trigger != null) {
                String answer = null;
                if (trigger == CaseRule.Trigger.CHOSEN_ANSWER) {
                    answer = options.stream().filter(o -> o.text().nl().equalsIgnoreCase(q.getCaseAnswer().trim())).map(AnswerOption::value)
                            .findFirst().orElse(q.getCaseAnswer().trim());
                }
                rules.add(new CaseRule(trigger, key, answer));
            }
        }
        List<TouchpointId> touchpointIds = new ArrayList<>();
        for (String id : touchpoints) {
            String given = RequestValues.given(id);
            if (given != null) {
                TouchpointId touchpoint = RequestValues.collecting(errors,
                        () -> RequestValues.id("touchpoints", given, TouchpointId::new, "listening.invalid.touchpointId"));
                if (touchpoint != null) {
                    touchpointIds.add(touchpoint);
                }
            }
        }
        try {
            SurveyDefinition definition = new SurveyDefinition(new LocalizedText(titleNl, titleEn), new LocalizedText(introNl, introEn), parsed,
                    new LocalizedText(closingNl, closingEn), touchpointIds, rules);
            if (errors.isEmpty()) {
                return definition;
            }
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        throw new InvalidInputException(errors);
    }

    private static QuestionType parseType(String type, int index, List<FieldError> errors) {
        String field = "questions[" + index + "].type";
        return RequestValues.collecting(errors, () -> RequestValues.requiredChoice(field, type, QuestionType.class,
                "listening.invalid.chooseType"));
    }

    private static List<AnswerOption> options(QuestionForm q, int index, List<FieldError> errors) {
        List<String> nl = lines(q.getOptionsNl());
        List<String> en = lines(q.getOptionsEn());
        List<String> values = lines(q.getOptionValues());
        if (nl.size() != en.size()) {
            errors.add(FieldError.of("questions[" + index + "].options", "listening.invalid.optionsBothLanguages",
                    nl.size(), en.size()));
        }
        List<AnswerOption> options = new ArrayList<>();
        for (int j = 0; j < Math.min(nl.size(), en.size()); j++) {
            String value = j < values.size() ? values.get(j) : "o" + (j + 1);
            options.add(new AnswerOption(value, new LocalizedText(nl.get(j), en.get(j))));
        }
        return options;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String getTitleNl() { return titleNl; }
    public void setTitleNl(String titleNl) { this.titleNl = titleNl; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String titleEn) { this.titleEn = titleEn; }
    public String getIntroNl() { return introNl; }
    public void setIntroNl(String introNl) { this.introNl = introNl; }
    public String getIntroEn() { return introEn; }
    public void setIntroEn(String introEn) { this.introEn = introEn; }
    public String getClosingNl() { return closingNl; }
    public void setClosingNl(String closingNl) { this.closingNl = closingNl; }
    public String getClosingEn() { return closingEn; }
    public void setClosingEn(String closingEn) { this.closingEn = closingEn; }
    public List<String> getTouchpoints() { return touchpoints; }
    public void setTouchpoints(List<String> touchpoints) { this.touchpoints = touchpoints == null ? new ArrayList<>() : new ArrayList<>(touchpoints); }
    public List<QuestionForm> getQuestions() { return questions; }
    public void setQuestions(List<QuestionForm> questions) { this.questions = questions; }

    /** One question row of the editor. */
    public static class QuestionForm {
        private String key = "";
        private String type = "NPS";
        private String textNl = "";
        private String textEn = "";
        private String optionsNl = "";
        private String optionsEn = "";
        private String optionValues = "";
        private boolean required = true;
        private String caseRule = "";
        private String caseAnswer = "";
        private boolean remove;

        public String getKey() { return key; }
        public void setKey(String key) { this.key = key; }
        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getTextNl() { return textNl; }
        public void setTextNl(String textNl) { this.textNl = textNl; }
        public String getTextEn() { return textEn; }
        public void setTextEn(String textEn) { this.textEn = textEn; }
        public String getOptionsNl() { return optionsNl; }
        public void setOptionsNl(String optionsNl) { this.optionsNl = optionsNl; }
        public String getOptionsEn() { return optionsEn; }
        public void setOptionsEn(String optionsEn) { this.optionsEn = optionsEn; }
        public String getOptionValues() { return optionValues; }
        public void setOptionValues(String optionValues) { this.optionValues = optionValues; }
        public boolean isRequired() { return required; }
        public void setRequired(boolean required) { this.required = required; }
        public String getCaseRule() { return caseRule; }
        public void setCaseRule(String caseRule) { this.caseRule = caseRule == null ? "" : caseRule; }
        public String getCaseAnswer() { return caseAnswer; }
        public void setCaseAnswer(String caseAnswer) { this.caseAnswer = caseAnswer == null ? "" : caseAnswer; }
        public boolean isRemove() { return remove; }
        public void setRemove(boolean remove) { this.remove = remove; }
    }
}
