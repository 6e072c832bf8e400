package nl.buitenin.textinsight.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Users;
import nl.buitenin.journey.Journeys;
import nl.buitenin.loop.ImprovementActions;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTag;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.ThemeTaxonomy;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.textinsight.internal.FailureDemandFigures;
import nl.buitenin.textinsight.internal.FailureDemandFigures.Figures;
import nl.buitenin.textinsight.internal.FailureDemandFigures.Question;
import nl.buitenin.textinsight.internal.TextInsightProperties;

/**
 * The failure-demand page for analysts: per journey, stage and touchpoint and per week the share of contacts that were
 * failure demand (n, 95 % interval, small cells hidden), the repeat contacts, the kinds of failure, and the top
 * repeated questions with example reasons (read under the purpose "service improvement") and the themes found in each,
 * which an analyst confirms or rejects in place. From a question an analyst opens an improvement action in loop that
 * names the question and links back here.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class FailureDemandController {

    /** When an action opened from a question is due unless the analyst picks another day. */
    static final int DUE_IN_DAYS = 28;

    private final FailureDemandFigures figures;
    private final Journeys journeys;
    private final ThemeTaxonomy taxonomy;
    private final ImprovementActions actions;
    private final Users users;
    private final Organisations organisations;
    private final SmallCellRule smallCells;
    private final MessageSource messages;
    private final TextInsightProperties properties;
    private final ThemeTagging tagging;

    FailureDemandController(FailureDemandFigures figures, Journeys journeys, ThemeTaxonomy taxonomy, ImprovementActions actions,
            Users users, Organisations organisations, SmallCellRule smallCells, MessageSource messages, TextInsightProperties properties,
            ThemeTagging tagging) {
        this.tagging = tagging;
        this.properties = properties;
        this.figures = figures;
        this.journeys = journeys;
        this.taxonomy = taxonomy;
        this.actions = actions;
        this.users = users;
        this.organisations = organisations;
        this.smallCells = smallCells;
        this.messages = messages;
    }

    @GetMapping("/failure-demand")
    String page(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String journey, Model model, Locale locale) {
        LocalDate today = today();
        model.addAttribute("journeys", journeys.all());
        model.addAttribute("themes", taxonomy.all());
        model.addAttribute("minCell", smallCells.k());
        model.addAttribute("repeatWindowDays", properties.repeatWindowDays());
        model.addAttribute("dueOn", today.plusDays(DUE_IN_DAYS));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("journey", journey);
        try {
            FailureDemandQuery query = FailureDemandQuery.read(from, to, journey, today);
            Figures found = figures.of(query.from(), query.to(), query.journey(), true);
            model.addAttribute("figures", found);
            Map<UUID, List<ReasonTheme>> themes = new HashMap<>();
            found.questions().forEach(q -> q.exampleContacts().stream().filter(Objects::nonNull)
                    .forEach(contact -> themes.put(contact, themesOf(contact, locale))));
            model.addAttribute("reasonThemes", themes);
            model.addAttribute("from", query.from());
            model.addAttribute("to", query.to());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (NotFoundException e) {
            model.addAttribute("errors", List.of(InvalidInputException.FieldError.of("journey", "textinsight.invalid.journey.unknown")));
        }
        return "textinsight/failure-demand";
    }

    /**
     * Opens an improvement action for a repeated question of the period: the question is found again from the same
     * filters (so the action names what the page showed, not what a form sent), the action names it in Dutch and
     * English and links back to this page at that question.
     */
    @PostMapping("/failure-demand/actions")
    String open(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String journey, @RequestParam(required = false) @Nullable String question,
            @RequestParam(required = false) @Nullable String theme, @RequestParam(required = false) @Nullable String dueOn,
            RedirectAttributes redirect) {
        FailureDemandQuery query = null;
        try {
            query = FailureDemandQuery.read(from, to, journey, today());
            ThemeId chosen = RequestValues.require(RequestValues.id("theme", theme, ThemeId::new, "textinsight.invalid.theme"),
                    "theme", "textinsight.invalid.theme.missing");
            LocalDate due = RequestValues.date("dueOn", dueOn, "textinsight.invalid.date");
            String key = RequestValues.required("question", question, "textinsight.invalid.question");
            Figures found = figures.of(query.from(), query.to(), query.journey(), false);
            Question asked = found.questions().stream().filter(q -> q.key().equals(key)).findFirst()
                    .orElseThrow(() -> InvalidInputException.of("question", "textinsight.invalid.question"));
            String link = UriComponentsBuilder.fromPath("/failure-demand").queryParam("from", query.from())
                    .queryParam("to", query.to()).build().toUriString() + "#question-" + URLEncoder.encode(asked.key(), StandardCharsets.UTF_8);
            String journeyNl = journeyName(found, Locale.forLanguageTag("nl"));
            String journeyEn = journeyName(found, Locale.ENGLISH);
            actions.plan(new ImprovementActions.Plan(
                    text("textinsight.failureDemand.action.title", Locale.forLanguageTag("nl"), asked.label()),
                    text("textinsight.failureDemand.action.title", Locale.ENGLISH, asked.label()),
                    text("textinsight.failureDemand.action.description", Locale.forLanguageTag("nl"), asked.label(), asked.contacts(),
                            day(query.from(), "nl"), day(query.to(), "nl"), journeyNl, link),
                    text("textinsight.failureDemand.action.description", Locale.ENGLISH, asked.label(), asked.contacts(),
                            day(query.from(), "en"), day(query.to(), "en"), journeyEn, link),
                    users.current().orElseThrow(() -> new NotFoundException("access.thing.user", "current")).id(),
                    due == null ? today().plusDays(DUE_IN_DAYS) : due, Set.of(chosen)));
            redirect.addFlashAttribute("opened", asked.label());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("errors", List.of(InvalidInputException.FieldError.of("journey", "textinsight.invalid.journey.unknown")));
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/failure-demand");
        if (query != null) {
            back.queryParam("from", query.from()).queryParam("to", query.to());
            if (query.journey() != null) {
                back.queryParam("journey", query.journey().value());
            }
        }
        return "redirect:" + back.build().toUriString();
    }

    /** A theme found in a contact reason: its name, the suggester's confidence in whole per cent, and whether it awaits review. */
    record ReasonTheme(UUID theme, String name, @Nullable Long percent, boolean suggested) {
    }

    /** The themes of a contact's reason that stand (rejected ones are gone), by name. */
    private List<ReasonTheme> themesOf(UUID contact, Locale locale) {
        List<ReasonTheme> themes = new ArrayList<>();
        for (ThemeTag tag : tagging.tagsOf(TagSubject.contactReason(contact))) {
            if (tag.state() == ThemeTag.State.REJECTED) {
                continue;
            }
            taxonomy.byId(tag.theme()).ifPresent(theme -> themes.add(new ReasonTheme(tag.theme().value(), theme.name(locale),
                    tag.confidence() == null ? null : Math.round(tag.confidence() * 100), tag.state() == ThemeTag.State.SUGGESTED)));
        }
        themes.sort(Comparator.comparing(ReasonTheme::name));
        return themes;
    }

    /**
     * An analyst confirms a theme suggested on a contact reason (htmx in place, or a plain form post and the page again);
     * the theme model learns from it like from the other texts.
     */
    @PostMapping("/failure-demand/reasons/{contact}/themes/{theme}/confirm")
    String confirm(@PathVariable UUID contact, @PathVariable UUID theme,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model, Locale locale) {
        tagging.confirm(TagSubject.contactReason(contact), new ThemeId(theme), me());
        return reviewed(contact, htmx, model, locale);
    }

    /** An analyst rejects a theme suggested on a contact reason: it goes, and the theme model learns from it. */
    @PostMapping("/failure-demand/reasons/{contact}/themes/{theme}/reject")
    String reject(@PathVariable UUID contact, @PathVariable UUID theme,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model, Locale locale) {
        tagging.reject(TagSubject.contactReason(contact), new ThemeId(theme), me());
        return reviewed(contact, htmx, model, locale);
    }

    private String reviewed(UUID contact, @Nullable String htmx, Model model, Locale locale) {
        if (htmx == null) {
            return "redirect:/failure-demand#questions";
        }
        model.addAttribute("reasonContact", contact);
        model.addAttribute("reasonFound", themesOf(contact, locale));
        return "textinsight/failure-demand :: reasonThemes";
    }

    private String me() {
        return users.current().orElseThrow(() -> new NotFoundException("access.thing.user", "current")).username();
    }

    private String journeyName(Figures found, Locale locale) {
        if (found.journeys().size() == 1) {
            return found.journeys().get(0).journey().name(locale);
        }
        return text("textinsight.failureDemand.allJourneys", locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String day(LocalDate day, String language) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag(language)));
    }

    private LocalDate today() {
        return LocalDate.now(organisations.current().timeZone());
    }
}
