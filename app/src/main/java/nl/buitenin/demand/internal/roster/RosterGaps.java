package nl.buitenin.demand.internal.roster;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import nl.buitenin.demand.internal.DemandFigures;
import nl.buitenin.demand.internal.erlang.StaffingGoal;
import nl.buitenin.demand.internal.volume.SeriesKey;

/** The staffing plan of a series with its roster beside it: the one computation the staffing page, the API, the CSV and the start page share. */
@Service
public class RosterGaps {

    private final DemandFigures figures;
    private final Roster roster;

    RosterGaps(DemandFigures figures, Roster roster) {
        this.figures = figures;
        this.roster = roster;
    }

    /** A plan and its gaps. */
    public record PlanAndGaps(DemandFigures.Plan plan, Gaps.Result gaps) {
    }

    public PlanAndGaps of(SeriesKey series, StaffingGoal goal, @Nullable Double ahtSeconds, int days) {
        DemandFigures.Plan plan = figures.plan(series, goal, ahtSeconds, days);
        return new PlanAndGaps(plan, of(plan));
    }

    public Gaps.Result of(DemandFigures.Plan plan) {
        if (plan.days().isEmpty()) {
            return new Gaps.Result(plan.days(), java.util.List.of(), java.util.List.of(), java.util.List.of());
        }
        LocalDate first = plan.days().get(0);
        LocalDate last = plan.days().get(plan.days().size() - 1);
        return Gaps.of(plan, roster.days(plan.series(), first, last), figures.zone(), figures.intervalMinutes());
    }
}
