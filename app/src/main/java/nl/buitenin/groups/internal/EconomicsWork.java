package nl.buitenin.groups.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saves what an administrator entered for a split's costs, checked first (one transaction: all or nothing). */
@Service
public class EconomicsWork {

    private final SplitSettings settings;
    private final SplitComparison comparison;

    EconomicsWork(SplitSettings settings, SplitComparison comparison) {
        this.settings = settings;
        this.comparison = comparison;
    }

    @Transactional
    public void save(EconomicsInput input, String by) {
        if (!comparison.splits().contains(input.split())) {
            throw nl.buitenin.platform.InvalidInputException.of("split", "groups.invalid.split.unknown", input.split());
        }
        input.check(comparison.groupsOf(input.split()), comparison.themes().stream().map(t -> t.id()).toList());
        settings.save(new SplitSettings.Split(input.split(), input.theme(), input.hourlyCost(), input.hoursPerTrip(),
                input.agentHourlyCost(), input.servicePercent(), input.serviceSeconds(), input.ahtSeconds()), by);
        input.costs().forEach(c -> settings.save(c, by));
    }
}
