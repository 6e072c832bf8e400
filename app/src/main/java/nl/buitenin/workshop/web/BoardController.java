package nl.buitenin.workshop.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import nl.buitenin.access.AnySignedIn;
import nl.buitenin.access.User;
import nl.buitenin.access.Users;
import nl.buitenin.assumptions.AssumptionResult;
import nl.buitenin.assumptions.Assumptions;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.workshop.internal.Item;
import nl.buitenin.workshop.internal.ItemKind;
import nl.buitenin.workshop.internal.JoinCodes;
import nl.buitenin.workshop.internal.Place;
import nl.buitenin.workshop.internal.Workshop;
import nl.buitenin.workshop.internal.WorkshopRefused;
import nl.buitenin.workshop.internal.Workshops;

/**
 * The pages every staff member uses: join with the code (and pick a department), the board with the note form, the
 * board's fragment that the page polls every two seconds (204 when the version it has is still current, so an idle room
 * costs one small query per phone), editing one's own note, dots, and the result. Signed in is enough to reach them;
 * {@link Workshops} refuses whoever did not join (analysts and administrators, the facilitator's roles, see every
 * workshop).
 */
@PageController
@AnySignedIn
class BoardController {

    private final Workshops workshops;
    private final Users users;
    private final Assumptions assumptions;

    BoardController(Workshops workshops, Users users, Assumptions assumptions) {
        this.assumptions = assumptions;
        this.workshops = workshops;
        this.users = users;
    }

    @GetMapping("/workshops/join")
    String joinPage(Model model) {
        fillJoin(model, me(), "", List.of());
        return "workshop/join";
    }

    /** First step: the code. A right code shows the workshop's departments to pick from. */
    @PostMapping("/workshops/join")
    String checkCode(@RequestParam(required = false) @Nullable String code, Model model, Locale locale) {
        User me = me();
        try {
            Workshop workshop = workshops.byCode(me, code);
            fillDepartment(model, workshop, workshop.joinCode(), workshops.participant(workshop.id(), me).map(p -> p.department()).orElse(null),
                    List.of(), locale);
            return "workshop/join-department";
        } catch (InvalidInputException e) {
            fillJoin(model, me, code == null ? "" : code, e.errors());
            return "workshop/join";
        }
    }

    @PostMapping("/workshops/join/department")
    String join(@RequestParam(required = false) @Nullable String code, @RequestParam(required = false) @Nullable String department,
            Model model, Locale locale) {
        User me = me();
        try {
            Workshop workshop = workshops.join(me, code, department);
            return "redirect:/workshops/" + workshop.id();
        } catch (InvalidInputException e) {
            if (e.errors().stream().anyMatch(error -> "department".equals(error.field()))) {
                Workshop workshop = workshops.byCode(me, code);
                fillDepartment(model, workshop, workshop.joinCode(), null, e.errors(), locale);
                return "workshop/join-department";
            }
            fillJoin(model, me, code == null ? "" : code, e.errors());
            return "workshop/join";
        }
    }

    /** A workshop the facilitator listed the user for: pick a department, no code needed. */
    @GetMapping("/workshops/{id}/join")
    String invitedPage(@PathVariable UUID id, Model model, Locale locale) {
        fillDepartment(model, workshops.invitation(me(), id), null, null, List.of(), locale);
        return "workshop/join-department";
    }

    @PostMapping("/workshops/{id}/join")
    String joinInvited(@PathVariable UUID id, @RequestParam(required = false) @Nullable String department, Model model, Locale locale) {
        User me = me();
        try {
            workshops.joinInvited(me, id, department);
            return "redirect:/workshops/" + id;
        } catch (InvalidInputException e) {
            fillDepartment(model, workshops.invitation(me, id), null, null, e.errors(), locale);
            return "workshop/join-department";
        }
    }

    private void fillDepartment(Model model, Workshop workshop, @Nullable String code, @Nullable String current,
            List<InvalidInputException.FieldError> errors, Locale locale) {
        model.addAttribute("workshop", workshop);
        model.addAttribute("code", code);
        model.addAttribute("journey", workshops.journey(workshop).name(locale));
        model.addAttribute("current", current);
        model.addAttribute("errors", errors);
    }

    private void fillJoin(Model model, User me, String code, List<InvalidInputException.FieldError> errors) {
        model.addAttribute("code", code);
        model.addAttribute("errors", errors);
        model.addAttribute("mine", workshops.joinedBy(me));
        model.addAttribute("invitations", workshops.invitations(me));
    }

    @GetMapping("/workshops/{id}")
    String board(@PathVariable UUID id, Model model, Locale locale) {
        User me = me();
        Workshop workshop = workshops.visibleTo(id, me);
        fillBoard(model, workshop, me, locale);
        model.addAttribute("form", new NoteForm(ItemKind.PAIN_POINT.name(), "", ""));
        model.addAttribute("errors", List.of());
        return "workshop/board";
    }

    /** The board alone, for polling: 204 while {@code since} is the current version. */
    @GetMapping("/workshops/{id}/board")
    @Nullable ModelAndView fragment(@PathVariable UUID id, @RequestParam(required = false) @Nullable Long since, Locale locale,
            HttpServletResponse response) {
        User me = me();
        response.setHeader("Cache-Control", "no-store");
        long version = workshops.versionFor(id, me);
        if (since != null && version == since) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        Workshop workshop = workshops.visibleTo(id, me);
        ModelAndView view = new ModelAndView("workshop/board-fragment :: board");
        view.addObject("board", BoardView.of(workshops, workshop, me, users, locale, closedVerdicts(workshop)));
        return view;
    }

    record NoteForm(String kind, String place, String text) {
    }

    @PostMapping("/workshops/{id}/items")
    String add(@PathVariable UUID id, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String place, @RequestParam(required = false) @Nullable String text, Model model,
            Locale locale) {
        User me = me();
        try {
            workshops.add(me, id, kind, place, text);
            return "redirect:/workshops/" + id + "#board";
        } catch (InvalidInputException e) {
            Workshop workshop = workshops.visibleTo(id, me);
            fillBoard(model, workshop, me, locale);
            model.addAttribute("form", new NoteForm(kind == null ? "" : kind, place == null ? "" : place, text == null ? "" : text));
            model.addAttribute("errors", e.errors());
            return "workshop/board";
        }
    }

    @GetMapping("/workshops/{id}/items/{item}/edit")
    String editPage(@PathVariable UUID id, @PathVariable UUID item, Model model, Locale locale) {
        User me = me();
        Workshop workshop = workshops.visibleTo(id, me);
        Item own = workshops.own(me, workshop, item);
        fillEdit(model, workshop, own.id(), new NoteForm(own.kind().name(), Place.of(own).value(), own.text()), List.of(), locale);
        return "workshop/edit";
    }

    @PostMapping("/workshops/{id}/items/{item}")
    String edit(@PathVariable UUID id, @PathVariable UUID item, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String place, @RequestParam(required = false) @Nullable String text, Model model,
            Locale locale) {
        User me = me();
        try {
            workshops.edit(me, id, item, kind, place, text);
            return "redirect:/workshops/" + id + "#board";
        } catch (InvalidInputException e) {
            fillEdit(model, workshops.visibleTo(id, me), item,
                    new NoteForm(kind == null ? "" : kind, place == null ? "" : place, text == null ? "" : text), e.errors(), locale);
            return "workshop/edit";
        }
    }

    @PostMapping("/workshops/{id}/items/{item}/delete")
    String delete(@PathVariable UUID id, @PathVariable UUID item) {
        workshops.delete(me(), id, item);
        return "redirect:/workshops/" + id + "#board";
    }

    @PostMapping("/workshops/{id}/items/{item}/dots")
    String dot(@PathVariable UUID id, @PathVariable UUID item) {
        workshops.vote(me(), id, item);
        return "redirect:/workshops/" + id + "#board";
    }

    @PostMapping("/workshops/{id}/items/{item}/dots/remove")
    String undot(@PathVariable UUID id, @PathVariable UUID item) {
        workshops.unvote(me(), id, item);
        return "redirect:/workshops/" + id + "#board";
    }

    /** The saved result: printable, with groups, notes by stage and touchpoint, dots and the departments present. */
    @GetMapping("/workshops/{id}/result")
    String result(@PathVariable UUID id, Model model, Locale locale) {
        User me = me();
        Workshop workshop = workshops.visibleTo(id, me);
        model.addAttribute("workshop", workshop);
        model.addAttribute("board", BoardView.of(workshops, workshop, me, users, locale, verdicts(workshop)));
        return "workshop/result";
    }

    /** Which assumptions held: each of the workshop's assumptions tested now, by id. */
    private Map<UUID, AssumptionResult> verdicts(Workshop workshop) {
        return assumptions.ofWorkshop(workshop.id()).stream().collect(Collectors.toMap(AssumptionResult::id, Function.identity()));
    }

    /**
     * The verdicts on the board only once the workshop is closed: an open board is rendered again on every change for every
     * phone, and testing every assumption against the data each time would cost far more than the notes themselves.
     */
    private Map<UUID, AssumptionResult> closedVerdicts(Workshop workshop) {
        return workshop.isOpen() ? Map.of() : verdicts(workshop);
    }

    private void fillBoard(Model model, Workshop workshop, User me, Locale locale) {
        BoardView board = BoardView.of(workshops, workshop, me, users, locale, closedVerdicts(workshop));
        model.addAttribute("workshop", workshop);
        model.addAttribute("board", board);
        model.addAttribute("code", JoinCodes.spaced(workshop.joinCode()));
        model.addAttribute("kinds", ItemKind.values());
        model.addAttribute("stages", BoardView.places(workshops.journey(workshop), locale));
        model.addAttribute("maxText", Workshops.MAX_TEXT);
        model.addAttribute("maxDots", Workshops.MAX_DOTS);
        model.addAttribute("canWrite", workshop.isOpen() && (board.joined() || board.manager()));
    }

    private void fillEdit(Model model, Workshop workshop, UUID item, NoteForm form, List<InvalidInputException.FieldError> errors,
            Locale locale) {
        if (!workshop.isOpen()) {
            throw new nl.buitenin.platform.ConflictException("workshop.conflict.closed");
        }
        model.addAttribute("workshop", workshop);
        model.addAttribute("item", item);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", ItemKind.values());
        model.addAttribute("stages", BoardView.places(workshops.journey(workshop), locale));
        model.addAttribute("maxText", Workshops.MAX_TEXT);
    }

    private User me() {
        return users.current().orElseThrow(() -> new WorkshopRefused("workshop.refused.notJoined"));
    }
}
