package nl.buitenin.loop.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.loop.ActionId;
import nl.buitenin.privacy.SmallCellRule;

/**
 * What the public "you said, we did" page and the quarterly report show: completed actions, the themes
 * they address and how many people raised those themes. No personal data; a count below the minimum is
 * not shown, so that a single person cannot be singled out.
 */
@Component
public class YouSaidWeDid {

    /** A completed action as the public sees it; {@code raisedBy} is null when the count is too small to show. */
    public record Entry(ActionId id, String title, String description, List<String> themes, Instant completedAt, Long raisedBy) {
    }

    private final Actions actions;
    private final Themes themes;
    private final JdbcClient jdbc;
    private final LoopProperties properties;
    private final SmallCellRule smallCells;

    YouSaidWeDid(Actions actions, Themes themes, JdbcClient jdbc, LoopProperties properties, SmallCellRule smallCells) {
        this.actions = actions;
        this.themes = themes;
        this.jdbc = jdbc;
        this.properties = properties;
        this.smallCells = smallCells;
    }

    public List<Entry> completed(Instant from, Instant to, Locale locale) {
        return actions.completed(from, to).stream().map(a -> {
            List<String> names = a.themes().stream().map(t -> themes.byId(t).map(x -> x.name(locale)).orElse("?"))
                    .sorted(Comparator.naturalOrder()).toList();
            long raised = raisedBy(a.id(), a.completedAt());
            return new Entry(a.id(), a.title(locale), a.description(locale), names, a.completedAt(),
                    raised >= minimumCount() ? raised : null);
        }).toList();
    }

    /**
     * The public page's own minimum ({@code BUITENIN_PUBLIC_MINIMUM_COUNT}), but never below the small-cell
     * rule's k: the public may be shown less than the staff, never more.
     */
    public int minimumCount() {
        return Math.max(properties.publicMinimumCount(), smallCells.k());
    }

    /**
     * People who raised one of the action's themes before it was done, in a case or a tagged answer, each
     * person once; an anonymous case or answer counts as one person of its own.
     */
    long raisedBy(ActionId action, Instant completedAt) {
        return jdbc.sql("select count(*) from ("
                        + "select coalesce(c.person_key, cast(c.id as varchar(40))) who from loop_case c "
                        + "join loop_case_theme ct on ct.case_id = c.id join loop_action_theme atx on atx.theme_id = ct.theme_id "
                        + "where atx.action_id = :a and c.opened_at <= :done "
                        + "union "
                        + "select coalesce(an.person_key, cast(an.response_id as varchar(40))) who from loop_answer_theme an "
                        + "join loop_action_theme atx on atx.theme_id = an.theme_id where atx.action_id = :a and an.answered_at <= :done"
                        + ") raised")
                .param("a", action.value()).param("done", CaseFiles.utc(completedAt)).query(Long.class).single();
    }
}
