package nl.buitenin.workshop.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.User;
import nl.buitenin.access.Users;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Journeys;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.workshop.internal.Workshop;
import nl.buitenin.workshop.internal.WorkshopForm;
import nl.buitenin.workshop.internal.Workshops;

/**
 * The facilitator's pages (analysts and administrators): the list of workshops with the form to open one, grouping the
 * notes, running the dot vote and closing the workshop.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class FacilitatorController {

    private final Workshops workshops;
    private final Journeys journeys;
    private final Users users;
    private final Organisations organisations;

    FacilitatorController(Workshops workshops, Journeys journeys, Users users, Organisations organisations) {
        this.workshops = workshops;
        this.journeys = journeys;
        this.users = users;
        this.organisations = organisations;
    }

    /** A workshop in the list: its journey by name, whether it is open or anonymous, its departments. */
    record Row(UUID id, String title, java.time.LocalDate day, String journey, boolean open, boolean anonymous, List<String> departments) {
    }

    @GetMapping("/workshops")
    String list(Model model, Locale locale) {
        String today = workshops.today(organisations.current().timeZone()).toString();
        fillList(model, new WorkshopForm("", "", today, "", false, ""), List.of(), locale);
        return "workshop/list";
    }

    @PostMapping("/workshops")
    String open(@RequestParam(required = false) @Nullable String journey, @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String day, @RequestParam(required = false) @Nullable String departments,
            @RequestParam(defaultValue = "false") boolean anonymous, @RequestParam(required = false) @Nullable String invited, Model model,
            Locale locale) {
        WorkshopForm form = new WorkshopForm(journey, title, day, departments, anonymous, invited);
        try {
            Workshop workshop = workshops.open(me(), form);
            return "redirect:/workshops/" + workshop.id();
        } catch (InvalidInputException e) {
            fillList(model, form, e.errors(), locale);
            return "workshop/list";
        }
    }

    private void fillList(Model model, WorkshopForm form, List<InvalidInputException.FieldError> errors, Locale locale) {
        Map<UUID, String> names = new HashMap<>();
        journeys.allIncludingArchived().forEach(j -> names.put(j.id().value(), j.name(locale)));
        model.addAttribute("rows", workshops.all().stream().map(w -> new Row(w.id(), w.title(), w.heldOn(),
                names.getOrDefault(w.journey().value(), ""), w.isOpen(), w.anonymous(), w.departments())).toList());
        model.addAttribute("journeys", journeys.all().stream().map(j -> new Option(j.id().value().toString(), j.name(locale))).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    record Option(String value, String label) {
    }

    @GetMapping("/workshops/{id}/groups")
    String groups(@PathVariable UUID id, Model model, Locale locale) {
        fillGroups(model, id, List.of(), locale);
        return "workshop/groups";
    }

    @PostMapping("/workshops/{id}/groups")
    String addGroup(@PathVariable UUID id, @RequestParam(required = false) @Nullable String name, Model model, Locale locale) {
        try {
            workshops.addGroup(me(), id, name);
            return "redirect:/workshops/" + id + "/groups";
        } catch (InvalidInputException e) {
            fillGroups(model, id, e.errors(), locale);
            return "workshop/groups";
        }
    }

    /** Puts each note into the group chosen for it: fields named "item-&lt;note id&gt;", a group's id or empty for none. */
    @PostMapping("/workshops/{id}/grouping")
    String group(@PathVariable UUID id, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
        Map<UUID, @Nullable UUID> assignments = new HashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith("item-")) {
                UUID item = RequestValues.uuid(name, name.substring(5), "workshop.invalid.item");
                assignments.put(item, RequestValues.uuid(name, value, "workshop.invalid.group"));
            }
        });
        workshops.group(me(), id, assignments);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/workshops/" + id + "/groups";
    }

    @PostMapping("/workshops/{id}/vote")
    String startVote(@PathVariable UUID id, @RequestParam(required = false) @Nullable String dots) {
        workshops.startVote(me(), id, dots);
        return "redirect:/workshops/" + id;
    }

    @PostMapping("/workshops/{id}/vote/close")
    String closeVote(@PathVariable UUID id) {
        workshops.closeVote(me(), id);
        return "redirect:/workshops/" + id;
    }

    @PostMapping("/workshops/{id}/close")
    String close(@PathVariable UUID id) {
        workshops.close(me(), id);
        return "redirect:/workshops/" + id + "/result";
    }

    private void fillGroups(Model model, UUID id, List<InvalidInputException.FieldError> errors, Locale locale) {
        User me = me();
        Workshop workshop = workshops.visibleTo(id, me);
        Journey journey = workshops.journey(workshop);
        model.addAttribute("workshop", workshop);
        model.addAttribute("groups", workshops.groups(id));
        model.addAttribute("notes", workshops.items(id).stream().map(i -> new GroupedNote(i.id().toString(), i.kind().messageKey(), i.text(),
                BoardView.placeName(journey, i, locale), i.group() == null ? "" : i.group().toString())).toList());
        model.addAttribute("errors", errors);
    }

    record GroupedNote(String id, String kindKey, String text, String place, String group) {
    }

    private User me() {
        return users.current().orElseThrow();
    }
}
