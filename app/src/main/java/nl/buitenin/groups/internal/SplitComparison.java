package nl.buitenin.groups.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import nl.buitenin.groups.CustomerGroups;
import nl.buitenin.groups.GroupId;
import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Histogram;
import nl.buitenin.insight.Intervals;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.insight.ThemedAnswers;
import nl.buitenin.insight.readings.Comparison;
import nl.buitenin.insight.readings.Comparisons;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.ScoredResponse;
import nl.buitenin.listening.ScoredResponses;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.SmallCellRule;

/**
 * "Did the split work?": for the groups of a split introduced at a moment, a theme's share among the answers that carry
 * a theme (the ones with something said that a theme was found in: answers without a comment could not have raised it,
 * and another survey's scores-only answers by the same people would dilute the share) and the
 * NPS and CSAT before against after, per group and for everyone together, each difference (after minus before) with its
 * 95 % interval and p-value from insight's {@link Comparisons} (Newcombe's interval and the two-proportion test for a
 * share, the adjusted-Wald difference for NPS).
 * <p>
 * After the split an answer counts in the group its person was in when they answered, as on the groups page. Before
 * it there were no groups, so an answer counts in the group its person chose at the split: the group of the split they
 * were in first from the split's moment on. So a group's "before" is the same people's answers from before, and "did
 * 'too fast' disappear among those who chose the relaxed group?" compares like with like. Everyone together counts
 * every answer, members or not and anonymous ones too, and uses no person. A person's key is used only under the
 * purpose "customer groups"; a figure about fewer people than the small-cell rule allows is hidden and not compared.
 * Answers of one person are taken as independent, as everywhere the scores are compared.
 */
@Service
public class SplitComparison {

    /** What is compared before and after, in this order. */
    public enum Measure { THEME, NPS, CSAT }

    private final ScoredResponses responses;
    private final JdbcMemberships memberships;
    private final JdbcGroups groups;
    private final PurposeGuard purposes;
    private final SmallCellRule smallCells;
    private final ObjectProvider<ThemedAnswers> themes;

    SplitComparison(ScoredResponses responses, JdbcMemberships memberships, JdbcGroups groups, PurposeGuard purposes,
            SmallCellRule smallCells, ObjectProvider<ThemedAnswers> themes) {
        this.responses = responses;
        this.memberships = memberships;
        this.groups = groups;
        this.purposes = purposes;
        this.smallCells = smallCells;
        this.themes = themes;
    }

    /**
     * One side of a measure: for the theme the answers carrying it ({@code hits}) of {@code n} answers; for a score its
     * histogram's n. The estimate is null when hidden or when there is nothing to estimate.
     */
    public record Side(long n, long hits, long people, boolean hidden, @Nullable Estimate estimate) {
    }

    /** A measure before and after, and after minus before; without a comparison the reason says why. */
    public record Row(Measure measure, Side before, Side after, @Nullable Comparison comparison, @Nullable String reason) {
    }

    /** One group's rows, or everyone's ({@code group} null). */
    public record Block(@Nullable Group group, List<Row> rows) {

        public Row row(Measure measure) {
            return rows.stream().filter(r -> r.measure() == measure).findFirst().orElseThrow();
        }
    }

    /** The comparison: before is [{@code beforeFrom}, {@code at}), after [{@code at}, {@code afterTo}). */
    public record Result(String split, Instant beforeFrom, Instant at, Instant afterTo, ThemedAnswers.@Nullable Theme theme,
            List<Block> groups, Block everyone) {
    }

    /** The themes one may choose, by Dutch name; empty when no module tags answers. */
    public List<ThemedAnswers.Theme> themes() {
        ThemedAnswers source = themes.getIfAvailable();
        return source == null ? List.of() : source.themes();
    }

    /** The names of the splits that have groups, sorted. */
    public List<String> splits() {
        return groups.all().stream().map(Group::split).filter(s -> s != null).distinct().sorted().map(s -> (String) s).toList();
    }

    /** The moment the split began: its first membership's start; empty when nobody joined a group of the split. */
    public Optional<Instant> start(String split) {
        Set<GroupId> ids = new HashSet<>();
        groups.all().stream().filter(g -> split.equals(g.split())).forEach(g -> ids.add(g.id()));
        return ids.isEmpty() ? Optional.empty() : memberships.firstStart(ids);
    }

    /** The groups of the split, by Dutch name; empty for an unknown split. */
    public List<Group> groupsOf(String split) {
        return groups.all().stream().filter(g -> split.equals(g.split())).sorted(Comparator.comparing(Group::nameNl)).toList();
    }

    public Result compare(String split, Instant beforeFrom, Instant at, Instant afterTo, @Nullable UUID theme) {
        List<Group> ofSplit = groupsOf(split);
        Set<UUID> tagged = new HashSet<>();
        Set<UUID> themed = new HashSet<>();
        ThemedAnswers.Theme chosen = null;
        ThemedAnswers source = themes.getIfAvailable();
        if (theme != null && source != null) {
            chosen = source.themes().stream().filter(t -> t.id().equals(theme)).findFirst().orElse(null);
            if (chosen != null) {
                tagged.addAll(source.responsesWith(theme, beforeFrom, afterTo));
                themed.addAll(source.responsesWithAnyTheme(beforeFrom, afterTo));
            }
        }
        Set<GroupId> ids = new HashSet<>();
        ofSplit.forEach(g -> ids.add(g.id()));
        Map<PersonKey, List<Membership>> members = memberships.during(at, afterTo);
        members.replaceAll((person, list) -> list.stream().filter(m -> ids.contains(m.group())).toList());

        Map<@Nullable GroupId, Counts[]> counts = new HashMap<>();
        Map<PersonKey, Boolean> allowed = new HashMap<>();
        for (ScoredResponse response : responses.between(beforeFrom, afterTo, Set.of())) {
            boolean after = !response.completedAt().isBefore(at);
            boolean hit = tagged.contains(response.response());
            // A theme's share is among the answers that carry a theme, the ones that could have raised it; a hit
            // carries one by definition, so it is always in its own denominator.
            boolean counted = hit || themed.contains(response.response());
            counts.computeIfAbsent(null, g -> Counts.pair())[after ? 1 : 0].add(response, counted, hit, null);
            PersonKey person = response.person();
            List<Membership> mine = person == null ? List.of() : members.getOrDefault(person, List.of());
            if (mine.isEmpty() || !allowed.computeIfAbsent(person, p -> purposes.mayUse(CustomerGroups.PURPOSE, p))) {
                continue;
            }
            for (GroupId group : after ? groupsAt(mine, response.completedAt()) : chosenAt(mine)) {
                counts.computeIfAbsent(group, g -> Counts.pair())[after ? 1 : 0].add(response, counted, hit, person);
            }
        }
        List<Block> blocks = new ArrayList<>();
        for (Group group : ofSplit) {
            blocks.add(block(group, counts.getOrDefault(group.id(), Counts.pair()), chosen != null));
        }
        Block everyone = block(null, counts.getOrDefault(null, Counts.pair()), chosen != null);
        return new Result(split, beforeFrom, at, afterTo, chosen, blocks, everyone);
    }

    private static List<GroupId> groupsAt(List<Membership> mine, Instant at) {
        return mine.stream().filter(m -> m.covers(at)).map(Membership::group).distinct().toList();
    }

    /** The group the person chose at the split: the first of the split they were in from its moment on. */
    private static List<GroupId> chosenAt(List<Membership> mine) {
        return mine.stream().min(Comparator.comparing(Membership::from)).map(m -> List.of(m.group())).orElse(List.of());
    }

    private Block block(@Nullable Group group, Counts[] pair, boolean withTheme) {
        List<Row> rows = new ArrayList<>();
        // Everyone together is about all answers, anonymous ones included: its people are not counted, only its answers.
        if (withTheme) {
            rows.add(themeRow(group == null, pair[0], pair[1]));
        }
        rows.add(scoreRow(Measure.NPS, ScoreScale.NPS, group == null, pair[0], pair[1]));
        rows.add(scoreRow(Measure.CSAT, ScoreScale.CSAT, group == null, pair[0], pair[1]));
        return new Block(group, rows);
    }

    private Row themeRow(boolean everyone, Counts before, Counts after) {
        Side b = share(everyone, before);
        Side a = share(everyone, after);
        if (b.hidden() || a.hidden()) {
            return new Row(Measure.THEME, b, a, null, "groups.compare.hidden");
        }
        if (b.n() == 0 || a.n() == 0) {
            return new Row(Measure.THEME, b, a, null, "groups.compare.tooFew");
        }
        return new Row(Measure.THEME, b, a, Comparisons.shares(a.hits(), a.n(), b.hits(), b.n()), null);
    }

    private Side share(boolean everyone, Counts counts) {
        long people = counts.answerPeople.size();
        boolean hidden = !everyone && smallCells.hides(people);
        Estimate estimate = hidden || counts.answers == 0 ? null : Intervals.share(counts.hits, counts.answers);
        return new Side(counts.answers, hidden ? 0 : counts.hits, people, hidden, estimate);
    }

    private Row scoreRow(Measure measure, ScoreScale scale, boolean everyone, Counts before, Counts after) {
        Side b = score(scale, everyone, before);
        Side a = score(scale, everyone, after);
        if (b.hidden() || a.hidden()) {
            return new Row(measure, b, a, null, "groups.compare.hidden");
        }
        if (b.n() < 2 || a.n() < 2) {
            return new Row(measure, b, a, null, "groups.compare.tooFew");
        }
        return new Row(measure, b, a, Comparisons.of(after.histogram(scale), before.histogram(scale)), null);
    }

    private Side score(ScoreScale scale, boolean everyone, Counts counts) {
        Histogram histogram = counts.histogram(scale);
        long people = counts.scorePeople.getOrDefault(scale, Set.of()).size();
        boolean hidden = !everyone && smallCells.hides(people);
        return new Side(histogram.n(), 0, people, hidden, hidden ? null : histogram.score().orElse(null));
    }

    /**
     * One side's answers: how many carry any theme ({@code answers}, the theme's denominator) and how many the chosen
     * one, the people behind those, and every answer's scores and their people.
     */
    private static final class Counts {
        long answers;
        long hits;
        final Set<PersonKey> answerPeople = new HashSet<>();
        final Map<ScoreScale, Histogram> histograms = new LinkedHashMap<>();
        final Map<ScoreScale, Set<PersonKey>> scorePeople = new HashMap<>();

        static Counts[] pair() {
            return new Counts[] {new Counts(), new Counts()};
        }

        void add(ScoredResponse response, boolean themed, boolean hit, @Nullable PersonKey person) {
            if (themed) {
                answers++;
                hits += hit ? 1 : 0;
                if (person != null) {
                    answerPeople.add(person);
                }
            }
            for (ScoreScale scale : List.of(ScoreScale.NPS, ScoreScale.CSAT)) {
                Optional<CompletedResponse.Score> score = response.first(scale == ScoreScale.NPS ? QuestionType.NPS : QuestionType.CSAT);
                score.ifPresent(s -> {
                    histograms.put(scale, histogram(scale).plus(s.value(), 1));
                    if (person != null) {
                        scorePeople.computeIfAbsent(scale, x -> new HashSet<>()).add(person);
                    }
                });
            }
        }

        Histogram histogram(ScoreScale scale) {
            return histograms.getOrDefault(scale, Histogram.empty(scale));
        }
    }
}
