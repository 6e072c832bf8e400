package nl.buitenin.loop.web;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Users;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.internal.CaseTypes;
import nl.buitenin.loop.internal.LoopSettings;
import nl.buitenin.loop.internal.Teams;
import nl.buitenin.loop.internal.Webhooks;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;

/** Administrators manage teams and their leads, case types and their SLA, and the service-desk webhooks. */
@PageController
@Allow(Role.ADMIN)
class LoopAdminController {

    private final Teams teams;
    private final CaseTypes types;
    private final Webhooks webhooks;
    private final Users users;
    private final LoopPages pages;
    private final LoopSettings settings;

    LoopAdminController(Teams teams, CaseTypes types, Webhooks webhooks, Users users, LoopPages pages, LoopSettings settings) {
        this.settings = settings;
        this.teams = teams;
        this.types = types;
        this.webhooks = webhooks;
        this.users = users;
        this.pages = pages;
    }

    @GetMapping("/admin/loop")
    String settings(Model model) {
        model.addAttribute("teams", teams.all());
        model.addAttribute("types", types.all());
        model.addAttribute("users", users.all());
        model.addAttribute("userNames", pages.userNames());
        model.addAttribute("webhooks", webhooks.all());
        model.addAttribute("events", Webhooks.EVENTS);
        model.addAttribute("tellBackMinConfidence", settings.tellBackMinConfidence());
        return "loop/admin";
    }

    /** The confidence an automatic theme needs before "you said, we did" tells the person without a confirmation. */
    @PostMapping("/admin/loop/tell-back")
    String saveTellBack(@RequestParam(required = false) String tellBackMinConfidence, RedirectAttributes redirect) {
        return save(redirect, () -> settings.changeTellBackMinConfidence(
                RequestValues.decimal("tellBackMinConfidence", tellBackMinConfidence, "loop.invalid.confidence")));
    }

    @PostMapping("/admin/loop/teams")
    String saveTeam(@RequestParam(required = false) String name, @RequestParam(required = false) UUID lead,
            RedirectAttributes redirect) {
        return save(redirect, () -> teams.save(new Teams.Team(name, lead)));
    }

    @PostMapping("/admin/loop/case-types")
    String saveType(@RequestParam(required = false) String code, @RequestParam(required = false) String nameNl,
            @RequestParam(required = false) String nameEn, @RequestParam(required = false) Integer slaWorkingDays,
            @RequestParam(required = false) String defaultTeam, RedirectAttributes redirect) {
        return save(redirect, () -> {
            CaseType type;
            try {
                type = new CaseType(code);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("code", "loop.invalid.caseTypeCode", code);
            }
            if (RequestValues.blank(nameNl) || RequestValues.blank(nameEn)) {
                throw InvalidInputException.of("nameNl", "loop.invalid.bothNames");
            }
            if (slaWorkingDays == null) {
                throw InvalidInputException.of("slaWorkingDays", "loop.invalid.sla");
            }
            // A default team nobody is in would put every case of the type in no queue.
            types.save(new CaseTypes.Definition(type, nameNl.strip(), nameEn.strip(), slaWorkingDays,
                    RequestValues.blank(defaultTeam) ? null : teams.require("defaultTeam", defaultTeam)));
        });
    }

    @PostMapping("/admin/loop/webhooks")
    String subscribe(@RequestParam(required = false) String url, @RequestParam(required = false) String secret,
            @RequestParam(required = false) List<String> events, RedirectAttributes redirect) {
        return save(redirect, () -> webhooks.subscribe(url, secret, events == null ? null : new HashSet<>(events)));
    }

    @PostMapping("/admin/loop/webhooks/{id}/deactivate")
    String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
        return save(redirect, () -> webhooks.deactivate(id));
    }

    @GetMapping("/admin/loop/deliveries")
    String deliveries(Model model) {
        model.addAttribute("deliveries", webhooks.log(200));
        model.addAttribute("zone", pages.zone());
        return "loop/deliveries";
    }

    private static String save(RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errors", List.of(FieldError.of("input", "loop.invalid.notValid", String.valueOf(e.getMessage()))));
        }
        return "redirect:/admin/loop";
    }
}
