package nl.buitenin.loop.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.insight.ThemeCount;
import nl.buitenin.insight.TouchpointThemes;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.organisation.Organisations;

/**
 * The journey map's top themes per touchpoint: answers given in the period, counted per theme they are tagged with.
 * A suggester's tag counts only when it would also count for "you said, we did" (confirmed, or at least as sure as the
 * loop's setting), so unreviewed guesses do not make a theme look big. Case themes are left out: a case opened from an
 * answer would count its theme twice.
 */
@Component
class ThemesOnTheMap implements TouchpointThemes {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final LoopSettings settings;

    ThemesOnTheMap(JdbcClient jdbc, Organisations organisations, LoopSettings settings) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.settings = settings;
    }

    @Override
    public Map<TouchpointId, List<ThemeCount>> top(LocalDate from, LocalDate to, int limit) {
        ZoneId zone = organisations.current().timeZone();
        record Row(TouchpointId touchpoint, ThemeCount theme) {
        }
        List<Row> rows = jdbc.sql("select a.touchpoint_id, t.name_nl, t.name_en, count(distinct a.response_id) from loop_answer_theme a "
                        + "join loop_theme t on t.id = a.theme_id where a.touchpoint_id is not null "
                        + "and a.answered_at >= :from and a.answered_at < :to and " + TagTable.toldBack("a") + " "
                        + "group by a.touchpoint_id, t.name_nl, t.name_en")
                .param("from", from.atStartOfDay(zone).toOffsetDateTime())
                .param("to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .param("minConfidence", settings.tellBackMinConfidence())
                .query((rs, n) -> new Row(new TouchpointId(rs.getObject(1, UUID.class)),
                        new ThemeCount(rs.getString(2), rs.getString(3), rs.getLong(4))))
                .list();
        Map<TouchpointId, List<ThemeCount>> top = new HashMap<>();
        for (Row row : rows) {
            top.computeIfAbsent(row.touchpoint(), t -> new ArrayList<>()).add(row.theme());
        }
        top.replaceAll((touchpoint, themes) -> themes.stream()
                .sorted(Comparator.comparingLong(ThemeCount::count).reversed().thenComparing(ThemeCount::nameNl))
                .limit(limit).toList());
        return top;
    }
}
