package nl.buitenin.contact.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.function.Supplier;

import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.PastContact;
import nl.buitenin.contact.Reason;
import nl.buitenin.contact.ReasonCode;
import nl.buitenin.contact.ReplayedInterests;
import nl.buitenin.contact.cli.SimulatePolicyCommand.Interaction;
import nl.buitenin.contact.internal.LoggedContact;
import nl.buitenin.contact.internal.OfferPolicy;
import nl.buitenin.contact.internal.OfferRules;
import nl.buitenin.contact.internal.Policy;
import nl.buitenin.journey.Channel;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PreferredChannel;

/**
 * The offers of {@code simulate-policy}. A naive rule, "offer after every interest", asks for an offer on a topic the day
 * after every interaction with it and then weekly for as long as it has seen any interest (to the last day replayed),
 * each time at {@link #HOUR} by e-mail. The policy answers each request with the live rules ({@link OfferRules}, the
 * stored defaults of {@link OfferPolicy}) and interests replayed with the live fading ({@link ReplayedInterests},
 * implemented by offers); the invitations the survey replay sent are in each person's contact log, so they count in the
 * budget and hold offers back after a survey. Everyone is assumed to consent and to prefer e-mail, as for invitations.
 * Invitations are replayed first and do not see the offers (with the default budget, offers never use up what an
 * invitation needs).
 */
final class OfferReplay {

    /** When the naive rule's offers go out, in the organisation's zone. */
    static final LocalTime HOUR = LocalTime.of(10, 0);

    /** What the offers replay found. */
    public record OfferReport(int requested, int sent, int refused, Map<ReasonCode, Integer> refusedByReason, int monthlyLimit,
            int peopleContactedOverLimit, double shareContactedOverLimit, int naivePeopleContactedOverLimit, double naiveShareContactedOverLimit,
            CubaCase cuba) {
    }

    /** One booking of Cuba and nothing else: offers over the next year under the naive rule and under the policy. */
    public record CubaCase(LocalDate booked, int naiveOffers, int policyOffers) {
    }

    private record Request(Instant at, PersonKey person, String topic) {
    }

    private OfferReplay() {
    }

    /** The replayed interests of the offers module, as registered with {@link ServiceLoader}. */
    static Supplier<ReplayedInterests> interests() {
        return () -> ServiceLoader.load(ReplayedInterests.class, OfferReplay.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no interests to replay: the offers module is missing"));
    }

    /**
     * @param invitations per person the invitations the policy sent (the survey replay)
     * @param everyContact per person the invitations "ask after every contact" sends, one per interaction
     * @param until the last day replayed: the naive rule's weekly offers stop there
     */
    static OfferReport replay(List<Interaction> interactions, Map<PersonKey, List<PastContact>> invitations, Map<PersonKey, List<Instant>> everyContact,
            Policy policy, OfferPolicy offers, Supplier<ReplayedInterests> interests, LocalDate until, int monthlyLimit) {
        ZoneId zone = policy.zone();
        Outcome outcome = decide(interactions, invitations, policy, offers, interests.get(), until);
        Map<PersonKey, List<Instant>> policyContacts = new HashMap<>();
        Map<PersonKey, List<Instant>> naiveContacts = new HashMap<>();
        for (Interaction interaction : interactions) {
            policyContacts.computeIfAbsent(interaction.person(), p -> new ArrayList<>());
            naiveContacts.computeIfAbsent(interaction.person(), p -> new ArrayList<>());
        }
        invitations.forEach((person, sent) -> sent.forEach(c -> policyContacts.get(person).add(c.at())));
        outcome.sent().forEach(c -> policyContacts.get(c.person()).add(c.at()));
        everyContact.forEach((person, asked) -> naiveContacts.get(person).addAll(asked));
        outcome.requests().forEach(r -> naiveContacts.get(r.person()).add(r.at()));
        int over = overLimit(policyContacts, zone, monthlyLimit);
        int naiveOver = overLimit(naiveContacts, zone, monthlyLimit);
        int people = policyContacts.size();
        return new OfferReport(outcome.requests().size(), outcome.sent().size(), outcome.requests().size() - outcome.sent().size(),
                outcome.byReason(), monthlyLimit, over, share(over, people), naiveOver, share(naiveOver, people),
                cuba(policy, offers, interests, until));
    }

    /** One booking of Cuba a year before the last day replayed, replayed alone (no survey, no other interest). */
    static CubaCase cuba(Policy policy, OfferPolicy offers, Supplier<ReplayedInterests> interests, LocalDate until) {
        LocalDate booked = until.minusYears(1);
        PersonKey traveller = new PersonKey("p_" + "c".repeat(26));
        Interaction booking = new Interaction(booked.atTime(12, 0).atZone(policy.zone()).toInstant(), traveller, null, "Cuba",
                nl.buitenin.journey.InteractionKind.PURCHASE);
        Outcome outcome = decide(List.of(booking), Map.of(), policy, offers, interests.get(), until);
        return new CubaCase(booked, outcome.requests().size(), outcome.sent().size());
    }

    private record Sent(PersonKey person, Instant at) {
    }

    private record Outcome(List<Request> requests, List<Sent> sent, Map<ReasonCode, Integer> byReason) {
    }

    private static Outcome decide(List<Interaction> interactions, Map<PersonKey, List<PastContact>> invitations, Policy policy, OfferPolicy offers,
            ReplayedInterests interests, LocalDate until) {
        ZoneId zone = policy.zone();
        List<Interaction> withTopic = interactions.stream().filter(i -> i.topic() != null).sorted(Comparator.comparing(Interaction::at)).toList();
        // The naive rule: per person and topic the day after each interaction, and weekly from the first such day.
        Map<PersonKey, Map<String, TreeSet<LocalDate>>> days = new HashMap<>();
        Map<PersonKey, Map<String, String>> names = new HashMap<>();
        for (Interaction interaction : withTopic) {
            String key = interaction.topic().strip().toLowerCase(Locale.ROOT);
            names.computeIfAbsent(interaction.person(), p -> new HashMap<>()).putIfAbsent(key, interaction.topic());
            TreeSet<LocalDate> planned = days.computeIfAbsent(interaction.person(), p -> new HashMap<>()).computeIfAbsent(key, k -> new TreeSet<>());
            LocalDate next = LocalDate.ofInstant(interaction.at(), zone).plusDays(1);
            if (planned.isEmpty()) {
                for (LocalDate day = next; !day.isAfter(until); day = day.plusWeeks(1)) {
                    planned.add(day);
                }
            } else if (!next.isAfter(until)) {
                planned.add(next);
            }
        }
        List<Request> requests = new ArrayList<>();
        days.forEach((person, topics) -> topics.forEach((key, planned) -> planned.forEach(
                day -> requests.add(new Request(day.atTime(HOUR).atZone(zone).toInstant(), person, names.get(person).get(key))))));
        requests.sort(Comparator.comparing(Request::at));
        Map<PersonKey, List<LoggedContact>> logs = new HashMap<>();
        invitations.forEach((person, sent) -> sent.forEach(
                c -> logs.computeIfAbsent(person, p -> new ArrayList<>()).add(new LoggedContact(c.at(), c.kind(), null))));
        Map<ReasonCode, Integer> byReason = new EnumMap<>(ReasonCode.class);
        List<Sent> sent = new ArrayList<>();
        int next = 0;
        for (Request request : requests) {
            // Interests hold every interaction up to the moment of the request, as the live ones do.
            while (next < withTopic.size() && !withTopic.get(next).at().isAfter(request.at())) {
                Interaction i = withTopic.get(next++);
                if (i.kind() != null) {
                    interests.record(i.person(), i.topic(), i.kind(), i.at());
                }
            }
            List<LoggedContact> log = logs.computeIfAbsent(request.person(), p -> new ArrayList<>());
            OfferRules.OfferFacts facts = new OfferRules.OfferFacts(true, PreferredChannel.EMAIL, false,
                    interests.standing(request.person(), request.topic(), request.at()));
            List<Reason> reasons = OfferRules.decide(policy, offers, facts, log, request.topic(), Channel.EMAIL, request.at());
            if (reasons.isEmpty()) {
                log.add(new LoggedContact(request.at(), ContactKind.OFFER, request.topic()));
                sent.add(new Sent(request.person(), request.at()));
            } else {
                reasons.forEach(r -> byReason.merge(r.code(), 1, Integer::sum));
            }
        }
        return new Outcome(requests, sent, byReason);
    }

    /** People contacted more than {@code limit} times in at least one calendar month. */
    private static int overLimit(Map<PersonKey, List<Instant>> contacts, ZoneId zone, int limit) {
        int over = 0;
        for (List<Instant> times : contacts.values()) {
            Map<YearMonth, Integer> perMonth = new HashMap<>();
            times.forEach(t -> perMonth.merge(YearMonth.from(t.atZone(zone)), 1, Integer::sum));
            if (perMonth.values().stream().anyMatch(n -> n > limit)) {
                over++;
            }
        }
        return over;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
