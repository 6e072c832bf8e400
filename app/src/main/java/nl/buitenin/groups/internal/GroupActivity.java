package nl.buitenin.groups.internal;

import java.time.Instant;
import java.util.ArrayList;
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
import nl.buitenin.journey.Interactions;
import nl.buitenin.listening.InvitationsOfPersons;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.textinsight.FailureDemandOfPersons;

/**
 * Per group what its people did in a period: the interactions they had (volume), the share of their read contacts that
 * was failure demand, and the share of the invitations sent to them that they answered, each with n and (for the
 * shares) the Wilson 95 % interval. Every event counts in the groups its person was in at its moment (an interaction
 * when it happened, a contact when it was made, an invitation when it was sent), as the scores per group count an answer.
 * The events come through journey's, text insight's and listening's public reads; a person's data is used only when the
 * purpose "customer groups" allows it (one batched, logged {@link PurposeGuard#allowed}), and a figure about fewer
 * people than the small-cell rule allows is hidden.
 */
@Service
public class GroupActivity {

    /** A count of events about people: {@code hits} of {@code n} (volume: hits = n), hidden below the small-cell rule. */
    public record Figure(long n, long hits, long people, boolean hidden, @Nullable Estimate share) {
    }

    /** A group's activity in the period. */
    public record GroupActivityFigures(Group group, Figure volume, Figure failureDemand, Figure responseRate) {
    }

    private final JdbcMemberships memberships;
    private final JdbcGroups groups;
    private final Interactions interactions;
    private final FailureDemandOfPersons failureDemand;
    private final InvitationsOfPersons invitations;
    private final PurposeGuard purposes;
    private final SmallCellRule smallCells;

    GroupActivity(JdbcMemberships memberships, JdbcGroups groups, Interactions interactions, FailureDemandOfPersons failureDemand,
            InvitationsOfPersons invitations, PurposeGuard purposes, SmallCellRule smallCells) {
        this.memberships = memberships;
        this.groups = groups;
        this.interactions = interactions;
        this.failureDemand = failureDemand;
        this.invitations = invitations;
        this.purposes = purposes;
        this.smallCells = smallCells;
    }

    /** Every group's activity of [from, to), in the order of {@link JdbcGroups#all}. */
    public List<GroupActivityFigures> figures(Instant from, Instant to) {
        Map<PersonKey, List<Membership>> members = memberships.during(from, to);
        List<Event> events = new ArrayList<>();
        interactions.momentsOfPersons(from, to).stream().filter(m -> members.containsKey(m.person()))
                .forEach(m -> events.add(new Event(Kind.VOLUME, m.person(), m.at(), true)));
        failureDemand.between(from, to).stream().filter(c -> members.containsKey(c.person()))
                .forEach(c -> events.add(new Event(Kind.FAILURE_DEMAND, c.person(), c.at(), c.failure())));
        invitations.sentBetween(from, to).stream().filter(i -> members.containsKey(i.person()))
                .forEach(i -> events.add(new Event(Kind.RESPONSE_RATE, i.person(), i.invitedAt(), i.completed())));
        Map<PersonKey, Instant> latest = new HashMap<>();
        events.forEach(e -> latest.merge(e.person, e.at, (a, b) -> a.isAfter(b) ? a : b));
        Set<PersonKey> allowed = latest.isEmpty() ? Set.of()
                : purposes.allowed(CustomerGroups.PURPOSE, latest, "interactions, contact reasons read and invitations per customer group");

        Map<GroupId, Map<Kind, Counting>> counts = new HashMap<>();
        for (Event event : events) {
            if (!allowed.contains(event.person)) {
                continue;
            }
            for (Membership membership : members.get(event.person)) {
                if (membership.covers(event.at)) {
                    counts.computeIfAbsent(membership.group(), g -> new HashMap<>()).computeIfAbsent(event.kind, k -> new Counting())
                            .add(event);
                }
            }
        }
        List<GroupActivityFigures> figures = new ArrayList<>();
        for (Group group : groups.all()) {
            Map<Kind, Counting> mine = counts.getOrDefault(group.id(), Map.of());
            figures.add(new GroupActivityFigures(group, figure(mine.get(Kind.VOLUME), false), figure(mine.get(Kind.FAILURE_DEMAND), true),
                    figure(mine.get(Kind.RESPONSE_RATE), true)));
        }
        return figures;
    }

    private Figure figure(@Nullable Counting counting, boolean share) {
        if (counting == null) {
            return new Figure(0, 0, 0, false, null);
        }
        long people = counting.people.size();
        if (smallCells.hides(people)) {
            return new Figure(0, 0, 0, true, null);
        }
        return new Figure(counting.n, counting.hits, people, false, share ? Intervals.share(counting.hits, counting.n) : null);
    }

    private enum Kind {
        VOLUME, FAILURE_DEMAND, RESPONSE_RATE
    }

    /** One interaction, read contact or invitation; {@code hit}: failure demand, answered (always true for a volume). */
    private record Event(Kind kind, PersonKey person, Instant at, boolean hit) {
    }

    private static final class Counting {
        long n;
        long hits;
        final Set<PersonKey> people = new HashSet<>();

        void add(Event event) {
            n++;
            hits += event.hit ? 1 : 0;
            people.add(event.person);
        }
    }
}
