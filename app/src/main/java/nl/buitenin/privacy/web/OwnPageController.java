package nl.buitenin.privacy.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.buitenin.access.PublicEndpoint;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.OwnChoices;
import nl.buitenin.privacy.OwnInterests;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PreferredChannel;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.internal.Actors;
import nl.buitenin.privacy.internal.Erasure;
import nl.buitenin.privacy.internal.Exports;
import nl.buitenin.privacy.internal.JdbcConsents;
import nl.buitenin.privacy.internal.JdbcPersons;
import nl.buitenin.privacy.internal.PersonExport;
import nl.buitenin.privacy.internal.Purpose;
import nl.buitenin.privacy.internal.Purposes;
import nl.buitenin.privacy.internal.SignedLinks;

/**
 * The person's own page, reached by the signed link in every invitation and message: what is held
 * about them, their consents and preferences, a download of everything and a button to be forgotten.
 * Every handler checks the token itself and is rate-limited per client address.
 */
@PageController
@PublicEndpoint(why = "the person's own page, opened with a signed, expiring link; each handler verifies the token")
class OwnPageController {

    private static final String CHANNEL = "own-page";

    private final SignedLinks links;
    private final JdbcPersons persons;
    private final JdbcConsents consents;
    private final Purposes purposes;
    private final Exports exports;
    private final ExportViews exportViews;
    private final Erasure erasure;
    private final OwnPageRateLimit rateLimit;
    private final ObjectProvider<OwnChoices> choices;
    private final ObjectProvider<OwnInterests> interests;

    OwnPageController(SignedLinks links, JdbcPersons persons, JdbcConsents consents, Purposes purposes, Exports exports,
            Erasure erasure, OwnPageRateLimit rateLimit, ExportViews exportViews, ObjectProvider<OwnChoices> choices,
            ObjectProvider<OwnInterests> interests) {
        this.choices = choices;
        this.interests = interests;
        this.exportViews = exportViews;
        this.links = links;
        this.persons = persons;
        this.consents = consents;
        this.purposes = purposes;
        this.exports = exports;
        this.erasure = erasure;
        this.rateLimit = rateLimit;
    }

    /** One consent the person can change: the purpose in their language and whether it is given. */
    record ConsentRow(Purpose purpose, boolean given, boolean needed) {
    }

    @GetMapping("/mijn-gegevens/{token}")
    String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        PersonKey person = open(token, request, response, model);
        if (person == null) {
            return "privacy/own-problem";
        }
        var held = persons.heldFor(person, Actors.SELF).orElseThrow();
        Map<String, Boolean> given = consents.current(person).stream()
                .collect(Collectors.toMap(c -> c.purpose().value(), c -> c.given()));
        List<ConsentRow> rows = purposes.active().stream().filter(Purpose::personalData)
                .map(p -> new ConsentRow(p, given.getOrDefault(p.id().value(), false), p.needsConsent())).toList();
        model.addAttribute("token", token);
        model.addAttribute("held", held);
        model.addAttribute("consents", rows);
        model.addAttribute("preferences", persons.preferences(person));
        model.addAttribute("channels", PreferredChannel.values());
        model.addAttribute("purposes", purposes.active().stream().collect(Collectors.toMap(p -> p.id().value(), Function.identity())));
        model.addAttribute("offers", choices.orderedStream().map(c -> c.offeredTo(person, LocaleContextHolder.getLocale()))
                .filter(o -> !o.isEmpty()).toList());
        model.addAttribute("interests", interests.orderedStream().flatMap(i -> i.of(person).stream()).toList());
        model.addAttribute("offersGiven", given.getOrDefault(PurposeId.OFFERS.value(), false));
        return "privacy/own-page";
    }

    /** The person removes one interest: no offer on it follows. */
    @PostMapping("/mijn-gegevens/{token}/interests/remove")
    String removeInterest(@PathVariable String token, @RequestParam String topic, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        PersonKey person = open(token, request, response, model);
        if (person == null) {
            return "privacy/own-problem";
        }
        interests.orderedStream().forEach(i -> i.remove(person, topic));
        return "redirect:/mijn-gegevens/" + token + "?saved=interests#own-interests";
    }

    /** The person stops offers altogether: consent for "offers" is withdrawn and their interests are forgotten. */
    @PostMapping("/mijn-gegevens/{token}/interests/stop")
    String stopOffers(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        PersonKey person = open(token, request, response, model);
        if (person == null) {
            return "privacy/own-problem";
        }
        consents.withdraw(person, PurposeId.OFFERS, CHANNEL);
        interests.orderedStream().forEach(i -> i.forget(person));
        return "redirect:/mijn-gegevens/" + token + "?saved=offers#own-interests";
    }

    /** The person's own choice (a customer group, say): an option from now on, or none when {@code option} is empty. */
    @PostMapping("/mijn-gegevens/{token}/choices")
    String choose(@PathVariable String token, @RequestParam String question, @RequestParam(required = false) @Nullable String option,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PersonKey person = open(token, request, response, model);
        if (person == null) {
            return "privacy/own-problem";
        }
        OwnChoices owner = choices.orderedStream()
                .filter(c -> c.offeredTo(person, LocaleContextHolder.getLocale()).questions().stream().anyMatch(q -> q.key().equals(question)))
                .findFirst().orElse(null);
        if (owner == null) {
            return "redirect:/mijn-gegevens/" + token + "?error=choice";
        }
        try {
            owner.choose(person, question, option);
        } catch (InvalidInputException e) {
            return "redirect:/mijn-gegevens/" + token + "?error=choice";
        }
        return "redirect:/mijn-gegevens/" + token + "?saved=choice#own-choices";
    }

    @PostMapping("/mijn-gegevens/{token}/consents")
    String consent(@PathVariable String token, @RequestParam String purpose, @RequestParam boolean given,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PersonKey person = open(token, request, response, model);
        if (person == null) {
            return "privacy/own-problem";
        }
        PurposeId id = RegisterController.purposeId(purpose);
        if (given) {
            consents.give(person, id, CHANNEL);
        } else {
            consents.withdraw(person, id, CHANNEL);
        }
        return "redirect:/mijn-gegevens/" + token + "?saved=consent";
    }

    @PostMapping("/mijn-gegevens/{token}/preferences")
    String preferences(@PathVariable String token, @RequestParam PreferredChannel channel, @RequestParam String language,
            @RequestParam(defaultValue = "false") boolean remindersWanted, @RequestParam(defaultValue = "false") boolean doNotAsk,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PersonKey person = open(token, request, response, model);
        if (person == null) {
            return "privacy/own-problem";
        }
        try {
            persons.setPreferences(person, new Preferences(channel, language, remindersWanted, doNotAsk));
        } catch (InvalidInputException e) {
            return "redirect:/mijn-gegevens/" + token + "?error=preferences";
        }
        return "redirect:/mijn-gegevens/" + token + "?saved=preferences";
    }

    @GetMapping("/mijn-gegevens/{token}/export")
    String export(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        PersonKey person = open(token, request, response, model);
        if (person == null) {
            return "privacy/own-problem";
        }
        model.addAttribute("export", exportViews.of(exports.export(person), org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("token", token);
        return "privacy/own-export";
    }

    @GetMapping("/mijn-gegevens/{token}/export.json")
    ResponseEntity<?> exportJson(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        PersonKey person = open(token, request, response, model);
        if (person == null) {
            return ResponseEntity.status(response.getStatus()).contentType(MediaType.TEXT_PLAIN).body("invalid or expired link");
        }
        PersonExport export = exports.export(person);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mijn-gegevens.json\"")
                .contentType(MediaType.APPLICATION_JSON).body(export);
    }

    @PostMapping("/mijn-gegevens/{token}/forget")
    String forget(@PathVariable String token, @RequestParam(defaultValue = "false") boolean confirmed,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PersonKey person = open(token, request, response, model);
        if (person == null) {
            return "privacy/own-problem";
        }
        if (!confirmed) {
            return "redirect:/mijn-gegevens/" + token + "?error=confirm";
        }
        erasure.erase(person, CHANNEL);
        return "privacy/own-forgotten";
    }

    /** The person of a valid token, or null with the problem in the model and the status set. */
    private PersonKey open(String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!rateLimit.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "60");
            model.addAttribute("problem", "TOO_MANY");
            return null;
        }
        SignedLinks.Verified verified = links.verify(token);
        if (verified.person() == null) {
            response.setStatus(verified.problem() == SignedLinks.Problem.EXPIRED ? HttpStatus.GONE.value() : HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", verified.problem().name());
            return null;
        }
        if (!persons.exists(verified.person())) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", "NOTHING_HELD");
            return null;
        }
        return verified.person();
    }
}
