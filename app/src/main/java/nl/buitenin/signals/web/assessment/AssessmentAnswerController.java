package nl.buitenin.signals.web.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import nl.buitenin.access.PublicEndpoint;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.ReadableDates;
import nl.buitenin.platform.SignedTokens.Refusal;
import nl.buitenin.platform.SignedTokens.Verification;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.signals.internal.assessment.Assessment;
import nl.buitenin.signals.internal.assessment.DayArea;
import nl.buitenin.signals.internal.assessment.DayStatement;

/**
 * The anonymous questionnaire a colleague opens from their one-time link: the statements per capability on a 1–5
 * agreement scale, each with "weet ik niet". Works on a phone. A used, changed or expired link gets the page that
 * says so; a round that is not open says when it is.
 */
@PageController
@PublicEndpoint(why = "a colleague's anonymous questionnaire, reached by a signed one-time link; the token is checked on every request")
class AssessmentAnswerController {

    private final Assessment assessment;
    private final MessageSource messages;
    private final Organisations organisations;
    private final SmallCellRule smallCells;

    AssessmentAnswerController(Assessment assessment, MessageSource messages, Organisations organisations, SmallCellRule smallCells) {
        this.smallCells = smallCells;
        this.assessment = assessment;
        this.messages = messages;
        this.organisations = organisations;
    }

    /** The statements of one capability, for the form. */
    record Section(DayArea area, List<DayStatement> statements) {
    }

    @GetMapping("/assessment/{token}")
    String show(@PathVariable String token, Model model, Locale locale, HttpServletResponse response) {
        Verification verification = assessment.check(token);
        Optional<Assessment.Opened> opened = assessment.opened(verification);
        if (opened.isEmpty()) {
            return refused(verification.refusal(), model, response);
        }
        return form(token, opened.get(), Map.of(), List.of(), model, locale);
    }

    @PostMapping("/assessment/{token}")
    String send(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
            HttpServletResponse response) {
        Verification verification = assessment.check(token);
        Optional<Assessment.Opened> opened = assessment.opened(verification);
        if (opened.isEmpty()) {
            return refused(verification.refusal(), model, response);
        }
        Map<String, String> raw = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("s.") && !values.isEmpty()) {
                raw.put(name.substring(2), values.get(0));
            }
        });
        try {
            assessment.answer(token, raw);
            return "signals/assessment-thanks";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(token, opened.get(), raw, ShownError.of(e.errors(), messages, locale), model, locale);
        } catch (ConflictException e) {
            if (e.key().equals("assessment.conflict.sent")) {
                return refused(Refusal.USED, model, response);
            }
            response.setStatus(409);
            ReadableDates dates = ReadableDates.of(locale, organisations.current().timeZone());
            return form(token, opened.get(), raw, List.of(new ShownError("", "", messages.getMessage(e.key(),
                    new Object[] {dates.day(opened.get().round().opensOn()), dates.day(opened.get().round().closesOn())}, locale))), model, locale);
        }
    }

    private String form(String token, Assessment.Opened opened, Map<String, String> values, List<ShownError> errors, Model model,
            Locale locale) {
        model.addAttribute("token", token);
        model.addAttribute("department", opened.department());
        model.addAttribute("levelName", messages.getMessage(opened.level().messageKey(), null, locale).toLowerCase(locale));
        model.addAttribute("k", smallCells.k());
        model.addAttribute("round", opened.round());
        model.addAttribute("open", opened.round().openOn(assessment.today()));
        model.addAttribute("sections", java.util.Arrays.stream(DayArea.values())
                .map(a -> new Section(a, DayStatement.ALL.stream().filter(s -> s.area() == a).toList())).toList());
        model.addAttribute("values", values);
        model.addAttribute("answerErrors", errors);
        return "signals/assessment-answer";
    }

    private String refused(Refusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(refusal == Refusal.USED || refusal == Refusal.EXPIRED ? 410 : 404);
        model.addAttribute("refusal", refusal == null ? "MALFORMED" : refusal.name());
        return "listening/answer-refused";
    }
}
