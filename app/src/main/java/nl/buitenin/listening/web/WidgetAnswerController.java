package nl.buitenin.listening.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.buitenin.access.PublicEndpoint;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.AnswerLinks;
import nl.buitenin.listening.internal.answers.AnswerRecording;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.Response;
import nl.buitenin.listening.internal.widget.WidgetSite;
import nl.buitenin.listening.internal.widget.WidgetSites;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.LanguagePreference;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.SignedTokens.Refusal;
import nl.buitenin.platform.SignedTokens.Verification;

/**
 * The answer page inside a site's iframe. Only a valid widget link opens it, and only the origins
 * registered for the link's site may frame it: every page with the form carries
 * {@code Content-Security-Policy: frame-ancestors <those origins>}, and so does the "already answered"
 * page of a genuine link that was sent. Any other refusal (expired, changed or foreign link, removed site)
 * keeps the widget path's default policy, which lets any page frame it: the refusal page has no form, no link
 * and nothing personal, and a visitor then reads "these questions cannot be shown" instead of the browser's box.
 * The language comes from {@code ?lang=}, else the browser's; cookies are not relied on, since browsers
 * drop them inside another site's frame. Answers are saved and sent exactly as on the answer page.
 */
@PageController
@PublicEndpoint(why = "reached by a signed one-time widget link; the token is checked on every request")
class WidgetAnswerController {

    /**
     * The widget's own minimal policy (its script, style sheets and form, nothing else) with frame-ancestors narrowed
     * to the site; keep in step with the widget policy in SecurityConfiguration, which lets refusals be framed anywhere.
     */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors ";

    private final AnswerLinks links;
    private final JdbcResponses responses;
    private final JdbcSurveys surveys;
    private final WidgetSites sites;
    private final AnswerRecording recording;
    private final TransactionTemplate transactions;
    private final LocaleResolver localeResolver;

    WidgetAnswerController(AnswerLinks links, JdbcResponses responses, JdbcSurveys surveys, WidgetSites sites,
            AnswerRecording recording, TransactionTemplate transactions, LocaleResolver localeResolver) {
        this.links = links;
        this.responses = responses;
        this.surveys = surveys;
        this.sites = sites;
        this.recording = recording;
        this.transactions = transactions;
        this.localeResolver = localeResolver;
    }

    /** A response opened by a valid widget link, with its site. */
    private record Opened(UUID responseId, Response response, WidgetSite site) {
    }

    @GetMapping("/w/{token}")
    String show(@PathVariable String token, @RequestParam(required = false) String lang, Model model, HttpServletRequest request,
            HttpServletResponse httpResponse) {
        String language = language(lang, request);
        Opened opened = open(token, model, httpResponse, language);
        if (opened == null) {
            return "listening/widget";
        }
        return form(token, opened, AnswerPageController.asRaw(opened.response().answers()), model, language);
    }

    @PostMapping("/w/{token}")
    String submit(@PathVariable String token, @RequestParam(required = false) String lang,
            @RequestParam(defaultValue = "save") String action, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse httpResponse) {
        String language = language(lang, request);
        Opened opened = open(token, model, httpResponse, language);
        if (opened == null) {
            return "listening/widget";
        }
        Map<String, List<String>> raw = AnswerPageController.answersIn(form);
        try {
            if (action.equals("send")) {
                transactions.executeWithoutResult(status -> {
                    if (!links.spendWidget(token)) {
                        throw new ConflictException("listening.conflict.alreadySent");
                    }
                    recording.complete(opened.responseId(), raw);
                });
                model.addAttribute("state", "thanks");
                model.addAttribute("closing", surveys.byId(opened.response().survey()).orElseThrow().definition().closing());
                return "listening/widget";
            }
            recording.saveDraft(opened.responseId(), raw);
            model.addAttribute("saved", true);
        } catch (InvalidInputException e) {
            model.addAttribute("answerErrors", RespondentErrors.of(e.errors(),
                    surveys.byId(opened.response().survey()).orElseThrow().definition(), language));
        } catch (ConflictException e) {
            return refused(Refusal.USED, model, httpResponse);
        }
        return form(token, opened, raw, model, language);
    }

    /** Checks the link and lets the site frame the page; null (with the refusal in the model) when the link does not open. */
    private Opened open(String token, Model model, HttpServletResponse httpResponse, String language) {
        model.addAttribute("lang", language);
        Verification verification = links.checkWidget(token);
        if (!verification.valid()) {
            if (verification.refusal() == Refusal.USED) {
                // A genuine link that was sent: "thank you, already answered" may show in its own site's frame.
                links.widgetResponseEvenIfSpent(token).flatMap(sites::siteOf).ifPresent(site -> allowFraming(httpResponse, site));
            }
            refused(verification.refusal(), model, httpResponse);
            return null;
        }
        UUID responseId = AnswerLinks.responseOf(verification);
        Optional<Response> response = responses.byId(responseId);
        Optional<WidgetSite> site = sites.siteOf(responseId);
        if (response.isEmpty() || site.isEmpty()) {
            refused(Refusal.TAMPERED, model, httpResponse);
            return null;
        }
        allowFraming(httpResponse, site.get());
        return new Opened(responseId, response.get(), site.get());
    }

    private static void allowFraming(HttpServletResponse response, WidgetSite site) {
        response.setHeader("Content-Security-Policy", POLICY + site.frameAncestors());
    }

    private String form(String token, Opened opened, Map<String, List<String>> values, Model model, String language) {
        Survey survey = surveys.byId(opened.response().survey()).orElseThrow();
        model.addAttribute("state", "form");
        model.addAttribute("token", token);
        model.addAttribute("survey", survey.definition());
        model.addAttribute("values", values);
        return "listening/widget";
    }

    private String refused(Refusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(refusal == Refusal.USED || refusal == Refusal.EXPIRED ? 410 : 404);
        model.addAttribute("state", "refused");
        model.addAttribute("refusal", refusal == null ? "MALFORMED" : refusal.name());
        return "listening/widget";
    }

    /** {@code ?lang=} when Buitenin speaks it, else the browser's language; applied to this response only. */
    private String language(String lang, HttpServletRequest request) {
        Locale chosen = LanguagePreference.supportedOrNull(lang);
        Locale locale = chosen != null ? chosen : localeResolver.resolveLocale(request);
        request.setAttribute(LanguagePreference.FOR_THIS_REQUEST, locale);
        return locale.getLanguage();
    }
}
