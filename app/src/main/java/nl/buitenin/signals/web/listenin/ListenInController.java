package nl.buitenin.signals.web.listenin;

import java.util.List;
import java.util.Locale;

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
import nl.buitenin.signals.internal.listenin.ListenIn;
import nl.buitenin.signals.internal.listenin.ListenInForm;
import nl.buitenin.signals.internal.listenin.ListenInKind;
import nl.buitenin.signals.internal.listenin.ListenInLog;
import nl.buitenin.signals.internal.listenin.Managers;

/**
 * The listen-in page ("meeloopdagen"): a manager records a day along with the front line, listening in or a customer
 * visit in one short form and sees their own entries; an administrator also sees everyone's of the last year, by name.
 * An agent who leads no team is told the page is for managers.
 */
@PageController
@Allow({Role.ADMIN, Role.AGENT})
class ListenInController {

    private final ListenInLog log;
    private final Managers managers;
    private final Users users;

    ListenInController(ListenInLog log, Managers managers, Users users) {
        this.log = log;
        this.managers = managers;
        this.users = users;
    }

    /** An entry as the page shows it: who by name (for administrators), the day, the kind's text key, hours and note. */
    record Row(String who, java.time.LocalDate day, String kindKey, String hours, @Nullable String note) {
    }

    @GetMapping("/listen-in")
    String page(Model model, Locale locale) {
        User me = users.current().orElseThrow();
        fill(model, me, new ListenInForm(log.today().toString(), ListenInKind.SHADOW_DAY.code(), "", ""), List.of(), locale);
        return "signals/listen-in";
    }

    @PostMapping("/listen-in")
    String record(@RequestParam(required = false) @Nullable String day, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String hours, @RequestParam(required = false) @Nullable String note, Model model,
            RedirectAttributes redirect, Locale locale) {
        User me = users.current().orElseThrow();
        ListenInForm form = new ListenInForm(day, kind, hours, note);
        if (!managers.isManager(me)) {
            fill(model, me, form, List.of(), locale);
            return "signals/listen-in";
        }
        try {
            log.record(me, form);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/listen-in";
        } catch (InvalidInputException e) {
            fill(model, me, form, e.errors(), locale);
            return "signals/listen-in";
        }
    }

    private void fill(Model model, User me, ListenInForm form, List<InvalidInputException.FieldError> errors, Locale locale) {
        boolean manager = managers.isManager(me);
        model.addAttribute("manager", manager);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", ListenInKind.values());
        model.addAttribute("mine", manager ? rows(log.of(me.username()), locale) : List.of());
        model.addAttribute("everyone", me.has(Role.ADMIN) ? rows(log.between(log.today().minusYears(1), log.today()), locale) : List.of());
        model.addAttribute("admin", me.has(Role.ADMIN));
    }

    private List<Row> rows(List<ListenIn> entries, Locale locale) {
        java.text.NumberFormat number = java.text.NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(2);
        return entries.stream().map(e -> new Row(e.staffRef() == null ? "" : users.byUsername(e.staffRef()).map(User::displayName)
                .orElse(e.staffRef()), e.day(), e.kind().messageKey(), number.format(e.hours()), e.note())).toList();
    }
}
