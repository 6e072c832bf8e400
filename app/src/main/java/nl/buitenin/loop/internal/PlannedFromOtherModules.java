package nl.buitenin.loop.internal;

import org.springframework.stereotype.Component;

import nl.buitenin.loop.ActionId;
import nl.buitenin.loop.ImprovementActions;

/** Actions planned by other modules go through the same {@link Improving#plan} as those of the actions page. */
@Component
class PlannedFromOtherModules implements ImprovementActions {

    private final Improving improving;

    PlannedFromOtherModules(Improving improving) {
        this.improving = improving;
    }

    @Override
    public ActionId plan(Plan plan) {
        return improving.plan(plan.titleNl(), plan.titleEn(), plan.descriptionNl(), plan.descriptionEn(), plan.owner().value(),
                plan.dueOn(), plan.themes()).id();
    }
}
