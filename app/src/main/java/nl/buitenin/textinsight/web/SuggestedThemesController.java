package nl.buitenin.textinsight.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Users;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageController;
import nl.buitenin.textinsight.internal.SuggestedThemes;

/**
 * The page "Suggested themes": an analyst looks for new themes among the untagged texts of a period (htmx, with a busy
 * state while it runs), sees each suggestion with its key phrases, size and three examples, and adopts it (after
 * editing its name) or dismisses it. Works without JavaScript as plain form posts.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class SuggestedThemesController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d-M-yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm");

    private final SuggestedThemes suggested;
    private final Users users;
    private final Organisations organisations;

    SuggestedThemesController(SuggestedThemes suggested, Users users, Organisations organisations) {
        this.suggested = suggested;
        this.users = users;
        this.organisations = organisations;
    }

    /** The last run in words: when, which days, how many texts read and not read. */
    record RunRow(String at, String from, String to, int texts, int refused) {
    }

    /** An example as shown: where it comes from (a message key) and its text. */
    record ExampleRow(String sourceKey, String text) {
    }

    /**
     * A suggestion as the page shows it (no ids in the text: the id is only in the form's address), with the values of
     * the adopt form and its errors, or what became of it.
     */
    record Card(UUID id, List<String> labels, int size, String languageKey, List<ExampleRow> examples, String nameNl, String nameEn,
            String phrases, List<FieldError> errors, @Nullable String adoptedAs, boolean dismissed) {
    }

    @GetMapping("/themes/suggested")
    String page(Model model) {
        SuggestedThemes.Period period = suggested.defaultPeriod();
        if (!model.containsAttribute("from")) {
            model.addAttribute("from", period.from().toString());
            model.addAttribute("to", period.to().toString());
        }
        return overview(model, "textinsight/suggested-themes");
    }

    @PostMapping("/themes/suggested/discover")
    String discover(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model, RedirectAttributes redirect) {
        try {
            suggested.discover(from, to, null, me());
        } catch (InvalidInputException e) {
            if (htmx == null) {
                model.addAttribute("from", from);
                model.addAttribute("to", to);
                model.addAttribute("errors", e.errors());
                return overview(model, "textinsight/suggested-themes");
            }
            model.addAttribute("errors", e.errors());
        }
        if (htmx == null) {
            return "redirect:/themes/suggested";
        }
        return overview(model, "textinsight/suggested-themes :: suggested");
    }

    @PostMapping("/themes/suggested/{id}/adopt")
    String adopt(@PathVariable UUID id, @RequestParam(required = false) @Nullable String nameNl,
            @RequestParam(required = false) @Nullable String nameEn, @RequestParam(required = false) @Nullable String phrases,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model, Locale locale,
            RedirectAttributes redirect) {
        SuggestedThemes.Suggestion suggestion = suggested.find(id).orElseThrow(() -> new NotFoundException("textinsight.thing.suggestedTheme", id));
        List<String> lines = phrases == null ? null : phrases.lines().toList();
        Card card;
        try {
            SuggestedThemes.Decision decision = suggested.adopt(id, nameNl, nameEn, lines, me());
            String name = decision.theme() == null ? "" : decision.theme().name(locale);
            card = card(suggestion, nameNl, nameEn, phrases, List.of(), name, false);
            redirect.addFlashAttribute("adopted", name);
        } catch (InvalidInputException e) {
            card = card(suggestion, nameNl, nameEn, phrases, e.errors(), null, false);
        } catch (ConflictException e) {
            card = card(suggestion, nameNl, nameEn, phrases, List.of(e.error("nameNl")), null, false);
        }
        if (htmx == null && card.errors().isEmpty()) {
            return "redirect:/themes/suggested";
        }
        if (htmx == null) {
            model.addAttribute("failed", card);
            return page(model);
        }
        model.addAttribute("s", card);
        return "textinsight/suggested-themes :: card";
    }

    @PostMapping("/themes/suggested/{id}/dismiss")
    String dismiss(@PathVariable UUID id, @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model,
            RedirectAttributes redirect) {
        SuggestedThemes.Suggestion suggestion = suggested.find(id).orElseThrow(() -> new NotFoundException("textinsight.thing.suggestedTheme", id));
        suggested.dismiss(id, me());
        if (htmx == null) {
            redirect.addFlashAttribute("dismissed", true);
            return "redirect:/themes/suggested";
        }
        model.addAttribute("s", card(suggestion, null, null, null, List.of(), null, true));
        return "textinsight/suggested-themes :: card";
    }

    private String overview(Model model, String view) {
        SuggestedThemes.Overview overview = suggested.overview();
        ZoneId zone = organisations.current().timeZone();
        SuggestedThemes.Run run = overview.run();
        model.addAttribute("run", run == null ? null : new RunRow(WHEN.format(run.at().atZone(zone)), DAY.format(run.from()),
                DAY.format(run.to()), run.texts(), run.refused()));
        Card failed = (Card) model.getAttribute("failed");
        model.addAttribute("cards", overview.suggestions().stream()
                .map(s -> failed != null && failed.id().equals(s.id()) ? failed : card(s, null, null, null, List.of(), null, false))
                .toList());
        return view;
    }

    private static Card card(SuggestedThemes.Suggestion s, @Nullable String nameNl, @Nullable String nameEn, @Nullable String phrases,
            List<FieldError> errors, @Nullable String adoptedAs, boolean dismissed) {
        String label = s.labels().get(0).strip();
        String name = label.isEmpty() ? label : label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1).toLowerCase(Locale.ROOT);
        return new Card(s.id(), s.labels(), s.size(), "textinsight.language." + s.language().code(),
                s.examples().stream().map(e -> new ExampleRow(e.source().messageKey(), e.text())).toList(),
                nameNl == null ? name : nameNl, nameEn == null ? name : nameEn, phrases == null ? String.join("\n", s.labels()) : phrases,
                errors, adoptedAs, dismissed);
    }

    private String me() {
        return users.current().orElseThrow(() -> new NotFoundException("access.thing.user", "current")).username();
    }
}
