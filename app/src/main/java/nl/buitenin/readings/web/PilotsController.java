package nl.buitenin.readings.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.readings.internal.Pilot;
import nl.buitenin.readings.internal.PilotControl;
import nl.buitenin.readings.internal.PilotForm;
import nl.buitenin.readings.internal.PilotMeasure;
import nl.buitenin.readings.internal.PilotReadings;
import nl.buitenin.readings.internal.PilotState;
import nl.buitenin.readings.internal.Pilots;

/**
 * The pilots pages for analysts: the list, the form to define or change a pilot (touchpoints chosen by name,
 * grouped by journey stage) and a pilot's page, which shows what it can detect before it starts, its progress while
 * it runs (never the effect: a fixed horizon) and its result with plain words once it has ended.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class PilotsController {

    private final Pilots pilots;
    private final PilotReadings readings;
    private final Journeys journeys;
    private final PilotNames names;
    private final SmallCellRule smallCells;
    private final MessageSource messages;

    PilotsController(Pilots pilots, PilotReadings readings, Journeys journeys, PilotNames names, SmallCellRule smallCells,
            MessageSource messages) {
        this.smallCells = smallCells;
        this.messages = messages;
        this.pilots = pilots;
        this.readings = readings;
        this.journeys = journeys;
        this.names = names;
    }

    record Row(UUID id, String name, PilotState state, LocalDate startsOn, LocalDate endsOn, String measureKey, List<PilotNames.Named> touchpoints) {
    }

    @GetMapping("/pilots")
    String list(Model model, Locale locale) {
        LocalDate today = readings.today();
        Map<TouchpointId, PilotNames.Named> named = names.all(locale);
        model.addAttribute("pilots", pilots.all().stream().map(p -> new Row(p.id(), p.name(), p.state(today), p.startsOn(), p.endsOn(),
                p.measure().messageKey(), names.of(p.touchpoints(), named))).toList());
        return "readings/pilots";
    }

    @GetMapping("/pilots/new")
    String create(Model model) {
        LocalDate start = readings.today().plusDays(7);
        form(model, new PilotForm("", "", PilotMeasure.NPS.code(), start.toString(), start.plusDays(41).toString(),
                PilotControl.PERIOD_BEFORE.code(), List.of(), List.of()), null, List.of());
        return "readings/pilot-form";
    }

    @PostMapping("/pilots")
    String define(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String change,
            @RequestParam(required = false) @Nullable String measure, @RequestParam(required = false) @Nullable String startsOn,
            @RequestParam(required = false) @Nullable String endsOn, @RequestParam(required = false) @Nullable String control,
            @RequestParam(required = false) @Nullable List<String> touchpoints,
            @RequestParam(required = false) @Nullable List<String> controlTouchpoints, Model model, RedirectAttributes redirect) {
        PilotForm form = new PilotForm(name, change, measure, startsOn, endsOn, control, touchpoints, controlTouchpoints);
        try {
            Pilot pilot = pilots.define(form);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/pilots/" + pilot.id();
        } catch (InvalidInputException e) {
            form(model, form, null, e.errors());
            return "readings/pilot-form";
        }
    }

    @GetMapping("/pilots/{id}")
    String pilot(@PathVariable String id, Model model, Locale locale) {
        Pilot pilot = pilots.byId(pilotId(id));
        PilotNumbers numbers = new PilotNumbers(locale, pilot.measure());
        model.addAttribute("view", PilotView.of(pilot, readings.today(), readings, names.all(locale), names, numbers,
                n -> smallCells.hides(n) ? messages.getMessage("readings.pilot.fewerThan", new Object[] {smallCells.k()}, locale) : numbers.whole(n)));
        return "readings/pilot";
    }

    @GetMapping("/pilots/{id}/edit")
    String edit(@PathVariable String id, Model model, RedirectAttributes redirect) {
        Pilot pilot = pilots.byId(pilotId(id));
        if (pilot.state(readings.today()) != PilotState.PLANNED) {
            redirect.addFlashAttribute("started", true);
            return "redirect:/pilots/" + pilot.id();
        }
        form(model, PilotForm.of(pilot), pilot.id(), List.of());
        return "readings/pilot-form";
    }

    @PostMapping("/pilots/{id}")
    String change(@PathVariable String id, @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String change, @RequestParam(required = false) @Nullable String measure,
            @RequestParam(required = false) @Nullable String startsOn, @RequestParam(required = false) @Nullable String endsOn,
            @RequestParam(required = false) @Nullable String control, @RequestParam(required = false) @Nullable List<String> touchpoints,
            @RequestParam(required = false) @Nullable List<String> controlTouchpoints, Model model, RedirectAttributes redirect) {
        UUID pilotId = pilotId(id);
        PilotForm form = new PilotForm(name, change, measure, startsOn, endsOn, control, touchpoints, controlTouchpoints);
        try {
            pilots.change(pilotId, form);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/pilots/" + pilotId;
        } catch (InvalidInputException e) {
            form(model, form, pilotId, e.errors());
            return "readings/pilot-form";
        } catch (ConflictException e) {
            form(model, form, pilotId, List.of(e.error("startsOn")));
            return "readings/pilot-form";
        }
    }

    private void form(Model model, PilotForm form, @Nullable UUID id, List<InvalidInputException.FieldError> errors) {
        model.addAttribute("form", form);
        model.addAttribute("pilotId", id);
        model.addAttribute("errors", new ArrayList<>(errors));
        model.addAttribute("journeys", journeys.all());
        model.addAttribute("measures", PilotMeasure.values());
        model.addAttribute("controls", PilotControl.values());
        model.addAttribute("chosen", form.touchpoints() == null ? List.of() : form.touchpoints());
        model.addAttribute("chosenControl", form.controlTouchpoints() == null ? List.of() : form.controlTouchpoints());
    }

    private static UUID pilotId(String raw) {
        return RequestValues.require(RequestValues.uuid("id", raw, "readings.invalid.pilot.id"), "id", "readings.invalid.pilot.id");
    }
}
