package nl.buitenin.groups.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import nl.buitenin.groups.GroupId;
import nl.buitenin.groups.internal.Group;
import nl.buitenin.groups.internal.SplitEconomics;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RequestValues;

/** A what-if as request values (page and API): drop or merge a group of the split, or add one with its trips and guides. */
final class EconomicsQuery {

    private EconomicsQuery() {
    }

    static SplitEconomics.@Nullable WhatIf whatIf(@Nullable String action, @Nullable String group, @Nullable String into,
            @Nullable String trips, @Nullable String guides, List<Group> ofSplit) {
        if (RequestValues.blank(action)) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        SplitEconomics.Action chosen = RequestValues.collecting(errors,
                () -> RequestValues.choice("whatIf", action, SplitEconomics.Action.class, "groups.invalid.whatIf"));
        GroupId g = RequestValues.collecting(errors, () -> RequestValues.id("group", group, GroupId::new, "groups.invalid.group"));
        GroupId i = RequestValues.collecting(errors, () -> RequestValues.id("into", into, GroupId::new, "groups.invalid.group"));
        Double t = RequestValues.collecting(errors, () -> RequestValues.decimal("trips", trips, "groups.invalid.economics.number"));
        Double e = RequestValues.collecting(errors, () -> RequestValues.decimal("guides", guides, "groups.invalid.economics.number"));
        if (errors.isEmpty() && chosen != null) {
            if (chosen != SplitEconomics.Action.ADD && (g == null || ofSplit.stream().noneMatch(x -> x.id().equals(g)))) {
                errors.add(FieldError.of("group", "groups.invalid.whatIf.group"));
            }
            if (chosen == SplitEconomics.Action.MERGE && (i == null || i.equals(g) || ofSplit.stream().noneMatch(x -> x.id().equals(i)))) {
                errors.add(FieldError.of("into", "groups.invalid.whatIf.into"));
            }
            if (chosen == SplitEconomics.Action.ADD) {
                if (t == null || t < 0 || t > 10_000) {
                    errors.add(FieldError.of("trips", "groups.invalid.economics.range", "0", "10000"));
                }
                if (e == null || e < 0 || e > 100) {
                    errors.add(FieldError.of("guides", "groups.invalid.economics.range", "0", "100"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SplitEconomics.WhatIf(chosen, g, i, t == null ? 0 : t, e == null ? 0 : e);
    }
}
