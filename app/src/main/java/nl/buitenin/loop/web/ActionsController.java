package nl.buitenin.loop.web;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.loop.ActionId;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.internal.Actions;
import nl.buitenin.loop.internal.AnswerThemes;
import nl.buitenin.loop.internal.ToldBackLog;
import nl.buitenin.loop.internal.Improving;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.privacy.SmallCells;

/**
 * The theme taxonomy and the improvement actions, managed by analysts and administrators. The counts of cases,
 * answers and people told are hidden below the small-cell minimum: these viewers do not handle the cases.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class ActionsController {

    private final Themes themes;
    private final Actions actions;
    private final Improving improving;
    private final LoopPages pages;
    private final ToldBackLog toldBack;
    private final AnswerThemes answerThemes;
    private final SmallCellRule smallCells;

    ActionsController(Themes themes, Actions actions, Improving improving, LoopPages pages, ToldBackLog toldBack,
            AnswerThemes answerThemes, SmallCellRule smallCells) {
        this.themes = themes;
        this.smallCells = smallCells;
        this.toldBack = toldBack;
        this.answerThemes = answerThemes;
        this.actions = actions;
        this.improving = improving;
        this.pages = pages;
    }

    /** A theme with its cases and answers, each count hidden when fewer than k people are behind it. */
    record ThemeRow(Themes.Theme theme, String parentName, SmallCells.Suppressed cases, SmallCells.Suppressed answers) {

        /** The example phrases one per line, for the text area that edits them. */
        public String examplesText() {
            return String.join("\n", theme.examples());
        }
    }

    @GetMapping("/loop/themes")
    String themes(Model model, Locale locale) {
        List<Themes.Theme> all = themes.all();
        Map<ThemeId, String> names = all.stream().collect(Collectors.toMap(Themes.Theme::id, t -> t.name(locale)));
        model.addAttribute("rows", all.stream()
                .map(t -> new ThemeRow(t, t.parent() == null ? null : names.get(t.parent()),
                        smallCells.suppress(themes.casesWith(t.id()), themes.casePeopleWith(t.id())),
                        smallCells.suppress(answerThemes.answersWith(t.id()), answerThemes.answerPeopleWith(t.id())))).toList());
        model.addAttribute("themes", all);
        model.addAttribute("minCell", smallCells.k());
        return "loop/themes";
    }

    @PostMapping("/loop/themes")
    String addTheme(@RequestParam(required = false) String nameNl, @RequestParam(required = false) String nameEn,
            @RequestParam(required = false) UUID parent, @RequestParam(required = false) String examples, RedirectAttributes redirect) {
        try {
            themes.add(nameNl, nameEn, parent == null ? null : new ThemeId(parent), lines(examples));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", byLine(e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.error("nameNl")));
        }
        return "redirect:/loop/themes";
    }

    /** The example phrases of a theme, one per line in a text area; an empty text area removes them. */
    @PostMapping("/loop/themes/{id}/examples")
    String changeExamples(@PathVariable UUID id, @RequestParam(required = false) String examples, RedirectAttributes redirect) {
        try {
            themes.changeExamples(new ThemeId(id), lines(examples));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", byLine(e));
        }
        return "redirect:/loop/themes";
    }

    /** The lines of a text area, blank ones included, so that a phrase's index is its line number minus one. */
    static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\\R", -1));
    }

    /** On the page the phrases are lines of one field: {@code examples[2]} is told as line 3 of {@code examples}. */
    static List<FieldError> byLine(InvalidInputException e) {
        return e.errors().stream().map(error -> {
            String field = error.field();
            if (field != null && field.startsWith("examples[")) {
                int line = Integer.parseInt(field.substring(9, field.length() - 1)) + 1;
                return FieldError.of("examples", "loop.invalid.exampleLine", line, Themes.EXAMPLE_LENGTH);
            }
            return error;
        }).toList();
    }

    record ActionRow(String id, String title, String description, String status, String statusKey, List<String> themes,
            String owner, LocalDate dueOn, String completed, ToldBack tally) {
    }

    /**
     * How many people were told by e-mail, by phone, or could not be reached, and how many messages wait for quiet hours
     * to pass (with the first moment they go out, null when none waits); each count hidden below k.
     */
    record ToldBack(SmallCells.Suppressed mailed, SmallCells.Suppressed phoned, SmallCells.Suppressed unreachable,
            SmallCells.Suppressed scheduled, java.time.@Nullable Instant scheduledFor) {
    }

    private ToldBack told(ToldBackLog.Tally tally) {
        return new ToldBack(smallCells.suppress(tally.mailed()), smallCells.suppress(tally.phoned()),
                smallCells.suppress(tally.unreachable()), smallCells.suppress(tally.scheduled()),
                tally.scheduled() == 0 ? null : tally.scheduledFor());
    }

    @GetMapping("/loop/actions")
    String actions(Model model, Locale locale) {
        Map<ThemeId, String> names = themes.all().stream().collect(Collectors.toMap(Themes.Theme::id, t -> t.name(locale)));
        Map<UUID, String> users = pages.userNames();
        model.addAttribute("actions", actions.all().stream().map(a -> new ActionRow(a.id().toString(), a.title(locale),
                a.description(locale), a.status().name(), a.status().messageKey(),
                a.themes().stream().map(t -> names.getOrDefault(t, "?")).sorted().toList(),
                a.owner() == null ? null : users.get(a.owner()), a.dueOn(),
                a.completedAt() == null ? null : CaseView.time(a.completedAt(), pages.zone(), locale),
                a.completedAt() == null ? null : told(toldBack.tally(a.id())))).toList());
        model.addAttribute("themes", themes.all());
        model.addAttribute("minCell", smallCells.k());
        return "loop/actions";
    }

    @PostMapping("/loop/actions")
    String plan(@RequestParam(required = false) String titleNl, @RequestParam(required = false) String titleEn,
            @RequestParam(required = false) String descriptionNl, @RequestParam(required = false) String descriptionEn,
            @RequestParam(required = false) List<UUID> themes, @RequestParam(required = false) String dueOn,
            RedirectAttributes redirect) {
        try {
            Set<ThemeId> addressed = new HashSet<>();
            if (themes != null) {
                themes.forEach(t -> addressed.add(new ThemeId(t)));
            }
            improving.plan(titleNl, titleEn, descriptionNl, descriptionEn, pages.me().id().value(), date(dueOn), addressed);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/loop/actions";
    }

    @PostMapping("/loop/actions/{id}/start")
    String start(@PathVariable UUID id, RedirectAttributes redirect) {
        return change(redirect, () -> improving.start(new ActionId(id)));
    }

    @PostMapping("/loop/actions/{id}/complete")
    String complete(@PathVariable UUID id, RedirectAttributes redirect) {
        return change(redirect, () -> improving.complete(new ActionId(id)));
    }

    private static String change(RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", true);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.error("status")));
        }
        return "redirect:/loop/actions";
    }

    private static LocalDate date(String text) {
        return RequestValues.date("dueOn", text, "loop.invalid.date");
    }
}
