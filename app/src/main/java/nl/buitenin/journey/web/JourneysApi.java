package nl.buitenin.journey.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.TouchpointReference;
import nl.buitenin.journey.internal.InUseException;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.JourneyDeletion;
import nl.buitenin.journey.internal.JourneyEditor;
import nl.buitenin.journey.internal.JourneyEditor.TouchpointChange;
import nl.buitenin.journey.internal.JdbcTouchpoints;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.RequestValues;

/** Journeys, stages and touchpoints: analysts and administrators map them, everyone else reads. */
@RestController
@RequestMapping("/api/v1")
class JourneysApi {

    private final JdbcJourneys journeys;
    private final JdbcTouchpoints touchpoints;
    private final JourneyEditor editor;
    private final JourneyDeletion deletion;

    JourneysApi(JdbcJourneys journeys, JdbcTouchpoints touchpoints, JourneyEditor editor, JourneyDeletion deletion) {
        this.journeys = journeys;
        this.touchpoints = touchpoints;
        this.editor = editor;
        this.deletion = deletion;
    }

    record NamesRequest(String nameNl, String nameEn) {
    }

    record TouchpointRequest(String nameNl, String nameEn, String channel, String location) {
    }

    record Created(String id) {
    }

    /** A touchpoint's new state; {@code stage} empty keeps it in its stage. */
    record TouchpointChangeRequest(String nameNl, String nameEn, String channel, String location, String stage) {
    }

    record StageOrder(List<String> stages) {
    }

    record TouchpointOrder(List<String> touchpoints) {
    }

    /**
     * A journey as the API shows it: ids as plain strings, as every other endpoint gives and takes them (the domain's id
     * records would show as {@code {"value": …}}).
     */
    record JourneyView(String id, String nameNl, String nameEn, List<StageView> stages, boolean archived) {

        static JourneyView of(Journey journey) {
            return new JourneyView(journey.id().value().toString(), journey.nameNl(), journey.nameEn(),
                    journey.stages().stream().map(StageView::of).toList(), journey.archived());
        }
    }

    record StageView(String id, String nameNl, String nameEn, List<TouchpointView> touchpoints, boolean archived) {

        static StageView of(nl.buitenin.journey.Stage stage) {
            return new StageView(stage.id().value().toString(), stage.nameNl(), stage.nameEn(),
                    stage.touchpoints().stream().map(TouchpointView::of).toList(), stage.archived());
        }
    }

    record TouchpointView(String id, String journey, String stage, String nameNl, String nameEn, Channel channel,
            @org.jspecify.annotations.Nullable String location, boolean archived) {

        static TouchpointView of(Touchpoint t) {
            return new TouchpointView(t.id().value().toString(), t.journey().value().toString(), t.stage().value().toString(),
                    t.nameNl(), t.nameEn(), t.channel(), t.location(), t.archived());
        }
    }

    @GetMapping("/journeys")
    @Allow(value = {Role.ADMIN, Role.ANALYST, Role.AGENT, Role.PLANNER}, scopes = Scope.READ)
    @Operation(summary = "All journeys in use with their stages and touchpoints; archived=true includes the archived ones")
    List<JourneyView> journeys(@RequestParam(defaultValue = "false") boolean archived) {
        return (archived ? journeys.allIncludingArchived() : journeys.all()).stream().map(JourneyView::of).toList();
    }

    @GetMapping("/journeys/{id}")
    @Allow(value = {Role.ADMIN, Role.ANALYST, Role.AGENT, Role.PLANNER}, scopes = Scope.READ)
    @Operation(summary = "One journey with its stages and touchpoints")
    JourneyView journey(@PathVariable UUID id) {
        return JourneyView.of(journeys.byId(new JourneyId(id)).orElseThrow(() -> new NotFoundException("journey.thing.journey", id)));
    }

    @GetMapping("/touchpoints")
    @Allow(value = {Role.ADMIN, Role.ANALYST, Role.AGENT, Role.PLANNER}, scopes = Scope.READ)
    @Operation(summary = "All touchpoints in use; archived=true includes the archived ones (and those in archived stages or journeys)")
    List<TouchpointView> touchpoints(@RequestParam(defaultValue = "false") boolean archived) {
        return (archived ? touchpoints.allIncludingArchived() : touchpoints.all()).stream().map(TouchpointView::of).toList();
    }

    @PostMapping("/journeys")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Map a new journey (names in Dutch and English)")
    Created createJourney(@RequestBody NamesRequest request) {
        return new Created(journeys.createJourney(new Names(request.nameNl(), request.nameEn())).toString());
    }

    @PostMapping("/journeys/{id}/stages")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a stage at the end of a journey")
    Created addStage(@PathVariable UUID id, @RequestBody NamesRequest request) {
        return new Created(journeys.addStage(new JourneyId(id), new Names(request.nameNl(), request.nameEn())).toString());
    }

    @PostMapping("/stages/{id}/touchpoints")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a touchpoint at the end of a stage")
    Created addTouchpoint(@PathVariable UUID id, @RequestBody TouchpointRequest request) {
        return new Created(journeys.addTouchpoint(new StageId(id), new Names(request.nameNl(), request.nameEn()),
                channel(request.channel()), request.location()).toString());
    }

    @PutMapping("/journeys/{id}")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Rename a journey (names in Dutch and English, unique among journeys)")
    void renameJourney(@PathVariable UUID id, @RequestBody NamesRequest request) {
        editor.renameJourney(new JourneyId(id), names(request));
    }

    @PutMapping("/stages/{id}")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Rename a stage (unique within its journey)")
    void renameStage(@PathVariable UUID id, @RequestBody NamesRequest request) {
        editor.renameStage(new StageId(id), names(request));
    }

    @PutMapping("/touchpoints/{id}")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Rename a touchpoint, change its channel and place, or move it to another stage (at the end)")
    void changeTouchpoint(@PathVariable UUID id, @RequestBody TouchpointChangeRequest request) {
        if (request == null) {
            throw InvalidInputException.of("body", "journey.invalid.touchpointBody");
        }
        Names names = new Names(request.nameNl(), request.nameEn());
        StageId stage = RequestValues.id("stage", request.stage(), StageId::new, "journey.invalid.uuid");
        editor.changeTouchpoint(new TouchpointId(id), new TouchpointChange(names, channel(request.channel()), request.location(), stage));
    }

    @PutMapping("/journeys/{id}/stage-order")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reorder the stages of a journey: every stage id once, in the new order")
    void orderStages(@PathVariable UUID id, @RequestBody StageOrder request) {
        List<String> ids = request == null ? null : request.stages();
        editor.orderStages(new JourneyId(id), ids == null ? null : ids(ids, "stages").stream().map(StageId::new).toList());
    }

    @PutMapping("/stages/{id}/touchpoint-order")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reorder the touchpoints of a stage: every touchpoint id once, in the new order")
    void orderTouchpoints(@PathVariable UUID id, @RequestBody TouchpointOrder request) {
        List<String> ids = request == null ? null : request.touchpoints();
        editor.orderTouchpoints(new StageId(id), ids == null ? null : ids(ids, "touchpoints").stream().map(TouchpointId::new).toList());
    }

    @PostMapping("/journeys/{id}/archive")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Archive a journey (with what is under it): it leaves pickers and takes no new interactions; its history stays readable")
    void archiveJourney(@PathVariable UUID id) {
        editor.setArchived(JourneyEditor.Level.JOURNEY, id, true);
    }

    @PostMapping("/journeys/{id}/restore")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Restore an archived journey")
    void restoreJourney(@PathVariable UUID id) {
        editor.setArchived(JourneyEditor.Level.JOURNEY, id, false);
    }

    @PostMapping("/stages/{id}/archive")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Archive a stage (with its touchpoints): it leaves pickers and takes no new interactions; its history stays readable")
    void archiveStage(@PathVariable UUID id) {
        editor.setArchived(JourneyEditor.Level.STAGE, id, true);
    }

    @PostMapping("/stages/{id}/restore")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Restore an archived stage")
    void restoreStage(@PathVariable UUID id) {
        editor.setArchived(JourneyEditor.Level.STAGE, id, false);
    }

    @PostMapping("/touchpoints/{id}/archive")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Archive a touchpoint: it leaves pickers and takes no new interactions; its history stays readable")
    void archiveTouchpoint(@PathVariable UUID id) {
        editor.setArchived(JourneyEditor.Level.TOUCHPOINT, id, true);
    }

    @PostMapping("/touchpoints/{id}/restore")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Restore an archived touchpoint")
    void restoreTouchpoint(@PathVariable UUID id) {
        editor.setArchived(JourneyEditor.Level.TOUCHPOINT, id, false);
    }

    @GetMapping("/touchpoints/{id}/references")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "What still refers to a touchpoint (surveys, interactions, answers, cases...), with counts")
    List<TouchpointReference> references(@PathVariable UUID id, Locale locale) {
        TouchpointId touchpoint = new TouchpointId(id);
        touchpoints.byId(touchpoint).orElseThrow(() -> new NotFoundException("journey.thing.touchpoint", id));
        return deletion.referencesTo(Set.of(touchpoint), locale);
    }

    @DeleteMapping("/journeys/{id}")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a journey that nothing refers to; otherwise 409 naming what does (archive it instead)")
    void deleteJourney(@PathVariable UUID id, Locale locale) {
        deletion.deleteJourney(new JourneyId(id), locale);
    }

    @DeleteMapping("/stages/{id}")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a stage whose touchpoints nothing refers to; otherwise 409 naming what does")
    void deleteStage(@PathVariable UUID id, Locale locale) {
        deletion.deleteStage(new StageId(id), locale);
    }

    @DeleteMapping("/touchpoints/{id}")
    @Allow({Role.ADMIN, Role.ANALYST})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a touchpoint nothing refers to; otherwise 409 naming what does, with counts")
    void deleteTouchpoint(@PathVariable UUID id, Locale locale) {
        deletion.deleteTouchpoint(new TouchpointId(id), locale);
    }

    /** The refusal to delete: RFC 9457 problem whose detail names what still refers, and the same as a list. */
    @ExceptionHandler(InUseException.class)
    ProblemDetail inUse(InUseException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Still in use");
        problem.setProperty("references", e.references());
        return problem;
    }

    private static Names names(NamesRequest request) {
        return request == null ? new Names(null, null) : new Names(request.nameNl(), request.nameEn());
    }

    private static List<UUID> ids(List<String> texts, String field) {
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ids.add(uuid(field + "[" + i + "]", texts.get(i)));
        }
        return ids;
    }

    private static UUID uuid(String field, String text) {
        return RequestValues.require(RequestValues.uuid(field, text, "journey.invalid.uuid"), field, "journey.invalid.uuid",
                String.valueOf(text));
    }

    static Channel channel(String name) {
        String channels = List.of(Channel.values()).toString();
        return RequestValues.requiredChoice("channel", name, Channel.class, "journey.invalid.channel", channels);
    }
}
