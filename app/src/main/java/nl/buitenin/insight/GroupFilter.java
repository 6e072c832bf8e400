package nl.buitenin.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.buitenin.journey.TouchpointId;

/**
 * Customer groups as a filter of the journey map: the groups to choose from, and one group's scores per touchpoint,
 * each answer counted in the group its person was in when they answered. The module that holds the groups implements it
 * as a Spring bean; insight cannot depend on it (it depends on insight), so the groups come to the map like
 * {@link TouchpointShares} do. Only scores are counted per group: volumes, shares and themes are not.
 */
public interface GroupFilter {

    /** A group to choose: its id as the filter's value and its name in the reader's language. */
    record Option(String id, String name) {
    }

    /**
     * One scale's answers of the group at a touchpoint and the number of people behind them (the small-cell rule
     * counts people, as the groups page does).
     */
    record GroupScore(Histogram histogram, long people) {
    }

    /** The groups that can be chosen, by name. */
    List<Option> options(Locale locale);

    /**
     * The group's scores per touchpoint and scale for answers completed {@code from}..{@code to} (both included, in the
     * organisation's time zone); empty when no group has this id.
     */
    Optional<Map<TouchpointId, Map<ScoreScale, GroupScore>>> scores(String group, LocalDate from, LocalDate to);
}
