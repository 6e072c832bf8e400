package nl.buitenin.groups.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.buitenin.groups.GroupId;
import nl.buitenin.insight.GroupFilter;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.organisation.Organisations;

/**
 * The journey map's group filter: the groups in use by name, and a group's scores per touchpoint from
 * {@link GroupScores}, the one counting of scores per group (each answer in the group of its moment, the purpose checked
 * per person). The map's days become instants in the organisation's time zone, as on the groups page.
 */
@Component
class GroupsOnTheMap implements GroupFilter {

    private final JdbcGroups groups;
    private final GroupScores scores;
    private final Organisations organisations;

    GroupsOnTheMap(JdbcGroups groups, GroupScores scores, Organisations organisations) {
        this.groups = groups;
        this.scores = scores;
        this.organisations = organisations;
    }

    @Override
    public List<Option> options(Locale locale) {
        return groups.all().stream()
                .filter(Group::active)
                .map(group -> new Option(group.id().toString(), group.name(locale)))
                .sorted(Comparator.comparing(Option::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Override
    public Optional<Map<TouchpointId, Map<ScoreScale, GroupScore>>> scores(String group, LocalDate from, LocalDate to) {
        GroupId id;
        try {
            id = new GroupId(UUID.fromString(group.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        ZoneId zone = organisations.current().timeZone();
        return scores.byTouchpoint(id, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant())
                .map(figures -> {
                    Map<TouchpointId, Map<ScoreScale, GroupScore>> result = new HashMap<>();
                    figures.forEach((touchpoint, scales) -> {
                        Map<ScoreScale, GroupScore> mine = new HashMap<>();
                        scales.forEach((scale, figure) -> mine.put(scale, new GroupScore(figure.histogram(), figure.people())));
                        result.put(touchpoint, mine);
                    });
                    return result;
                });
    }
}
