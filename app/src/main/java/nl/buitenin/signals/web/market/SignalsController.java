package nl.buitenin.signals.web.market;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.AnySignedIn;
import nl.buitenin.access.Role;
import nl.buitenin.access.Users;
import nl.buitenin.loop.ImprovementActions;
import nl.buitenin.loop.ThemeDefinition;
import nl.buitenin.loop.ThemeTaxonomy;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.signals.internal.market.DecisionInput;
import nl.buitenin.signals.internal.market.MarketSignals;
import nl.buitenin.signals.internal.market.SignalInput;
import nl.buitenin.signals.internal.market.SignalKind;
import nl.buitenin.signals.internal.market.SignalThemes;
import nl.buitenin.signals.internal.missed.JdbcMissedSales;

/**
 * Market signals on pages: every signed-in member of staff records one and reads the list and each signal's chain
 * outside → inside; analysts and administrators group missed sales into a signal and decide what is done with it.
 */
@PageController
class SignalsController {

    private final MarketSignals signals;
    private final JdbcMissedSales missedSales;
    private final ImprovementActions actions;
    private final ThemeTaxonomy themes;
    private final Users users;
    private final SmallCellRule smallCells;
    private final SignalThemes signalThemes;

    SignalsController(MarketSignals signals, JdbcMissedSales missedSales, ImprovementActions actions, ThemeTaxonomy themes, Users users,
            SmallCellRule smallCells, SignalThemes signalThemes) {
        this.signalThemes = signalThemes;
        this.signals = signals;
        this.missedSales = missedSales;
        this.actions = actions;
        this.themes = themes;
        this.users = users;
        this.smallCells = smallCells;
    }

    @GetMapping("/signals/market")
    @AnySignedIn
    String list(Model model) {
        model.addAttribute("chains", signals.chains());
        model.addAttribute("kinds", SignalKind.values());
        return "signals/market";
    }

    @PostMapping("/signals/market")
    @AnySignedIn
    String create(@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String source, @RequestParam(required = false) @Nullable String noticedOn,
            @RequestParam(required = false) @Nullable String description, RedirectAttributes redirect) {
        SignalInput input = new SignalInput(kind, title, source, noticedOn, description);
        try {
            UUID id = signals.create(input, users.current().orElseThrow().id().value()).id();
            redirect.addFlashAttribute("created", true);
            return "redirect:/signals/market/" + id;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
            redirect.addFlashAttribute("input", input);
            return "redirect:/signals/market";
        }
    }

    @GetMapping("/signals/market/{id}")
    @AnySignedIn
    String chain(@PathVariable UUID id, Model model, Locale locale) {
        model.addAttribute("view", ChainView.of(signals.chain(id), smallCells));
        model.addAttribute("k", smallCells.k());
        model.addAttribute("things", missedSales.keys());
        model.addAttribute("actions", actions.all());
        model.addAttribute("themes", themes.all().stream().sorted(Comparator.comparing((ThemeDefinition t) -> t.name(locale))).toList());
        model.addAttribute("themeComments", signalThemes.comments(id));
        return "signals/chain";
    }

    @PostMapping("/signals/market/{id}/themes")
    @Allow({Role.ADMIN, Role.ANALYST})
    String linkTheme(@PathVariable UUID id, @RequestParam(required = false) @Nullable String theme, RedirectAttributes redirect) {
        try {
            signalThemes.link(id, theme == null ? List.of() : List.of(theme));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/signals/market/" + id;
    }

    @PostMapping("/signals/market/{id}/themes/{theme}/remove")
    @Allow({Role.ADMIN, Role.ANALYST})
    String unlinkTheme(@PathVariable UUID id, @PathVariable UUID theme) {
        signalThemes.unlink(id, theme);
        return "redirect:/signals/market/" + id;
    }

    @PostMapping("/signals/market/{id}/decision")
    @Allow({Role.ADMIN, Role.ANALYST})
    String decide(@PathVariable UUID id, @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String action, @RequestParam(required = false) @Nullable String titleNl,
            @RequestParam(required = false) @Nullable String titleEn, @RequestParam(required = false) @Nullable String theme,
            @RequestParam(required = false) @Nullable String dueOn, @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        try {
            signals.decide(id, new DecisionInput(decision, action, titleNl, titleEn, theme, dueOn, reason),
                    users.current().orElseThrow().id().value());
            redirect.addFlashAttribute("decided", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/signals/market/" + id;
    }

    @PostMapping("/signals/market/{id}/missed-sales")
    @Allow({Role.ADMIN, Role.ANALYST})
    String group(@PathVariable UUID id, @RequestParam(required = false) @Nullable String thing, RedirectAttributes redirect) {
        try {
            signals.group(id, thing == null ? List.of() : List.of(thing));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/signals/market/" + id;
    }

    @PostMapping("/signals/market/{id}/missed-sales/remove")
    @Allow({Role.ADMIN, Role.ANALYST})
    String ungroup(@PathVariable UUID id, @RequestParam(required = false) @Nullable String thing) {
        if (thing != null) {
            signals.ungroup(id, thing);
        }
        return "redirect:/signals/market/" + id;
    }
}
