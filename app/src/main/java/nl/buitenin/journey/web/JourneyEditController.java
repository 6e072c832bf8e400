package nl.buitenin.journey.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.Stage;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.InUseException;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.JdbcTouchpoints;
import nl.buitenin.journey.internal.JourneyDeletion;
import nl.buitenin.journey.internal.JourneyEditor;
import nl.buitenin.journey.internal.JourneyEditor.Direction;
import nl.buitenin.journey.internal.JourneyEditor.Level;
import nl.buitenin.journey.internal.JourneyEditor.TouchpointChange;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageController;

/**
 * The pages that change a mapped journey: one edit page per journey, stage and touchpoint (names, and for a
 * touchpoint its channel, place and stage), archive and restore, delete (refused with what still refers to it),
 * and the arrows that move stages and touchpoints. The same roles as creating them: administrators and analysts.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class JourneyEditController {

    /** What the edit page shows: the item, its journey, and for a touchpoint its stage and channel. */
    record Item(String kind, UUID id, String nameNl, String nameEn, boolean archived, boolean archivedAbove, Journey journey,
            Touchpoint touchpoint) {

        /** The same item showing the names as typed, so a refused form keeps what the user wrote. */
        Item typed(String nl, String en) {
            return new Item(kind, id, nl, en, archived, archivedAbove, journey, touchpoint);
        }

        public String path() {
            return "/" + kind + "s/" + id;
        }
    }

    private final JdbcJourneys journeys;
    private final JdbcTouchpoints touchpoints;
    private final JourneyEditor editor;
    private final JourneyDeletion deletion;

    JourneyEditController(JdbcJourneys journeys, JdbcTouchpoints touchpoints, JourneyEditor editor, JourneyDeletion deletion) {
        this.journeys = journeys;
        this.touchpoints = touchpoints;
        this.editor = editor;
        this.deletion = deletion;
    }

    @GetMapping({"/journeys/{id}/edit", "/stages/{id}/edit", "/touchpoints/{id}/edit"})
    String edit(@PathVariable UUID id, Model model, Locale locale,
            jakarta.servlet.http.HttpServletRequest request) {
        return page(item(kindOf(request), id), model, locale);
    }

    @PostMapping("/journeys/{id}/edit")
    String renameJourney(@PathVariable UUID id, @RequestParam(required = false) String nameNl,
            @RequestParam(required = false) String nameEn, Model model, Locale locale) {
        return change(item("journey", id).typed(nameNl, nameEn), model, locale, () -> editor.renameJourney(new JourneyId(id), new Names(nameNl, nameEn)));
    }

    @PostMapping("/stages/{id}/edit")
    String renameStage(@PathVariable UUID id, @RequestParam(required = false) String nameNl,
            @RequestParam(required = false) String nameEn, Model model, Locale locale) {
        return change(item("stage", id).typed(nameNl, nameEn), model, locale, () -> editor.renameStage(new StageId(id), new Names(nameNl, nameEn)));
    }

    @PostMapping("/touchpoints/{id}/edit")
    String changeTouchpoint(@PathVariable UUID id, @RequestParam(required = false) String nameNl,
            @RequestParam(required = false) String nameEn, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String location, @RequestParam(required = false) UUID stage, Model model, Locale locale) {
        return change(item("touchpoint", id).typed(nameNl, nameEn), model, locale, () -> editor.changeTouchpoint(new TouchpointId(id),
                new TouchpointChange(new Names(nameNl, nameEn), JourneysApi.channel(channel), location,
                        stage == null ? null : new StageId(stage))));
    }

    @PostMapping({"/journeys/{id}/archive", "/stages/{id}/archive", "/touchpoints/{id}/archive"})
    String archive(@PathVariable UUID id, jakarta.servlet.http.HttpServletRequest request) {
        Item item = item(kindOf(request), id);
        editor.setArchived(level(item.kind()), id, true);
        return "redirect:" + item.path() + "/edit";
    }

    @PostMapping({"/journeys/{id}/restore", "/stages/{id}/restore", "/touchpoints/{id}/restore"})
    String restore(@PathVariable UUID id, jakarta.servlet.http.HttpServletRequest request) {
        Item item = item(kindOf(request), id);
        editor.setArchived(level(item.kind()), id, false);
        return "redirect:" + item.path() + "/edit";
    }

    @PostMapping({"/journeys/{id}/delete", "/stages/{id}/delete", "/touchpoints/{id}/delete"})
    String delete(@PathVariable UUID id, Model model, Locale locale, jakarta.servlet.http.HttpServletRequest request) {
        Item item = item(kindOf(request), id);
        try {
            switch (item.kind()) {
                case "journey" -> deletion.deleteJourney(new JourneyId(id), locale);
                case "stage" -> deletion.deleteStage(new StageId(id), locale);
                default -> deletion.deleteTouchpoint(new TouchpointId(id), locale);
            }
        } catch (InUseException e) {
            model.addAttribute("refusal", e.getMessage());
            return page(item, model, locale);
        }
        return item.kind().equals("journey") ? "redirect:/journeys" : "redirect:/journeys/" + item.journey().id();
    }

    @PostMapping({"/stages/{id}/move", "/touchpoints/{id}/move"})
    String move(@PathVariable UUID id, @RequestParam(required = false) String direction, jakarta.servlet.http.HttpServletRequest request) {
        Item item = item(kindOf(request), id);
        Direction towards = "up".equals(direction) ? Direction.UP : Direction.DOWN;
        if (item.kind().equals("stage")) {
            editor.moveStage(new StageId(id), towards);
        } else {
            editor.moveTouchpoint(new TouchpointId(id), towards);
        }
        return "redirect:/journeys/" + item.journey().id();
    }

    private String change(Item item, Model model, Locale locale, Runnable change) {
        try {
            change.run();
            return "redirect:/journeys/" + item.journey().id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return page(item, model, locale);
        }
    }

    private String page(Item item, Model model, Locale locale) {
        model.addAttribute("item", item);
        model.addAttribute("channels", Channel.values());
        if (item.touchpoint() != null) {
            // Shown before anyone tries to delete: what would stop it.
            model.addAttribute("references", deletion.referencesTo(Set.of(item.touchpoint().id()), locale));
        } else {
            model.addAttribute("references", List.of());
        }
        return "journey/edit";
    }

    private Item item(String kind, UUID id) {
        return switch (kind) {
            case "journey" -> {
                Journey journey = journeys.byId(new JourneyId(id)).orElseThrow(() -> new NotFoundException("journey.thing.journey", id));
                yield new Item(kind, id, journey.nameNl(), journey.nameEn(), journey.archived(), false, journey, null);
            }
            case "stage" -> {
                Journey journey = journeys.journeyOfStage(new StageId(id)).flatMap(journeys::byId)
                        .orElseThrow(() -> new NotFoundException("journey.thing.stage", id));
                Stage stage = journey.stages().stream().filter(s -> s.id().value().equals(id)).findFirst().orElseThrow();
                boolean own = journeys.stageArchived(stage.id());
                yield new Item(kind, id, stage.nameNl(), stage.nameEn(), own, journey.archived(), journey, null);
            }
            default -> {
                Touchpoint touchpoint = touchpoints.byId(new TouchpointId(id)).orElseThrow(() -> new NotFoundException("journey.thing.touchpoint", id));
                Journey journey = journeys.byId(touchpoint.journey()).orElseThrow();
                boolean own = journeys.touchpointArchived(touchpoint.id());
                yield new Item(kind, id, touchpoint.nameNl(), touchpoint.nameEn(), own, touchpoint.archived() && !own, journey, touchpoint);
            }
        };
    }

    private static String kindOf(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/journeys/") ? "journey" : path.startsWith("/stages/") ? "stage" : "touchpoint";
    }

    private static Level level(String kind) {
        return switch (kind) {
            case "journey" -> Level.JOURNEY;
            case "stage" -> Level.STAGE;
            default -> Level.TOUCHPOINT;
        };
    }
}
