package nl.buitenin.groups.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import nl.buitenin.groups.CustomerGroups;
import nl.buitenin.groups.GroupId;
import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Histogram;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.insight.readings.Comparison;
import nl.buitenin.insight.readings.Comparisons;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.ScoredResponse;
import nl.buitenin.listening.ScoredResponses;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.SmallCellRule;

/**
 * Per group the scores of a period side by side, each response counted in the groups its person belonged to at the
 * moment they answered (a member who changed group mid-period counts in the old group before and the new one after).
 * Responses are read through listening's {@link ScoredResponses}; a person's key is used only when the purpose
 * "customer groups" allows it for them (asked once per person and computation), anonymous responses belong to no group.
 * A figure about fewer people than the small-cell rule allows is hidden, and two groups are compared with insight's
 * {@link Comparisons}, the same code as {@code buitenin compare}.
 */
@Service
public class GroupScores {

    /** The scales shown per group, in this order. */
    public static final List<ScoreScale> SCALES = List.of(ScoreScale.NPS, ScoreScale.CSAT, ScoreScale.CES);

    private final ScoredResponses responses;
    private final JdbcMemberships memberships;
    private final JdbcGroups groups;
    private final PurposeGuard purposes;
    private final SmallCellRule smallCells;

    GroupScores(ScoredResponses responses, JdbcMemberships memberships, JdbcGroups groups, PurposeGuard purposes, SmallCellRule smallCells) {
        this.responses = responses;
        this.memberships = memberships;
        this.groups = groups;
        this.purposes = purposes;
        this.smallCells = smallCells;
    }

    /**
     * One score of one group: the answers counted and the people behind them; the estimate null when hidden (fewer
     * people than the small-cell rule allows) or when there is too little to estimate (no answers, or one for a mean).
     */
    public record Figure(ScoreScale scale, Histogram histogram, long people, boolean hidden, @Nullable Estimate estimate) {

        public long n() {
            return histogram.n();
        }
    }

    /** A group's figures in the period: its size at the period's end and per scale its score. */
    public record GroupFigures(Group group, long size, boolean sizeHidden, Map<ScoreScale, Figure> scores) {

        public Figure score(ScoreScale scale) {
            return scores.get(scale);
        }
    }

    /** Two groups' scores compared: null with a reason when a figure is hidden or too small to compare. */
    public record Difference(ScoreScale scale, @Nullable Comparison comparison, @Nullable String reason) {
    }

    /** All groups' figures of [from, to), active groups first. */
    public List<GroupFigures> figures(Instant from, Instant to) {
        Map<GroupId, Map<ScoreScale, Counting>> counts = new HashMap<>();
        count(from, to).forEach((group, byTouchpoint) -> byTouchpoint.values().forEach(scales -> scales.forEach((scale, counting) ->
                counts.computeIfAbsent(group, g -> new EnumMap<>(ScoreScale.class)).computeIfAbsent(scale, Counting::new).add(counting))));
        Map<GroupId, Long> sizes = memberships.sizes(to.minusMillis(1));
        List<GroupFigures> figures = new ArrayList<>();
        for (Group group : groups.all()) {
            Map<ScoreScale, Figure> scores = new LinkedHashMap<>();
            Map<ScoreScale, Counting> mine = counts.getOrDefault(group.id(), Map.of());
            for (ScoreScale scale : SCALES) {
                Counting counting = mine.getOrDefault(scale, new Counting(scale));
                boolean hidden = smallCells.hides(counting.people.size());
                Estimate estimate = hidden ? null : counting.histogram.score().orElse(null);
                scores.put(scale, new Figure(scale, counting.histogram, counting.people.size(), hidden, estimate));
            }
            long size = sizes.getOrDefault(group.id(), 0L);
            figures.add(new GroupFigures(group, size, smallCells.hides(size), scores));
        }
        return figures;
    }

    /** The difference first minus second per scale, from figures computed by {@link #figures}. */
    public static List<Difference> compare(GroupFigures first, GroupFigures second) {
        List<Difference> differences = new ArrayList<>();
        for (ScoreScale scale : SCALES) {
            Figure a = first.score(scale);
            Figure b = second.score(scale);
            if (a.hidden() || b.hidden()) {
                differences.add(new Difference(scale, null, "groups.compare.hidden"));
            } else if (a.n() < 2 || b.n() < 2) {
                differences.add(new Difference(scale, null, "groups.compare.tooFew"));
            } else {
                differences.add(new Difference(scale, Comparisons.of(a.histogram(), b.histogram()), null));
            }
        }
        return differences;
    }

    /**
     * One group's answers of [from, to) per touchpoint and scale, counted as for {@link #figures} (the journey map's
     * group filter); answers without a touchpoint are left out here. Empty when no group has this id.
     */
    public Optional<Map<TouchpointId, Map<ScoreScale, Figure>>> byTouchpoint(GroupId group, Instant from, Instant to) {
        if (groups.byId(group).isEmpty()) {
            return Optional.empty();
        }
        Map<TouchpointId, Map<ScoreScale, Figure>> figures = new HashMap<>();
        count(from, to).getOrDefault(group, Map.of()).forEach((touchpoint, scales) -> {
            if (touchpoint == null) {
                return;
            }
            Map<ScoreScale, Figure> mine = new EnumMap<>(ScoreScale.class);
            scales.forEach((scale, counting) -> {
                boolean hidden = smallCells.hides(counting.people.size());
                mine.put(scale, new Figure(scale, counting.histogram, counting.people.size(), hidden,
                        hidden ? null : counting.histogram.score().orElse(null)));
            });
            figures.put(touchpoint, mine);
        });
        return Optional.of(figures);
    }

    /** Per group, per touchpoint (null for answers without one) and per scale, the answers and the people behind them. */
    private Map<GroupId, Map<@Nullable TouchpointId, Map<ScoreScale, Counting>>> count(Instant from, Instant to) {
        Map<PersonKey, List<Membership>> members = memberships.during(from, to);
        Map<PersonKey, Boolean> allowed = new HashMap<>();
        Map<GroupId, Map<@Nullable TouchpointId, Map<ScoreScale, Counting>>> counts = new HashMap<>();
        for (ScoredResponse response : responses.between(from, to, Set.of())) {
            PersonKey person = response.person();
            if (person == null || !members.containsKey(person)
                    || !allowed.computeIfAbsent(person, p -> purposes.mayUse(CustomerGroups.PURPOSE, p))) {
                continue;
            }
            for (Membership membership : members.get(person)) {
                if (!membership.covers(response.completedAt())) {
                    continue;
                }
                Map<ScoreScale, Counting> mine = counts.computeIfAbsent(membership.group(), g -> new HashMap<>())
                        .computeIfAbsent(response.touchpoint(), t -> new EnumMap<>(ScoreScale.class));
                for (ScoreScale scale : SCALES) {
                    Optional<CompletedResponse.Score> score = response.first(type(scale));
                    score.ifPresent(s -> mine.computeIfAbsent(scale, Counting::new).add(s.value(), person));
                }
            }
        }
        return counts;
    }

    private static QuestionType type(ScoreScale scale) {
        return switch (scale) {
            case NPS -> QuestionType.NPS;
            case CSAT -> QuestionType.CSAT;
            case CES -> QuestionType.CES;
            default -> throw new IllegalArgumentException("no question type for " + scale);
        };
    }

    private static final class Counting {
        private Histogram histogram;
        private final Set<PersonKey> people = new HashSet<>();

        Counting(ScoreScale scale) {
            this.histogram = Histogram.empty(scale);
        }

        void add(int value, PersonKey person) {
            histogram = histogram.plus(value, 1);
            people.add(person);
        }

        void add(Counting other) {
            histogram = histogram.plus(other.histogram);
            people.addAll(other.people);
        }
    }
}
