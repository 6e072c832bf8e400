package nl.buitenin.signals.web.market;

import java.util.List;

import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.privacy.SmallCells;
import nl.buitenin.signals.internal.market.MarketSignals;

/**
 * A chain for the page: the distinct askers of the grouped missed sales and the people told back about the action are
 * counts of people, shown as "fewer than k" under the small-cell rule.
 */
record ChainView(MarketSignals.Chain chain, List<Grouped> grouped, SmallCells.Suppressed askers, SmallCells.Suppressed toldBack) {

    record Grouped(String key, String label, long missed, SmallCells.Suppressed askers) {
    }

    static ChainView of(MarketSignals.Chain chain, SmallCellRule rule) {
        long told = chain.action() == null ? 0 : chain.action().peopleToldBack();
        return new ChainView(chain,
                chain.grouped().stream().map(t -> new Grouped(t.key(), t.label(), t.count().missed(),
                        rule.suppress(t.count().askers(), t.count().askers()))).toList(),
                rule.suppress(chain.groupedTotal().askers(), chain.groupedTotal().askers()), rule.suppress(told, told));
    }
}
