package nl.buitenin.groups.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import nl.buitenin.demand.ContactStaffing;
import nl.buitenin.groups.CustomerGroups;
import nl.buitenin.groups.GroupId;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.Interactions;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.SmallCellRule;

/**
 * Agents as a cost of a split: a split changes how often its groups phone (the relaxed walkers may call more about their
 * trips), and the phone line needs agents for that. Per group of the split, its people's phone calls before the split
 * and after it (journey's interactions of kind contact on the phone channel; a person counts in the group they chose at
 * the split, on both sides, as for the gains) are staffed by demand's own Erlang C per interval ({@link ContactStaffing}),
 * for the service level the organisation entered, with its handle time or the one demand measured. Each side's agent
 * hours are scaled to a month (30.44 days over the side's days), and the extra agent hours a month are after minus
 * before, times the cost of an agent's hour.
 * <p>
 * The group's calls are staffed as a queue of their own: the hours are what those calls need alone, an upper bound of
 * what they add to a line that also answers everybody else's calls (a shared line answers a few calls more with the
 * same agents). A person's calls are used only when the purpose "customer groups" allows it (one batched, logged
 * {@link PurposeGuard#allowed}); a side about fewer people than the small-cell rule allows hides the group's line.
 */
@Service
public class SplitAgents {

    /** Days in an average month: a side's agent hours are scaled to this many days. */
    static final double DAYS_PER_MONTH = 365.25 / 12;

    /** One side of a group: its calls and callers, the agent hours demand computed for them, and those scaled to a month. */
    public record Side(long calls, long people, double days, double agentHours, double agentHoursPerMonth, double callsPerMonth) {
    }

    /**
     * One group's agents; before, after and the extra hours null when hidden (a side about fewer people than the
     * small-cell rule allows), the cost null also when no agent's hourly cost was entered.
     */
    public record AgentLine(Group group, @Nullable Side before, @Nullable Side after, @Nullable Double extraHoursPerMonth,
            @Nullable Double extraCostPerMonth) {

        public boolean hidden() {
            return before == null;
        }
    }

    /** Per group and in total (over the groups shown), with what the hours were computed with. */
    public record Result(List<AgentLine> lines, double extraHoursPerMonth, @Nullable Double extraCostPerMonth,
            ContactStaffing.ServiceLevel level, double ahtSeconds, boolean ahtMeasured, int intervalMinutes,
            @Nullable Double agentHourlyCost) {
    }

    private final JdbcMemberships memberships;
    private final Interactions interactions;
    private final ContactStaffing staffing;
    private final PurposeGuard purposes;
    private final SmallCellRule smallCells;
    private final Organisations organisations;

    SplitAgents(JdbcMemberships memberships, Interactions interactions, ContactStaffing staffing, PurposeGuard purposes,
            SmallCellRule smallCells, Organisations organisations) {
        this.organisations = organisations;
        this.memberships = memberships;
        this.interactions = interactions;
        this.staffing = staffing;
        this.purposes = purposes;
        this.smallCells = smallCells;
    }

    public Result of(SplitComparison.Result comparison, SplitSettings.Split settings) {
        Instant at = comparison.at();
        Set<GroupId> ofSplit = new HashSet<>();
        comparison.groups().forEach(b -> ofSplit.add(b.group().id()));
        Map<PersonKey, GroupId> chosen = new HashMap<>();
        memberships.during(at, comparison.afterTo()).forEach((person, list) -> list.stream().filter(m -> ofSplit.contains(m.group()))
                .min(Comparator.comparing(Membership::from)).ifPresent(m -> chosen.put(person, m.group())));
        List<Interactions.Moment> calls = interactions.contactsOfPersons(comparison.beforeFrom(), comparison.afterTo(), Channel.PHONE)
                .stream().filter(m -> chosen.containsKey(m.person())).toList();
        Map<PersonKey, Instant> latest = new HashMap<>();
        calls.forEach(m -> latest.merge(m.person(), m.at(), (a, b) -> a.isAfter(b) ? a : b));
        Set<PersonKey> allowed = latest.isEmpty() ? Set.of()
                : purposes.allowed(CustomerGroups.PURPOSE, latest, "phone contacts per customer group of a split");

        // Per group: the calls before and after the split, and who made them.
        Map<GroupId, List<List<Instant>>> moments = new HashMap<>();
        Map<GroupId, List<Set<PersonKey>>> people = new HashMap<>();
        for (Interactions.Moment call : calls) {
            if (!allowed.contains(call.person())) {
                continue;
            }
            GroupId group = chosen.get(call.person());
            int side = call.at().isBefore(at) ? 0 : 1;
            moments.computeIfAbsent(group, g -> List.of(new ArrayList<>(), new ArrayList<>())).get(side).add(call.at());
            people.computeIfAbsent(group, g -> List.of(new HashSet<>(), new HashSet<>())).get(side).add(call.person());
        }
        ZoneId zone = organisations.current().timeZone();
        double beforeDays = days(comparison.beforeFrom(), at, zone);
        double afterDays = days(at, comparison.afterTo(), zone);
        ContactStaffing.ServiceLevel level = settings.serviceLevel();
        Double hourly = settings.agentHourlyCost();
        List<AgentLine> lines = new ArrayList<>();
        double totalHours = 0;
        ContactStaffing.AgentHours used = null;
        for (SplitComparison.Block block : comparison.groups()) {
            GroupId id = block.group().id();
            List<List<Instant>> mine = moments.getOrDefault(id, List.of(List.of(), List.of()));
            List<Set<PersonKey>> callers = people.getOrDefault(id, List.of(Set.of(), Set.of()));
            ContactStaffing.AgentHours before = staffing.agentHours(mine.get(0), settings.ahtSeconds(), level);
            ContactStaffing.AgentHours after = staffing.agentHours(mine.get(1), settings.ahtSeconds(), level);
            used = after;
            if (smallCells.hides(callers.get(0).size()) || smallCells.hides(callers.get(1).size())) {
                lines.add(new AgentLine(block.group(), null, null, null, null));
                continue;
            }
            Side b = side(before, callers.get(0).size(), beforeDays);
            Side a = side(after, callers.get(1).size(), afterDays);
            double extra = a.agentHoursPerMonth() - b.agentHoursPerMonth();
            totalHours += extra;
            lines.add(new AgentLine(block.group(), b, a, extra, hourly == null ? null : extra * hourly));
        }
        if (used == null) {
            used = staffing.agentHours(List.of(), settings.ahtSeconds(), level);
        }
        return new Result(lines, totalHours, hourly == null ? null : totalHours * hourly, level, used.ahtSeconds(), used.ahtMeasured(),
                used.intervalMinutes(), hourly);
    }

    private static Side side(ContactStaffing.AgentHours hours, long people, double days) {
        double perMonth = days <= 0 ? 0 : DAYS_PER_MONTH / days;
        return new Side(hours.contacts(), people, days, hours.agentHours(), hours.agentHours() * perMonth, hours.contacts() * perMonth);
    }

    /** Days on the organisation's calendar: 28 days are 28 also across a change to or from summer time. */
    private static double days(Instant from, Instant to, ZoneId zone) {
        return Math.max(0, Duration.between(from.atZone(zone).toLocalDateTime(), to.atZone(zone).toLocalDateTime()).toSeconds() / 86_400.0);
    }
}
