package nl.buitenin.loop.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.User;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.internal.CallbackOutcome;
import nl.buitenin.loop.internal.CaseFile;
import nl.buitenin.loop.internal.CaseFiles;
import nl.buitenin.loop.internal.CaseTypes;
import nl.buitenin.loop.internal.CaseWork;
import nl.buitenin.loop.internal.TellBackCalls;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.PersonKey;

/** The agent's queue, a case with its notes, call-backs and history, and the complaint form. */
@Controller
@Allow(Role.AGENT)
class CaseQueueController {

    private final CaseWork work;
    private final CaseFiles cases;
    private final CaseTypes types;
    private final Themes themes;
    private final LoopPages pages;
    private final TellBackCalls tellBack;

    CaseQueueController(CaseWork work, CaseFiles cases, CaseTypes types, Themes themes, LoopPages pages, TellBackCalls tellBack) {
        this.tellBack = tellBack;
        this.work = work;
        this.cases = cases;
        this.types = types;
        this.themes = themes;
        this.pages = pages;
    }

    @GetMapping("/cases")
    String queue(Model model, Locale locale) {
        User me = pages.me();
        List<CaseFile> team = me.team() == null ? List.of() : cases.openOfTeam(me.team(), 500);
        List<CaseFile> mine = cases.openOwnedBy(me.id().value(), 500);
        model.addAttribute("mine", pages.views(mine, locale));
        model.addAttribute("team", pages.views(team.stream().filter(c -> !me.id().value().equals(c.owner())).toList(), locale));
        model.addAttribute("teamName", me.team());
        model.addAttribute("tellBack", tellBack.openFor(me));
        model.addAttribute("outcomes", CallbackOutcome.values());
        model.addAttribute("zone", pages.zone());
        return "loop/queue";
    }

    @GetMapping("/cases/{id}")
    String detail(@PathVariable UUID id, Model model, Locale locale) {
        User me = pages.me();
        CaseFile c = work.visibleTo(me, new CaseId(id));
        model.addAttribute("c", pages.view(c, locale));
        model.addAttribute("open", c.status().isOpen());
        model.addAttribute("canWork", c.canWork());
        model.addAttribute("canClose", c.canClose());
        model.addAttribute("canReopen", c.canReopen());
        model.addAttribute("outcome", c.outcome());
        model.addAttribute("person", c.person() == null ? null : c.person().value());
        model.addAttribute("touchpoint", c.touchpoint() == null ? null : c.touchpoint().toString());
        model.addAttribute("notes", cases.notes(c.id()));
        model.addAttribute("callbacks", cases.callbacks(c.id()));
        model.addAttribute("history", cases.history(c.id()));
        model.addAttribute("tags", themes.tagsOf(c.id()));
        model.addAttribute("themes", themes.all());
        model.addAttribute("outcomes", CallbackOutcome.values());
        model.addAttribute("zone", pages.zone());
        return "loop/case";
    }

    @PostMapping("/cases/{id}/notes")
    String addNote(@PathVariable UUID id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return act(id, redirect, () -> work.addNote(pages.me(), new CaseId(id), text));
    }

    @PostMapping("/cases/{id}/callbacks")
    String callBack(@PathVariable UUID id, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, () -> work.callBack(pages.me(), new CaseId(id), parseOutcome(outcome), note));
    }

    @PostMapping("/cases/{id}/resolve")
    String resolve(@PathVariable UUID id, @RequestParam(required = false) String outcome, RedirectAttributes redirect) {
        return act(id, redirect, () -> work.resolve(pages.me(), new CaseId(id), outcome));
    }

    @PostMapping("/cases/{id}/close")
    String close(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> work.close(pages.me(), new CaseId(id)));
    }

    @PostMapping("/cases/{id}/reopen")
    String reopen(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> work.reopen(pages.me(), new CaseId(id), reason));
    }

    @PostMapping("/cases/{id}/themes")
    String tag(@PathVariable UUID id, @RequestParam(required = false) UUID theme, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            User me = pages.me();
            CaseFile c = work.visibleTo(me, new CaseId(id));
            if (theme == null) {
                throw InvalidInputException.of("theme", "loop.invalid.theme");
            }
            themes.tag(c.id(), new ThemeId(theme), me.username(), ThemeTagging.Tagger.USER);
        });
    }

    @PostMapping("/cases/{id}/themes/{theme}/remove")
    String untag(@PathVariable UUID id, @PathVariable UUID theme, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            CaseFile c = work.visibleTo(pages.me(), new CaseId(id));
            themes.untag(c.id(), new ThemeId(theme));
        });
    }

    /** Accepts the suggester's theme on a case the user may see: it becomes a confirmed tag. */
    @PostMapping("/cases/{id}/themes/{theme}/confirm")
    String confirmTag(@PathVariable UUID id, @PathVariable UUID theme, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            User me = pages.me();
            CaseFile c = work.visibleTo(me, new CaseId(id));
            themes.confirm(TagSubject.of(c.id()), new ThemeId(theme), me.username());
        });
    }

    /** Rejects the suggester's theme on a case the user may see: it goes, and is not suggested again. */
    @PostMapping("/cases/{id}/themes/{theme}/reject")
    String rejectTag(@PathVariable UUID id, @PathVariable UUID theme, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            User me = pages.me();
            CaseFile c = work.visibleTo(me, new CaseId(id));
            themes.reject(TagSubject.of(c.id()), new ThemeId(theme), me.username());
        });
    }

    @GetMapping("/cases/new")
    String complaintForm(Model model) {
        model.addAttribute("types", types.all());
        model.addAttribute("channels", Channel.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "loop/new-case";
    }

    @PostMapping("/cases/new")
    String openComplaint(@RequestParam(required = false) String type, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String personKey, @RequestParam(required = false) String touchpoint,
            @RequestParam(required = false) String text, Model model) {
        User me = pages.me();
        List<FieldError> errors = new ArrayList<>();
        CaseType caseType = parse(errors, "type", () -> types.require(new CaseType(type == null ? "" : type)).type());
        Channel via = RequestValues.collecting(errors, () -> RequestValues.requiredChoice("channel", channel, Channel.class, "loop.invalid.field"));
        PersonKey person = RequestValues.blank(personKey) ? null
                : parse(errors, "personKey", () -> new PersonKey(personKey.strip()));
        TouchpointId where = RequestValues.collecting(errors,
                () -> RequestValues.id("touchpoint", touchpoint, TouchpointId::new, "loop.invalid.field"));
        if (RequestValues.blank(text)) {
            errors.add(FieldError.of("text", "loop.invalid.text"));
        }
        if (errors.isEmpty()) {
            try {
                CaseFile opened = work.open(new CaseWork.Opening(CaseSource.manual(), caseType, person, where, via, me.team(),
                        me.id().value(), text), me.username(), pages.clock().instant()).file();
                return "redirect:/cases/" + opened.id();
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", type);
        form.put("channel", channel);
        form.put("personKey", personKey);
        form.put("touchpoint", touchpoint);
        form.put("text", text);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return complaintForm(model);
    }

    private static <T> T parse(List<FieldError> errors, String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(field, "loop.invalid.field"));
        }
        return null;
    }

    private static CallbackOutcome parseOutcome(String outcome) {
        return RequestValues.requiredChoice("outcome", outcome, CallbackOutcome.class, "loop.invalid.outcome");
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.error("status")));
        }
        return "redirect:/cases/" + id;
    }
}
