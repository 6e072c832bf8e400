package nl.buitenin.loop.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.loop.ActionCompleted;
import nl.buitenin.loop.ActionId;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/** Planning, starting and completing improvement actions; completing one publishes {@link ActionCompleted}. */
@Service
public class Improving {

    private final Actions actions;
    private final Themes themes;
    private final Webhooks webhooks;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    Improving(Actions actions, Themes themes, Webhooks webhooks, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.actions = actions;
        this.themes = themes;
        this.webhooks = webhooks;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    record ActionPayload(String event, String actionId, String titleNl, String titleEn, String descriptionNl,
            String descriptionEn, List<String> themes, Instant completedAt) {
    }

    @Transactional
    public ImprovementAction plan(String titleNl, String titleEn, String descriptionNl, String descriptionEn, UUID owner,
            LocalDate dueOn, Set<ThemeId> addressed) {
        for (ThemeId theme : addressed == null ? Set.<ThemeId>of() : addressed) {
            if (themes.byId(theme).isEmpty()) {
                throw InvalidInputException.of("themes", "loop.invalid.unknownTheme", theme);
            }
        }
        ImprovementAction action = ImprovementAction.plan(titleNl, titleEn, descriptionNl, descriptionEn, owner, dueOn,
                addressed, clock.instant());
        actions.insert(action);
        return action;
    }

    @Transactional
    public ImprovementAction start(ActionId id) {
        ImprovementAction current = require(id);
        ImprovementAction started = current.start(clock.instant());
        save(started, current.status());
        return started;
    }

    @Transactional
    public ImprovementAction complete(ActionId id) {
        return complete(id, clock.instant());
    }

    /** Completes the action at the given moment (the demo back-dates its history). */
    @Transactional
    public ImprovementAction complete(ActionId id, Instant at) {
        ImprovementAction current = require(id);
        ImprovementAction done = current.complete(at);
        save(done, current.status());
        List<String> names = done.themes().stream().map(t -> themes.byId(t).map(Themes.Theme::nameNl).orElse(t.toString()))
                .sorted().toList();
        webhooks.enqueue("action.completed", json.writeValueAsString(new ActionPayload("action.completed", id.toString(),
                done.titleNl(), done.titleEn(), done.descriptionNl(), done.descriptionEn(), names, at)), at);
        events.publishEvent(new ActionCompleted(id, done.themes(), done.descriptionNl(), done.descriptionEn(), at));
        return done;
    }

    private void save(ImprovementAction changed, ActionStatus from) {
        if (!actions.changeStatus(changed, from)) {
            throw new ConflictException("loop.conflict.actionChanged");
        }
    }

    private ImprovementAction require(ActionId id) {
        return actions.byId(id).orElseThrow(() -> new NotFoundException("loop.thing.action", id));
    }
}
