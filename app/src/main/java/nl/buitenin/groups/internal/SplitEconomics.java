package nl.buitenin.groups.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import nl.buitenin.groups.GroupId;
import nl.buitenin.insight.readings.Difference;
import nl.buitenin.privacy.SmallCellRule;

/**
 * What a split costs against what it gains. The cost is the extra organisation a group needs: its trips a month times
 * the guides per trip it needs more than before the split, times a trip's hours and an hour's cost (all entered by the
 * organisation). The gain is what "did the split work?" measured for the same people: the change of NPS and of the
 * watched theme's share, each with its 95 % interval, and the revenue per person the organisation sends, times the
 * group's size. A what-if recomputes both for dropping a group (its people walk as before the split: no extra cost, and
 * their change is taken as zero), merging it into another (its extra cost goes, its people get the other group's change)
 * or adding one (its cost is known, its gain can only be measured after).
 * <p>
 * The expected change of everyone's NPS is the groups' changes weighted by their size now, with the standard errors
 * read from each change's interval (half its width over 1.96) and added as for independent samples.
 */
@Service
public class SplitEconomics {

    private static final double Z95 = 1.959963984540054;

    private final SplitSettings settings;
    private final JdbcMemberships memberships;
    private final SmallCellRule smallCells;
    private final SplitAgents agents;

    SplitEconomics(SplitSettings settings, JdbcMemberships memberships, SmallCellRule smallCells, SplitAgents agents) {
        this.agents = agents;
        this.settings = settings;
        this.memberships = memberships;
        this.smallCells = smallCells;
    }

    /** A change with its interval (NPS points, or percentage points for a share). */
    public record Change(double value, double lower, double upper, double pValue) {

        static @Nullable Change of(SplitComparison.@Nullable Row row) {
            if (row == null || row.comparison() == null) {
                return null;
            }
            Difference d = row.comparison().difference();
            return new Change(d.value(), d.lower(), d.upper(), d.pValue());
        }

        double standardError() {
            return (upper - lower) / (2 * Z95);
        }
    }

    /**
     * One group's costs and gains; {@code costs} null when the organisation entered none for it. Its size is null when
     * hidden (fewer people than the small-cell rule allows), and so are the figures per person.
     */
    public record GroupLine(Group group, SplitSettings.@Nullable GroupCosts costs, double extraHoursPerMonth, double extraCostPerMonth,
            @Nullable Long members, @Nullable Double costPerMemberPerMonth, @Nullable Change nps, @Nullable Change theme,
            @Nullable Double revenuePerYear) {
    }

    /** An expected change of everyone's NPS from the groups' changes, with its interval; null when a group has none. */
    public record Expected(double value, double lower, double upper) {
    }

    /** A what-if: drop or merge a group, or add one with its trips and extra guides per trip. */
    public enum Action { DROP, MERGE, ADD }

    public record WhatIf(Action action, @Nullable GroupId group, @Nullable GroupId into, double tripsPerMonth, double extraGuides) {
    }

    /** The outcome of a what-if: the cost a month and the expected change, against the split as it is. */
    public record WhatIfResult(WhatIf whatIf, double costPerMonth, double costNowPerMonth, @Nullable Expected expected,
            @Nullable Expected expectedNow) {
    }

    /**
     * The extra guides' cost and hours ({@code extraCostPerMonth}, {@code extraHoursPerMonth}, per group in {@code lines})
     * and the extra agents' ({@code agents}) are kept apart: a guide's hour and an agent's hour have their own cost.
     */
    public record Result(SplitSettings.Split split, List<GroupLine> lines, double extraCostPerMonth, double extraHoursPerMonth,
            @Nullable Change everyoneNps, @Nullable Change everyoneTheme, @Nullable Expected expected, @Nullable WhatIfResult whatIf,
            boolean complete, SplitAgents.Result agents) {
    }

    public Result of(SplitComparison.Result comparison, @Nullable WhatIf whatIf) {
        SplitSettings.Split split = settings.of(comparison.split());
        Map<GroupId, SplitSettings.GroupCosts> costs = settings.costs();
        Map<GroupId, Long> sizes = memberships.sizes(comparison.afterTo().minusMillis(1));
        double hourly = split.hourlyCost() == null ? 0 : split.hourlyCost();
        double hours = split.hoursPerTrip() == null ? 0 : split.hoursPerTrip();
        boolean complete = split.hourlyCost() != null && split.hoursPerTrip() != null;
        List<GroupLine> lines = new ArrayList<>();
        double totalCost = 0;
        double totalHours = 0;
        for (SplitComparison.Block block : comparison.groups()) {
            Group group = block.group();
            SplitSettings.GroupCosts mine = costs.get(group.id());
            complete &= mine != null;
            double extraHours = mine == null ? 0 : mine.tripsPerMonth() * (mine.guidesAfter() - mine.guidesBefore()) * hours;
            double extraCost = extraHours * hourly;
            long size = sizes.getOrDefault(group.id(), 0L);
            Long members = smallCells.hides(size) ? null : size;
            lines.add(new GroupLine(group, mine, extraHours, extraCost, members,
                    members == null || members == 0 ? null : extraCost / members, Change.of(row(block, SplitComparison.Measure.NPS)),
                    Change.of(row(block, SplitComparison.Measure.THEME)),
                    members == null || mine == null || mine.revenuePerPerson() == null ? null : members * mine.revenuePerPerson()));
            totalCost += extraCost;
            totalHours += extraHours;
        }
        Expected expected = expected(lines, null, null);
        WhatIfResult outcome = whatIf == null ? null : whatIf(whatIf, lines, totalCost, hourly, hours, expected);
        return new Result(split, lines, totalCost, totalHours, Change.of(row(comparison.everyone(), SplitComparison.Measure.NPS)),
                Change.of(row(comparison.everyone(), SplitComparison.Measure.THEME)), expected, outcome, complete,
                agents.of(comparison, split));
    }

    private static SplitComparison.@Nullable Row row(SplitComparison.Block block, SplitComparison.Measure measure) {
        return block.rows().stream().filter(r -> r.measure() == measure).findFirst().orElse(null);
    }

    private static WhatIfResult whatIf(WhatIf whatIf, List<GroupLine> lines, double costNow, double hourly, double hours, @Nullable Expected now) {
        return switch (whatIf.action()) {
            case DROP -> new WhatIfResult(whatIf, costNow - cost(lines, whatIf.group()), costNow, expected(lines, whatIf.group(), null), now);
            case MERGE -> new WhatIfResult(whatIf, costNow - cost(lines, whatIf.group()), costNow,
                    expected(lines, whatIf.group(), whatIf.into()), now);
            case ADD -> new WhatIfResult(whatIf, costNow + whatIf.tripsPerMonth() * whatIf.extraGuides() * hours * hourly, costNow, null, now);
        };
    }

    private static double cost(List<GroupLine> lines, @Nullable GroupId group) {
        return lines.stream().filter(l -> l.group().id().equals(group)).mapToDouble(GroupLine::extraCostPerMonth).sum();
    }

    /**
     * Everyone's expected NPS change: each group's change weighted by its size; a dropped group's people change by zero,
     * a merged group's people by the change of the group they join. Null when a size is hidden or a change is missing.
     */
    static @Nullable Expected expected(List<GroupLine> lines, @Nullable GroupId without, @Nullable GroupId into) {
        double people = 0;
        for (GroupLine line : lines) {
            if (line.members() == null || line.nps() == null) {
                return null;
            }
            people += line.members();
        }
        if (people == 0) {
            return null;
        }
        // The weight each group's measured change carries: a merged group's people take on the change of the group they
        // join, so that change's weight grows (and its error counts once, with the summed weight).
        Map<GroupId, Double> weights = new java.util.LinkedHashMap<>();
        for (GroupLine line : lines) {
            GroupId source = line.group().id().equals(without) ? into : line.group().id();
            if (source != null) {
                weights.merge(source, line.members() / people, Double::sum);
            }
        }
        double value = 0;
        double variance = 0;
        for (GroupLine line : lines) {
            Double weight = weights.get(line.group().id());
            if (weight == null) {
                continue;
            }
            Change change = line.nps();
            value += weight * change.value();
            variance += weight * weight * change.standardError() * change.standardError();
        }
        double margin = Z95 * Math.sqrt(variance);
        return new Expected(value, value - margin, value + margin);
    }
}
