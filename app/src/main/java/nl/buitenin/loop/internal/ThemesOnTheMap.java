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
 * The journey map's top themes per touchpoint: answers given and contacts made in the period (a contact for the themes
 * found in the reason the person gave), counted per theme they are tagged with.
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
        List<Row> rows = new ArrayList<>();
        // Answers by the day they were given, contact reasons by the day of the contact: each text counts once per theme.
        for (String count : List.of(
                "select a.touchpoint_id, t.name_nl, t.name_en, count(distinct a.response_id) from loop_answer_theme a "
                        + "join loop_theme t on t.id = a.theme_id where a.touchpoint_id is not null "
                        + "and a.answered_at >= :from and a.answered_at < :to and " + TagTable.toldBack("a") + " "
                        + "group by a.touchpoint_id, t.name_nl, t.name_en",
                "select r.touchpoint_id, t.name_nl, t.name_en, count(distinct r.contact_id) from loop_reason_theme r "
                        + "join loop_theme t on t.id = r.theme_id where r.touchpoint_id is not null "
                        + "and r.heard_at >= :from and r.heard_at < :to and " + TagTable.toldBack("r") + " "
                        + "group by r.touchpoint_id, t.name_nl, t.name_en")) {
            rows.addAll(jdbc.sql(count)
                    .param("from", from.atStartOfDay(zone).toOffsetDateTime())
                    .param("to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                    .param("minConfidence", settings.tellBackMinConfidence())
                    .query((rs, n) -> new Row(new TouchpointId(rs.getObject(1, UUID.class)),
                            new ThemeCount(rs.getString(2), rs.getString(3), rs.getLong(4))))
                    .list());
        }
        Map<TouchpointId, Map<String, ThemeCount>> summed = new HashMap<>();
        for (Row row : rows) {
            summed.computeIfAbsent(row.touchpoint(), t -> new HashMap<>()).merge(row.theme().nameNl(), row.theme(),
                    (a, b) -> new ThemeCount(a.nameNl(), a.nameEn(), a.count() + b.count()));
        }
        Map<TouchpointId, List<ThemeCount>> top = new HashMap<>();
        summed.forEach((touchpoint, themes) -> top.put(touchpoint, new ArrayList<>(themes.values())));
        top.replaceAll((touchpoint, themes) -> themes.stream()
                .sorted(Comparator.comparingLong(ThemeCount::count).reversed().thenComparing(ThemeCount::nameNl))
                .limit(limit).toList());
        return top;
    }
}
