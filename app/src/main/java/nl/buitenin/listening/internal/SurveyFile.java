package nl.buitenin.listening.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * The documented JSON file format of a survey ({@value #FORMAT}), used for import, export, the REST
 * API and {@code check-survey}. See docs/listening.md.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyFile(String format, LocalizedText title, LocalizedText intro, List<QuestionEntry> questions, LocalizedText closing,
        List<String> touchpoints, List<CaseRuleEntry> caseRules) {

    public static final String FORMAT = "buitenin-survey/1";

    public record QuestionEntry(String key, String type, LocalizedText text, List<OptionEntry> options, Boolean required) {
    }

    public record OptionEntry(String value, LocalizedText text) {
    }

    public record CaseRuleEntry(String when, String question, String answer) {
    }

    public static SurveyFile of(SurveyDefinition definition) {
        List<QuestionEntry> questions = definition.questions().stream()
                .map(q -> new QuestionEntry(q.key(), q.type().name(), q.text(),
                        q.options().isEmpty() ? null : q.options().stream().map(o -> new OptionEntry(o.value(), o.text())).toList(), q.required()))
                .toList();
        return new SurveyFile(FORMAT, definition.title(), definition.intro().isEmpty() ? null : definition.intro(), questions,
                definition.closing(), definition.touchpoints().stream().map(TouchpointId::toString).toList(),
                definition.caseRules().stream().map(r -> new CaseRuleEntry(r.when().name(), r.question(), r.answer())).toList());
    }

    /** The definition this file describes; every wrong field is named. */
    public SurveyDefinition toDefinition() {
        List<FieldError> errors = new ArrayList<>();
        if (format != null && !FORMAT.equals(format)) {
            errors.add(FieldError.of("format", "listening.invalid.format", FORMAT));
        }
        List<SurveyQuestion> parsedQuestions = new ArrayList<>();
        List<QuestionEntry> entries = questions == null ? List.of() : questions;
        for (int i = 0; i < entries.size(); i++) {
            QuestionEntry entry = entries.get(i);
            if (entry == null) {
                // JSON null in the list (found by SurveyFileFuzzTest): named, not a NullPointerException.
                errors.add(FieldError.of("questions[" + i + "]", "listening.invalid.nullEntry"));
                continue;
            }
            QuestionType type = null;
            try {
                type = QuestionType.valueOf(entry.type() == null ? "" : entry.type().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("questions[" + i + "].type", "listening.invalid.notOneOf", entry.type(), List.of(QuestionType.values())));
            }
            List<AnswerOption> options = new ArrayList<>();
            List<OptionEntry> optionEntries = entry.options() == null ? List.of() : entry.options();
            for (int j = 0; j < optionEntries.size(); j++) {
                OptionEntry option = optionEntries.get(j);
                if (option == null) {
                    errors.add(FieldError.of("questions[" + i + "].options[" + j + "]", "listening.invalid.nullEntry"));
                } else {
                    options.add(new AnswerOption(option.value(), option.text()));
                }
            }
            parsedQuestions.add(new SurveyQuestion(entry.key(), type, entry.text(), options, entry.required() == null || entry.required()));
        }
        List<TouchpointId> parsedTouchpoints = new ArrayList<>();
        List<String> touchpointTexts = touchpoints == null ? List.of() : touchpoints;
        for (int i = 0; i < touchpointTexts.size(); i++) {
            try {
                parsedTouchpoints.add(TouchpointId.of(touchpointTexts.get(i)));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("touchpoints[" + i + "]", "listening.invalid.touchpointId", touchpointTexts.get(i)));
            }
        }
        List<CaseRule> rules = new ArrayList<>();
        List<CaseRuleEntry> ruleEntries = caseRules == null ? List.of() : caseRules;
        for (int i = 0; i < ruleEntries.size(); i++) {
            CaseRuleEntry entry = ruleEntries.get(i);
            if (entry == null) {
                errors.add(FieldError.of("caseRules[" + i + "]", "listening.invalid.nullEntry"));
                continue;
            }
            try {
                rules.add(new CaseRule(CaseRule.Trigger.valueOf(entry.when() == null ? "" : entry.when().trim().toUpperCase(Locale.ROOT)),
                        entry.question(), entry.answer()));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("caseRules[" + i + "].when", "listening.invalid.notOneOf", entry.when(), List.of(CaseRule.Trigger.values())));
            }
        }
        try {
            SurveyDefinition definition = new SurveyDefinition(title, intro, parsedQuestions, closing, parsedTouchpoints, rules);
            if (errors.isEmpty()) {
                return definition;
            }
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        throw new InvalidInputException(errors);
    }
}
