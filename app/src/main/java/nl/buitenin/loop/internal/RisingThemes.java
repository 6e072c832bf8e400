package nl.buitenin.loop.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.loop.ThemeId;
import nl.buitenin.privacy.SmallCellRule;

/**
 * Themes rising: how many cases (by the day they were opened), answers (by the day they were given) and contact reasons
 * (by the day of the contact) carry each
 * theme in the last four weeks against the four weeks before. A tag counts by the same rule as telling back (a person
 * made it, an analyst confirmed it, or the suggester was sure enough), so an unreviewed guess does not make a theme
 * rise. A theme is listed only when its last four weeks are about at least k people (the small-cell rule) and it has
 * more than the four weeks before.
 */
@Repository
public class RisingThemes {

    public static final Duration WINDOW = Duration.ofDays(28);

    /** One theme's counts: tags in the window and the one before, and the people behind each. */
    public record Rise(ThemeId theme, String nameNl, String nameEn, long now, long before, long peopleNow, long peopleBefore) {

        public String name(Locale locale) {
            return "nl".equals(locale.getLanguage()) ? nameNl : nameEn;
        }
    }

    private final JdbcClient jdbc;
    private final LoopSettings settings;
    private final SmallCellRule smallCells;

    RisingThemes(JdbcClient jdbc, LoopSettings settings, SmallCellRule smallCells) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.smallCells = smallCells;
    }

    /** The rising themes at {@code now}, the largest rise first, at most {@code limit}. */
    public List<Rise> at(Instant now, int limit) {
        Instant start = now.minus(WINDOW.multipliedBy(2));
        Instant middle = now.minus(WINDOW);
        record Tag(UUID theme, String nameNl, String nameEn, Instant at, String who) {
        }
        List<Tag> tags = new ArrayList<>();
        jdbc.sql("select t.id, t.name_nl, t.name_en, c.opened_at, coalesce(c.person_key, 'case:' || cast(c.id as varchar(40))) "
                        + "from loop_case_theme ct join loop_case c on c.id = ct.case_id join loop_theme t on t.id = ct.theme_id "
                        + "where c.opened_at >= :start and c.opened_at < :now and " + TagTable.toldBack("ct"))
                .param("start", CaseFiles.utc(start)).param("now", CaseFiles.utc(now))
                .param("minConfidence", settings.tellBackMinConfidence())
                .query((rs, n) -> tags.add(new Tag(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), CaseFiles.instant(rs, 4),
                        rs.getString(5))))
                .list();
        jdbc.sql("select t.id, t.name_nl, t.name_en, a.answered_at, coalesce(a.person_key, 'response:' || cast(a.response_id as varchar(40))) "
                        + "from loop_answer_theme a join loop_theme t on t.id = a.theme_id "
                        + "where a.answered_at >= :start and a.answered_at < :now and " + TagTable.toldBack("a"))
                .param("start", CaseFiles.utc(start)).param("now", CaseFiles.utc(now))
                .param("minConfidence", settings.tellBackMinConfidence())
                .query((rs, n) -> tags.add(new Tag(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), CaseFiles.instant(rs, 4),
                        rs.getString(5))))
                .list();
        jdbc.sql("select t.id, t.name_nl, t.name_en, r.heard_at, coalesce(r.person_key, 'contact:' || cast(r.contact_id as varchar(40))) "
                        + "from loop_reason_theme r join loop_theme t on t.id = r.theme_id "
                        + "where r.heard_at >= :start and r.heard_at < :now and " + TagTable.toldBack("r"))
                .param("start", CaseFiles.utc(start)).param("now", CaseFiles.utc(now))
                .param("minConfidence", settings.tellBackMinConfidence())
                .query((rs, n) -> tags.add(new Tag(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), CaseFiles.instant(rs, 4),
                        rs.getString(5))))
                .list();
        Map<UUID, long[]> counts = new HashMap<>();
        Map<UUID, Set<String>> whoNow = new HashMap<>();
        Map<UUID, Set<String>> whoBefore = new HashMap<>();
        Map<UUID, Tag> names = new HashMap<>();
        for (Tag tag : tags) {
            names.putIfAbsent(tag.theme(), tag);
            boolean recent = !tag.at().isBefore(middle);
            counts.computeIfAbsent(tag.theme(), t -> new long[2])[recent ? 0 : 1]++;
            (recent ? whoNow : whoBefore).computeIfAbsent(tag.theme(), t -> new HashSet<>()).add(tag.who());
        }
        List<Rise> rises = new ArrayList<>();
        counts.forEach((theme, c) -> {
            long peopleNow = whoNow.getOrDefault(theme, Set.of()).size();
            if (c[0] > c[1] && peopleNow >= smallCells.k()) {
                Tag name = names.get(theme);
                rises.add(new Rise(new ThemeId(theme), name.nameNl(), name.nameEn(), c[0], c[1], peopleNow,
                        whoBefore.getOrDefault(theme, Set.of()).size()));
            }
        });
        rises.sort(Comparator.comparingLong((Rise r) -> r.now() - r.before()).reversed().thenComparing(Rise::nameNl));
        return rises.stream().limit(limit).toList();
    }
}
