package nl.buitenin.groups.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import nl.buitenin.groups.CustomerGroups;
import nl.buitenin.groups.GroupId;
import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Intervals;
import nl.buitenin.insight.readings.Comparisons;
import nl.buitenin.insight.readings.Difference;
import nl.buitenin.journey.Interactions;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.SmallCellRule;

/**
 * The gains of a split that interactions show, per group and for everyone in the split, before against after:
 * <ul>
 * <li><b>repeat purchase over a fixed 12 months</b>: of the people who bought in the 12 months before the split, the
 * share who bought again within those 12 months; after, the same of the 12 months from the split on, as far as the data
 * reaches (up to now: {@link RepeatWindow#complete()} says whether 12 months have passed; until then the share can only
 * grow). A fixed year and not the split's weeks: people book a walking trip once or twice a year, so a few weeks hardly
 * ever hold two purchases, and a year holds the seasons once on each side;</li>
 * <li><b>retention</b>: after is the share of the people active (any interaction) before the split who are active again
 * after it; before is the same share one period earlier, of the people active in the period of the same length before
 * {@code beforeFrom} who were active again before the split.</li>
 * </ul>
 * A person counts in the group they chose at the split (the first of the split's groups they were in from its moment
 * on), on both sides, so a group's before and after are about the same people; everyone is every member of the split's
 * groups. Each share has its Wilson 95 % interval; the change (after minus before, percentage points) comes from
 * {@link Comparisons#shares} (Newcombe's interval, the two-proportion test), and compares people, so a person counted
 * on both sides is taken as independent, as everywhere shares are compared. Interactions come through journey's public
 * reads; a person's data is used only when the purpose "customer groups" allows it (one batched, logged
 * {@link PurposeGuard#allowed}), and a side about fewer people than the small-cell rule allows is hidden and not
 * compared.
 */
@Service
public class SplitGains {

    /** One side: {@code hits} of {@code n} people; hidden (both zero) below the small-cell rule. */
    public record Side(long n, long hits, boolean hidden, @Nullable Estimate share) {
    }

    /** A share before and after the split and its change; the change is null when a side is hidden or empty. */
    public record Gain(Side before, Side after, SplitEconomics.@Nullable Change change) {
    }

    /** A group's gains; {@code group} is null for everyone in the split. */
    public record GroupGains(@Nullable Group group, Gain repeatPurchase, Gain retention) {
    }

    /**
     * The 12 months of repeat purchase: [{@code from}, {@code at}) before the split and [{@code at}, {@code to}) after it,
     * {@code to} the end of the 12 months or now, whichever is first; {@code monthsAfter} the whole months that had passed.
     */
    public record RepeatWindow(Instant from, Instant at, Instant to, int monthsAfter, boolean complete) {
    }

    public record Result(List<GroupGains> groups, GroupGains everyone, RepeatWindow repeatWindow) {

        public @Nullable GroupGains of(GroupId group) {
            return groups.stream().filter(g -> g.group() != null && g.group().id().equals(group)).findFirst().orElse(null);
        }
    }

    private final JdbcMemberships memberships;
    private final Interactions interactions;
    private final PurposeGuard purposes;
    private final SmallCellRule smallCells;
    private final Organisations organisations;
    private final Clock clock;

    SplitGains(JdbcMemberships memberships, Interactions interactions, PurposeGuard purposes, SmallCellRule smallCells,
            Organisations organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
        this.memberships = memberships;
        this.interactions = interactions;
        this.purposes = purposes;
        this.smallCells = smallCells;
    }

    public Result of(SplitComparison.Result comparison) {
        Instant at = comparison.at();
        Instant beforeFrom = comparison.beforeFrom();
        Instant earlier = beforeFrom.minus(Duration.between(beforeFrom, at));
        RepeatWindow window = repeatWindow(at, organisations.current().timeZone(), clock.instant());
        Set<GroupId> ofSplit = new HashSet<>();
        comparison.groups().forEach(b -> ofSplit.add(b.group().id()));
        Map<PersonKey, GroupId> chosen = new HashMap<>();
        Instant membersTo = window.to().isAfter(comparison.afterTo()) ? window.to() : comparison.afterTo();
        memberships.during(at, membersTo).forEach((person, list) -> list.stream().filter(m -> ofSplit.contains(m.group()))
                .min(Comparator.comparing(Membership::from)).ifPresent(m -> chosen.put(person, m.group())));

        List<Interactions.Moment> moments = interactions.momentsOfPersons(earlier, comparison.afterTo()).stream()
                .filter(m -> chosen.containsKey(m.person())).toList();
        List<Interactions.Moment> purchases = window.to().isAfter(window.from())
                ? interactions.purchasesOfPersons(window.from(), window.to()).stream().filter(m -> chosen.containsKey(m.person())).toList()
                : List.of();
        Map<PersonKey, Instant> latest = new HashMap<>();
        moments.forEach(m -> latest.merge(m.person(), m.at(), (a, b) -> a.isAfter(b) ? a : b));
        purchases.forEach(m -> latest.merge(m.person(), m.at(), (a, b) -> a.isAfter(b) ? a : b));
        Set<PersonKey> allowed = latest.isEmpty() ? Set.of()
                : purposes.allowed(CustomerGroups.PURPOSE, latest, "interactions and purchases per customer group of a split");

        // Per person: the periods they were active in (0 earlier, 1 before, 2 after) and their purchases before and after.
        Map<PersonKey, boolean[]> active = new HashMap<>();
        for (Interactions.Moment m : moments) {
            if (allowed.contains(m.person())) {
                int period = m.at().isBefore(beforeFrom) ? 0 : m.at().isBefore(at) ? 1 : 2;
                active.computeIfAbsent(m.person(), p -> new boolean[3])[period] = true;
            }
        }
        Map<PersonKey, int[]> bought = new HashMap<>();
        for (Interactions.Moment m : purchases) {
            if (allowed.contains(m.person())) {
                bought.computeIfAbsent(m.person(), p -> new int[2])[m.at().isBefore(at) ? 0 : 1]++;
            }
        }

        Map<@Nullable GroupId, long[]> counts = new HashMap<>();
        active.forEach((person, periods) -> {
            long[] c = counts(counts, chosen.get(person));
            long[] all = counts(counts, null);
            for (long[] x : List.of(c, all)) {
                // Retention before: active earlier (n) and again before (hit); after: active before (n) and again after.
                x[0] += periods[0] ? 1 : 0;
                x[1] += periods[0] && periods[1] ? 1 : 0;
                x[2] += periods[1] ? 1 : 0;
                x[3] += periods[1] && periods[2] ? 1 : 0;
            }
        });
        bought.forEach((person, n) -> {
            for (long[] x : List.of(counts(counts, chosen.get(person)), counts(counts, null))) {
                x[4] += n[0] > 0 ? 1 : 0;
                x[5] += n[0] > 1 ? 1 : 0;
                x[6] += n[1] > 0 ? 1 : 0;
                x[7] += n[1] > 1 ? 1 : 0;
            }
        });
        List<GroupGains> groups = new ArrayList<>();
        for (SplitComparison.Block block : comparison.groups()) {
            groups.add(gains(block.group(), counts.getOrDefault(block.group().id(), new long[8])));
        }
        return new Result(groups, gains(null, counts.getOrDefault(null, new long[8])), window);
    }

    /** The 12 months before the split and the 12 from it on (months in the organisation's time zone), the latter up to now. */
    static RepeatWindow repeatWindow(Instant at, ZoneId zone, Instant now) {
        ZonedDateTime split = at.atZone(zone);
        Instant yearAfter = split.plusMonths(12).toInstant();
        Instant to = now.isBefore(yearAfter) ? (now.isBefore(at) ? at : now) : yearAfter;
        int months = (int) ChronoUnit.MONTHS.between(split, to.atZone(zone));
        return new RepeatWindow(split.minusMonths(12).toInstant(), at, to, months, !to.isBefore(yearAfter));
    }

    private static long[] counts(Map<@Nullable GroupId, long[]> counts, @Nullable GroupId group) {
        return counts.computeIfAbsent(group, g -> new long[8]);
    }

    private GroupGains gains(@Nullable Group group, long[] c) {
        return new GroupGains(group, gain(c[4], c[5], c[6], c[7]), gain(c[0], c[1], c[2], c[3]));
    }

    private Gain gain(long beforeN, long beforeHits, long afterN, long afterHits) {
        Side before = side(beforeN, beforeHits);
        Side after = side(afterN, afterHits);
        SplitEconomics.Change change = null;
        if (before.share() != null && after.share() != null) {
            Difference d = Comparisons.shares(afterHits, afterN, beforeHits, beforeN).difference();
            change = new SplitEconomics.Change(d.value(), d.lower(), d.upper(), d.pValue());
        }
        return new Gain(before, after, change);
    }

    private Side side(long n, long hits) {
        if (smallCells.hides(n)) {
            return new Side(0, 0, true, null);
        }
        return new Side(n, hits, false, n == 0 ? null : Intervals.share(hits, n));
    }
}
