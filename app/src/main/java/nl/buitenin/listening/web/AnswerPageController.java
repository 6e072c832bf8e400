package nl.buitenin.listening.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.buitenin.access.PublicEndpoint;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.answers.AnswerLinks;
import nl.buitenin.listening.internal.answers.AnswerRecording;
import nl.buitenin.listening.internal.answers.GivenAnswer;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.Response;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.SignedTokens.Refusal;
import nl.buitenin.platform.SignedTokens.Verification;
import nl.buitenin.privacy.OwnChoices;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonLinks;
import nl.buitenin.privacy.PurposeNames;

/**
 * The public page where a person answers a survey from their personal link. It works on a phone,
 * saves partial answers, and ends by telling what happens with the feedback. A used, changed or
 * expired link gets a friendly page that says so.
 */
@PageController
@PublicEndpoint(why = "reached by a signed one-time link; the token is checked on every request")
class AnswerPageController {

    private final AnswerLinks links;
    private final JdbcResponses responses;
    private final JdbcSurveys surveys;
    private final AnswerRecording recording;
    private final TransactionTemplate transactions;
    private final LocaleResolver localeResolver;
    private final ObjectProvider<OwnChoices> choices;
    private final PersonLinks personLinks;
    private final PurposeNames purposeNames;

    AnswerPageController(AnswerLinks links, JdbcResponses responses, JdbcSurveys surveys, AnswerRecording recording,
            TransactionTemplate transactions, LocaleResolver localeResolver, ObjectProvider<OwnChoices> choices, PersonLinks personLinks,
            PurposeNames purposeNames) {
        this.choices = choices;
        this.personLinks = personLinks;
        this.purposeNames = purposeNames;
        this.links = links;
        this.responses = responses;
        this.surveys = surveys;
        this.recording = recording;
        this.transactions = transactions;
        this.localeResolver = localeResolver;
    }

    @GetMapping("/a/{token}")
    String show(@PathVariable String token, @RequestParam(required = false) String chosen, Model model,
            HttpServletRequest request, HttpServletResponse httpResponse) {
        Verification verification = links.check(token);
        if (!verification.valid()) {
            return refused(verification.refusal(), model, httpResponse);
        }
        Response response = responses.byId(AnswerLinks.responseOf(verification)).orElse(null);
        if (response == null) {
            return refused(Refusal.TAMPERED, model, httpResponse);
        }
        if (!languageChosen(request) && chosen == null) {
            // The invitation's language, until the person switches (once: a browser without cookies still gets the page).
            localeResolver.setLocale(request, httpResponse, Locale.forLanguageTag(response.language()));
            return "redirect:/a/" + token + "?chosen";
        }
        return form(token, response, asRaw(response.answers()), model, request);
    }

    @PostMapping("/a/{token}")
    String submit(@PathVariable String token, @RequestParam(defaultValue = "save") String action,
            @RequestParam MultiValueMap<String, String> form, Model model, HttpServletRequest request,
            HttpServletResponse httpResponse) {
        Verification verification = links.check(token);
        if (!verification.valid()) {
            return refused(verification.refusal(), model, httpResponse);
        }
        UUID responseId = AnswerLinks.responseOf(verification);
        Response response = responses.byId(responseId).orElse(null);
        if (response == null) {
            return refused(Refusal.TAMPERED, model, httpResponse);
        }
        Map<String, List<String>> raw = answersIn(form);
        try {
            if (action.equals("send")) {
                transactions.executeWithoutResult(status -> {
                    if (!links.spend(token)) {
                        throw new ConflictException("listening.conflict.alreadySent");
                    }
                    recording.complete(responseId, raw);
                    chooseGroups(response.person(), form, RequestContextUtils.getLocale(request));
                });
                Survey survey = surveys.byId(response.survey()).orElseThrow();
                model.addAttribute("closing", survey.definition().closing());
                return "listening/answer-thanks";
            }
            recording.saveDraft(responseId, raw);
            model.addAttribute("saved", true);
        } catch (InvalidInputException e) {
            SurveyDefinition survey = surveys.byId(response.survey()).orElseThrow().definition();
            model.addAttribute("answerErrors", RespondentErrors.of(e.errors(), survey, RequestContextUtils.getLocale(request).getLanguage()));
        } catch (ConflictException e) {
            return refused(Refusal.USED, model, httpResponse);
        }
        model.addAttribute("chosen", chosenIn(form));
        return form(token, response, raw, model, request);
    }

    /**
     * After the questions the person may choose what the organisation offers (a customer group: "bij welke groep wilt u
     * horen?"), optional; a choice is recorded with the answers. Field {@code choice.<question>}: an option's key, or
     * empty for none; absent, nothing changes.
     */
    private void chooseGroups(@org.jspecify.annotations.Nullable PersonKey person, MultiValueMap<String, String> form, Locale locale) {
        if (person == null) {
            return;
        }
        Map<String, String> chosen = chosenIn(form);
        if (chosen.isEmpty()) {
            return;
        }
        choices.orderedStream().forEach(owner -> owner.offeredTo(person, locale).questions().forEach(question -> {
            String option = chosen.get(question.key());
            if (option != null && !(option.isBlank() && question.current() == null) && !option.equals(question.current())) {
                try {
                    owner.choose(person, question.key(), option.isBlank() ? null : option);
                } catch (InvalidInputException e) {
                    // A choice the page did not offer (changed since, or a changed form): nothing is sent, the person chooses again.
                    throw InvalidInputException.of(RespondentErrors.CHOICE + question.key(), "answer.invalid.choice");
                }
            }
        }));
    }

    private static Map<String, String> chosenIn(MultiValueMap<String, String> form) {
        Map<String, String> chosen = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(RespondentErrors.CHOICE) && !values.isEmpty() && values.get(0) != null) {
                chosen.put(name.substring(RespondentErrors.CHOICE.length()), values.get(0));
            }
        });
        return chosen;
    }

    private String form(String token, Response response, Map<String, List<String>> values, Model model,
            HttpServletRequest request) {
        Survey survey = surveys.byId(response.survey()).orElseThrow();
        PersonKey person = response.person();
        if (person != null) {
            Locale locale = RequestContextUtils.getLocale(request);
            List<OwnChoices.Offer> offers = choices.orderedStream().map(c -> c.offeredTo(person, locale))
                    .filter(o -> !o.questions().isEmpty()).toList();
            if (!offers.isEmpty()) {
                model.addAttribute("offers", offers);
                model.addAttribute("offerPurpose", purposeNames.name(offers.get(0).purpose(), locale));
                model.addAttribute("offerLink", personLinks.linkFor(person) + "#purpose-" + offers.get(0).purpose().value());
            }
        }
        model.addAttribute("token", token);
        model.addAttribute("survey", survey.definition());
        model.addAttribute("values", values);
        model.addAttribute("lang", RequestContextUtils.getLocale(request).getLanguage());
        return "listening/answer";
    }

    private String refused(Refusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(refusal == Refusal.USED || refusal == Refusal.EXPIRED ? 410 : 404);
        model.addAttribute("refusal", refusal == null ? "MALFORMED" : refusal.name());
        return "listening/answer-refused";
    }

    /** Form fields named {@code q.<question key>} carry the answers. */
    static Map<String, List<String>> answersIn(MultiValueMap<String, String> form) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("q.")) {
                raw.put(name.substring(2), values);
            }
        });
        return raw;
    }

    static Map<String, List<String>> asRaw(List<GivenAnswer> answers) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        for (GivenAnswer answer : answers) {
            if (answer.score() != null) {
                raw.put(answer.questionKey(), List.of(answer.score().toString()));
            } else if (!answer.choices().isEmpty()) {
                raw.put(answer.questionKey(), answer.choices());
            } else {
                raw.put(answer.questionKey(), List.of(answer.text()));
            }
        }
        return raw;
    }

    private static boolean languageChosen(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (Cookie cookie : request.getCookies()) {
            if (cookie.getName().equals("buitenin-lang")) {
                return true;
            }
        }
        return false;
    }
}
