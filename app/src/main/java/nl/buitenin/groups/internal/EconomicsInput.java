package nl.buitenin.groups.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.groups.GroupId;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * What an administrator enters for a split's costs (page and API): the theme the split was meant to change, an hour of a
 * guide's cost and a trip's hours, and per group of the split its trips a month, guides per trip before and after and
 * revenue per person. Every wrong field is refused at once, by name ({@code groups[1].guidesAfter}).
 */
public record EconomicsInput(String split, @Nullable UUID theme, @Nullable Double hourlyCost, @Nullable Double hoursPerTrip,
        List<GroupLine> groups, @Nullable Double agentHourlyCost, @Nullable Double servicePercent, @Nullable Double serviceSeconds,
        @Nullable Double ahtSeconds) {

    public record GroupLine(@Nullable UUID group, @Nullable Double tripsPerMonth, @Nullable Double guidesBefore,
            @Nullable Double guidesAfter, @Nullable Double revenuePerPerson) {
    }

    public EconomicsInput {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public EconomicsInput(String split, @Nullable UUID theme, @Nullable Double hourlyCost, @Nullable Double hoursPerTrip,
            List<GroupLine> groups) {
        this(split, theme, hourlyCost, hoursPerTrip, groups, null, null, null, null);
    }

    /** Checked against the split's groups and the themes one may choose; refused naming every wrong field. */
    void check(List<Group> ofSplit, List<UUID> themes) {
        List<FieldError> errors = new ArrayList<>();
        if (theme != null && !themes.contains(theme)) {
            errors.add(FieldError.of("theme", "groups.invalid.theme", theme));
        }
        range(errors, "hourlyCost", hourlyCost, 0, 10_000, true);
        range(errors, "hoursPerTrip", hoursPerTrip, 0, 24, true);
        range(errors, "agentHourlyCost", agentHourlyCost, 0, 10_000, true);
        range(errors, "servicePercent", servicePercent, 1, 99, true);
        range(errors, "serviceSeconds", serviceSeconds, 0, 3_600, true);
        range(errors, "ahtSeconds", ahtSeconds, 1, 36_000, true);
        for (int i = 0; i < groups.size(); i++) {
            GroupLine line = groups.get(i);
            String at = "groups[" + i + "].";
            if (line.group() == null || ofSplit.stream().noneMatch(g -> g.id().value().equals(line.group()))) {
                errors.add(FieldError.of(at + "group", "groups.invalid.economics.group", line.group() == null ? "" : line.group(), split));
            }
            range(errors, at + "tripsPerMonth", line.tripsPerMonth(), 0, 10_000, false);
            range(errors, at + "guidesBefore", line.guidesBefore(), 0, 100, false);
            range(errors, at + "guidesAfter", line.guidesAfter(), 0, 100, false);
            range(errors, at + "revenuePerPerson", line.revenuePerPerson(), 0, 1_000_000, true);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void range(List<FieldError> errors, String field, @Nullable Double value, double min, double max, boolean optional) {
        if (value == null) {
            if (!optional) {
                errors.add(FieldError.of(field, "groups.invalid.economics.missing"));
            }
        } else if (value.isNaN() || value < min || value > max) {
            errors.add(FieldError.of(field, "groups.invalid.economics.range", format(min), format(max)));
        }
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.0f", value);
    }

    List<SplitSettings.GroupCosts> costs() {
        return groups.stream().map(g -> new SplitSettings.GroupCosts(new GroupId(g.group()), g.tripsPerMonth(), g.guidesBefore(),
                g.guidesAfter(), g.revenuePerPerson())).toList();
    }
}
