package nl.buitenin.listening.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.ApiKeyBindings.NewKey;
import nl.buitenin.access.Role;
import nl.buitenin.access.UserId;
import nl.buitenin.access.Users;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.widget.WidgetSiteKeys;
import nl.buitenin.listening.internal.widget.WidgetSites;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.PageController;

/**
 * The page where admins and analysts register the sites that show a survey in their own pages. Admins also make
 * and bind the API keys a site's server uses (as they do all keys); analysts see which keys a site has.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class WidgetSitesController {

    private final WidgetSites sites;
    private final JdbcSurveys surveys;
    private final Touchpoints touchpoints;
    private final WidgetSiteKeys keys;
    private final Users users;

    WidgetSitesController(WidgetSites sites, JdbcSurveys surveys, Touchpoints touchpoints, WidgetSiteKeys keys, Users users) {
        this.sites = sites;
        this.surveys = surveys;
        this.touchpoints = touchpoints;
        this.keys = keys;
        this.users = users;
    }

    /** What the form holds, to show it again after an error. */
    record SiteForm(String name, String survey, String touchpoint, String origins) {
    }

    @GetMapping("/surveys/widget-sites")
    String list(Model model) {
        return page(model, new SiteForm("", "", "", ""), List.of());
    }

    @PostMapping("/surveys/widget-sites")
    String register(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String survey,
            @RequestParam(defaultValue = "") String touchpoint, @RequestParam(defaultValue = "") String origins, Model model) {
        try {
            sites.register(name, survey, touchpoint, Arrays.asList(origins.split("[\\r\\n]+")));
            return "redirect:/surveys/widget-sites?saved";
        } catch (InvalidInputException e) {
            return page(model, new SiteForm(name, survey, touchpoint, origins), e.errors());
        }
    }

    @PostMapping("/surveys/widget-sites/{id}/remove")
    String remove(@PathVariable UUID id) {
        sites.remove(id);
        return "redirect:/surveys/widget-sites?removed";
    }

    @PostMapping("/surveys/widget-sites/{id}/keys")
    @Allow(Role.ADMIN)
    String newKey(@PathVariable UUID id, @RequestParam(defaultValue = "") String name, Model model) {
        try {
            NewKey issued = keys.newKey(id, name, users.current().map(u -> u.id()).orElse((UserId) null));
            model.addAttribute("issued", issued);
            model.addAttribute("issuedFor", id);
            return page(model, new SiteForm("", "", "", ""), List.of());
        } catch (InvalidInputException e) {
            return page(model, new SiteForm("", "", "", ""), e.errors());
        }
    }

    @PostMapping("/surveys/widget-sites/{id}/keys/bind")
    @Allow(Role.ADMIN)
    String bind(@PathVariable UUID id, @RequestParam UUID key) {
        keys.bind(id, key);
        return "redirect:/surveys/widget-sites?bound";
    }

    @PostMapping("/surveys/widget-sites/{id}/keys/{key}/unbind")
    @Allow(Role.ADMIN)
    String unbind(@PathVariable UUID id, @PathVariable UUID key, Model model) {
        try {
            keys.unbind(id, key);
            return "redirect:/surveys/widget-sites?unbound";
        } catch (ConflictException e) {
            model.addAttribute("lastBinding", true);
            return page(model, new SiteForm("", "", "", ""), List.of());
        }
    }

    private String page(Model model, SiteForm form, List<FieldError> errors) {
        List<JdbcSurveys.Summary> latest = surveys.latestVersions();
        List<Touchpoint> all = touchpoints.all();
        model.addAttribute("sites", sites.all());
        model.addAttribute("surveys", latest);
        model.addAttribute("surveysByLineage", latest.stream().collect(Collectors.toMap(JdbcSurveys.Summary::lineage, s -> s, (a, b) -> a)));
        model.addAttribute("touchpoints", all);
        model.addAttribute("touchpointsById", all.stream().collect(Collectors.toMap(t -> t.id().value(), t -> t, (a, b) -> a)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("baseUrl", sites.baseUrl());
        model.addAttribute("keysBySite", sites.all().stream().collect(Collectors.toMap(s -> s.id(), s -> keys.keysOf(s.id()))));
        model.addAttribute("unboundKeys", keys.unbound());
        model.addAttribute("ingestKeys", keys.ingestKeys());
        return "listening/widget-sites";
    }
}
