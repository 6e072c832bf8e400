package nl.buitenin.listening.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.widget.WidgetSites;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/** The page where admins and analysts register the sites that show a survey in their own pages. */
@Controller
@Allow({Role.ADMIN, Role.ANALYST})
class WidgetSitesController {

    private final WidgetSites sites;
    private final JdbcSurveys surveys;
    private final Touchpoints touchpoints;

    WidgetSitesController(WidgetSites sites, JdbcSurveys surveys, Touchpoints touchpoints) {
        this.sites = sites;
        this.surveys = surveys;
        this.touchpoints = touchpoints;
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
        return "listening/widget-sites";
    }
}
