package nl.buitenin.signals.web.warnings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.User;
import nl.buitenin.access.Users;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.signals.internal.warnings.DigestSubscriptions;
import nl.buitenin.signals.internal.warnings.EarlyWarnings;
import nl.buitenin.signals.internal.warnings.WarningKind;
import nl.buitenin.signals.internal.warnings.WarningTexts;
import nl.buitenin.signals.internal.warnings.WarningThresholds;

/**
 * The early-warnings page: the active warnings first, then the quiet ones and those with too little data, each with its
 * chart, n, threshold and explanation; administrators set the thresholds, and each reader chooses the warnings of their
 * weekly digest.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class WarningsController {

    private final EarlyWarnings warnings;
    private final WarningTexts texts;
    private final WarningThresholds thresholds;
    private final DigestSubscriptions subscriptions;
    private final Users users;

    WarningsController(EarlyWarnings warnings, WarningTexts texts, WarningThresholds thresholds, DigestSubscriptions subscriptions,
            Users users) {
        this.warnings = warnings;
        this.texts = texts;
        this.thresholds = thresholds;
        this.subscriptions = subscriptions;
        this.users = users;
    }

    /** A warning that can be chosen for the digest, with its title and whether the reader chose it. */
    record Choice(String code, String title, boolean chosen, int threshold, int defaultThreshold) {
    }

    @GetMapping("/warnings")
    String page(Model model, Locale locale) {
        fill(model, locale, List.of());
        return "signals/warnings";
    }

    @PostMapping("/warnings/thresholds")
    @Allow(Role.ADMIN)
    String thresholds(@RequestParam Map<String, String> form, Model model, Locale locale, RedirectAttributes redirect) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        for (WarningKind kind : WarningKind.values()) {
            String field = "threshold." + kind.code();
            Integer value = RequestValues.collecting(errors, () -> RequestValues.whole(field, form.get(field), "signals.invalid.thresholdNumber"));
            if (value != null) {
                RequestValues.collecting(errors, () -> {
                    thresholds.set(kind, value);
                    return null;
                });
            }
        }
        if (!errors.isEmpty()) {
            fill(model, locale, errors);
            return "signals/warnings";
        }
        redirect.addFlashAttribute("thresholdsSaved", true);
        return "redirect:/warnings";
    }

    @PostMapping("/warnings/digest")
    String digest(@RequestParam(required = false) @Nullable String email, @RequestParam(required = false) @Nullable List<String> warnings,
            Model model, Locale locale, RedirectAttributes redirect) {
        User me = users.current().orElseThrow();
        try {
            subscriptions.choose(me.id(), email == null ? "" : email, warnings == null ? List.of() : warnings);
            redirect.addFlashAttribute("digestSaved", true);
            return "redirect:/warnings";
        } catch (InvalidInputException e) {
            fill(model, locale, e.errors());
            model.addAttribute("email", email);
            return "signals/warnings";
        }
    }

    private void fill(Model model, Locale locale, List<InvalidInputException.FieldError> errors) {
        User me = users.current().orElseThrow();
        List<WarningTexts.Shown> shown = new ArrayList<>(texts.show(warnings.now(), locale));
        shown.sort(Comparator.comparingInt(WarningsController::order));
        Optional<DigestSubscriptions.Subscription> mine = subscriptions.of(me.id());
        Map<WarningKind, Integer> limits = thresholds.all();
        model.addAttribute("active", shown.stream().filter(WarningTexts.Shown::active).toList());
        model.addAttribute("others", shown.stream().filter(s -> !s.active()).toList());
        model.addAttribute("choices", shown.stream().map(s -> new Choice(s.code(), s.title(),
                mine.map(m -> m.kinds().contains(s.kind())).orElse(false), limits.get(s.kind()), s.kind().defaultThreshold())).toList());
        model.addAttribute("subscribed", mine.isPresent());
        model.addAttribute("email", mine.map(DigestSubscriptions.Subscription::email).orElse(""));
        model.addAttribute("admin", me.has(Role.ADMIN));
        model.addAttribute("errors", errors);
    }

    private static int order(WarningTexts.Shown s) {
        return switch (s.state()) {
            case "ACTIVE" -> 0;
            case "QUIET" -> 1;
            case "TOO_LITTLE" -> 2;
            default -> 3;
        };
    }
}
