package nl.buitenin.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.buitenin.journey.TouchpointId;

/**
 * The themes people raise most at each touchpoint, for the journey map's cards. The module that tags texts with themes
 * (loop) implements it as a Spring bean; insight cannot depend on it, so the themes come to the map like
 * {@link TouchpointShares} do. Counts only: no text is read.
 */
public interface TouchpointThemes {

    /**
     * Per touchpoint, at most {@code limit} themes tagged in texts dated {@code from}..{@code to} (both included, in the
     * organisation's time zone), the most often tagged first (ties by name).
     */
    Map<TouchpointId, List<ThemeCount>> top(LocalDate from, LocalDate to, int limit);
}
