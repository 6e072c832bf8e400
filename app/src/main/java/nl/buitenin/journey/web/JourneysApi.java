package nl.buitenin.journey.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
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
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.JdbcTouchpoints;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;

/** Journeys, stages and touchpoints: analysts and administrators map them, everyone else reads. */
@RestController
@RequestMapping("/api/v1")
class JourneysApi {

    private final JdbcJourneys journeys;
    private final JdbcTouchpoints touchpoints;

    JourneysApi(JdbcJourneys journeys, JdbcTouchpoints touchpoints) {
        this.journeys = journeys;
        this.touchpoints = touchpoints;
    }

    record NamesRequest(String nameNl, String nameEn) {
    }

    record TouchpointRequest(String nameNl, String nameEn, String channel, String location) {
    }

    record Created(String id) {
    }

    @GetMapping("/journeys")
    @Allow(value = {Role.ADMIN, Role.ANALYST, Role.AGENT, Role.PLANNER}, scopes = Scope.READ)
    @Operation(summary = "All journeys with their stages and touchpoints")
    List<Journey> journeys() {
        return journeys.all();
    }

    @GetMapping("/journeys/{id}")
    @Allow(value = {Role.ADMIN, Role.ANALYST, Role.AGENT, Role.PLANNER}, scopes = Scope.READ)
    @Operation(summary = "One journey with its stages and touchpoints")
    Journey journey(@PathVariable UUID id) {
        return journeys.byId(new JourneyId(id)).orElseThrow(() -> new NotFoundException("journey.thing.journey", id));
    }

    @GetMapping("/touchpoints")
    @Allow(value = {Role.ADMIN, Role.ANALYST, Role.AGENT, Role.PLANNER}, scopes = Scope.READ)
    @Operation(summary = "All touchpoints of all journeys")
    List<Touchpoint> touchpoints() {
        return touchpoints.all();
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

    static Channel channel(String name) {
        try {
            return Channel.valueOf(name == null ? "" : name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("channel", "journey.invalid.channel", List.of(Channel.values()).toString());
        }
    }
}
