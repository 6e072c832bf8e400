package nl.buitenin.loop.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.insight.ThemedAnswers;

/**
 * Insight's port {@link ThemedAnswers}: the answers tagged with a theme, under the rule the journey map's top themes
 * use ({@link TagTable#toldBack}), so a theme's share per group and its count on the map agree.
 */
@Component
class ThemedAnswersForCounting implements ThemedAnswers {

    private final JdbcClient jdbc;
    private final LoopSettings settings;

    ThemedAnswersForCounting(JdbcClient jdbc, LoopSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public List<Theme> themes() {
        return jdbc.sql("select id, name_nl, name_en from loop_theme order by name_nl")
                .query((rs, n) -> new Theme(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
    }

    @Override
    public Set<UUID> responsesWith(UUID theme, Instant from, Instant to) {
        return new HashSet<>(jdbc.sql("select distinct a.response_id from loop_answer_theme a where a.theme_id = :theme "
                        + "and a.answered_at >= :from and a.answered_at < :to and " + TagTable.toldBack("a"))
                .param("theme", theme).param("from", CaseFiles.utc(from)).param("to", CaseFiles.utc(to))
                .param("minConfidence", settings.tellBackMinConfidence())
                .query(UUID.class).list());
    }

    @Override
    public Set<UUID> responsesWithAnyTheme(Instant from, Instant to) {
        return new HashSet<>(jdbc.sql("select distinct a.response_id from loop_answer_theme a "
                        + "where a.answered_at >= :from and a.answered_at < :to and " + TagTable.toldBack("a"))
                .param("from", CaseFiles.utc(from)).param("to", CaseFiles.utc(to))
                .param("minConfidence", settings.tellBackMinConfidence())
                .query(UUID.class).list());
    }
}
