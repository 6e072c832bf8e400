package nl.buitenin.loop.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.loop.ActionId;
import nl.buitenin.loop.ImprovementActions;

/**
 * Actions planned by other modules go through the same {@link Improving#plan} as those of the actions page; other modules
 * read them through {@link Actions} and the told-back tally of the actions page, so their status is loop's own.
 */
@Component
class PlannedFromOtherModules implements ImprovementActions {

    private final Improving improving;
    private final Actions actions;
    private final ToldBackLog toldBack;

    PlannedFromOtherModules(Improving improving, Actions actions, ToldBackLog toldBack) {
        this.improving = improving;
        this.actions = actions;
        this.toldBack = toldBack;
    }

    @Override
    public ActionId plan(Plan plan) {
        return improving.plan(plan.titleNl(), plan.titleEn(), plan.descriptionNl(), plan.descriptionEn(), plan.owner().value(),
                plan.dueOn(), plan.themes()).id();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Summary> all() {
        return actions.all().stream().sorted(Comparator.comparing(ImprovementAction::createdAt).reversed()).map(this::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Summary> find(ActionId id) {
        return actions.byId(id).map(this::summary);
    }

    private Summary summary(ImprovementAction action) {
        ToldBackLog.Tally tally = toldBack.tally(action.id());
        return new Summary(action.id(), action.titleNl(), action.titleEn(), Progress.valueOf(action.status().name()), action.dueOn(),
                action.completedAt(), tally.mailed() + tally.phoned());
    }
}
