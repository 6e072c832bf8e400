package nl.buitenin.offers.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.buitenin.contact.ContactDecision;
import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.Outreach;
import nl.buitenin.contact.OutreachRequest;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.InteractionsRecorded;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * A year of weekly offer requests against the one contact policy, as a marketing system that offers after every interest
 * would send them: each Tuesday at ten it asks, and sends what is allowed. The demo shows it; the tests check it. The
 * interactions go through {@link InterestBook#record}, the path of journey's event.
 */
@Component
public class OfferYear {

    private final InterestBook interests;
    private final Outreach outreach;

    OfferYear(InterestBook interests, Outreach outreach) {
        this.interests = interests;
        this.outreach = outreach;
    }

    /** What the year gave one traveller: requests, allowed (and sent) offers, and the week (0 = the first) of each allowed one. */
    public record Offers(int asked, int allowed, List<Integer> allowedWeeks) {
    }

    /** What a traveller with surveys and offers received: the most in one calendar week, month and quarter, by kind. */
    public record Together(int offersSent, int invitationsSent, int mostInOneWeek, int mostInOneMonth, int mostInOneQuarter) {
    }

    /** The traveller books {@code topic} once on {@code booked} (a day of the week before the first Tuesday) and is asked about it weekly. */
    public Offers bookedOnceAndAskedWeekly(PersonKey person, TouchpointId touchpoint, String topic, LocalDate booked, ZoneId zone, int weeks) {
        Instant bookedAt = booked.atTime(11, 0).atZone(zone).toInstant();
        interests.record(List.of(new InteractionsRecorded.Interaction(touchpoint, person, bookedAt, "demo-offer-booking-" + person.value(),
                InteractionKind.PURCHASE, null, null, null, null, topic)));
        LocalDate tuesday = booked.with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        int allowed = 0;
        List<Integer> weeksAllowed = new java.util.ArrayList<>();
        for (int week = 0; week < weeks; week++) {
            Instant at = tuesday.plusWeeks(week).atTime(LocalTime.of(10, 0)).atZone(zone).toInstant();
            ContactDecision decision = outreach.ask(OutreachRequest.offer(person, topic, Channel.EMAIL, at));
            if (decision.allowed()) {
                outreach.offerSent(person, topic, Channel.EMAIL, at);
                allowed++;
                weeksAllowed.add(week);
            }
        }
        return new Offers(weeks, allowed, List.copyOf(weeksAllowed));
    }

    /**
     * The traveller searches two destinations every Monday (so both interests stay alive) and after each Monday's search
     * is asked, on Tuesday, for a survey about it and an offer on each destination; whatever is allowed is sent.
     */
    public Together surveysAndOffers(PersonKey person, TouchpointId touchpoint, List<String> topics, LocalDate from, ZoneId zone, int weeks) {
        LocalDate monday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        int offers = 0;
        int invitations = 0;
        Map<String, Integer> perWeek = new HashMap<>();
        Map<String, Integer> perMonth = new HashMap<>();
        Map<String, Integer> perQuarter = new HashMap<>();
        for (int week = 0; week < weeks; week++) {
            LocalDate day = monday.plusWeeks(week);
            Instant searched = day.atTime(9, 30).atZone(zone).toInstant();
            for (String topic : topics) {
                interests.record(List.of(new InteractionsRecorded.Interaction(touchpoint, person, searched,
                        "demo-offer-search-" + person.value() + "-" + topic + "-" + week, InteractionKind.SEARCH, null, null, null, null, topic)));
            }
            Instant tuesday = day.plusDays(1).atTime(10, 0).atZone(zone).toInstant();
            ContactDecision invitation = outreach.ask(OutreachRequest.invitationAfter(person, touchpoint, searched, Channel.EMAIL, tuesday));
            if (invitation.allowed()) {
                outreach.contacted(person, touchpoint, ContactKind.INVITATION, Channel.EMAIL, tuesday);
                invitations++;
                count(day.plusDays(1), perWeek, perMonth, perQuarter);
            }
            for (String topic : topics) {
                Instant at = tuesday.plusSeconds(60);
                if (outreach.ask(OutreachRequest.offer(person, topic, Channel.EMAIL, at)).allowed()) {
                    outreach.offerSent(person, topic, Channel.EMAIL, at);
                    offers++;
                    count(day.plusDays(1), perWeek, perMonth, perQuarter);
                }
            }
        }
        return new Together(offers, invitations, most(perWeek), most(perMonth), most(perQuarter));
    }

    private static void count(LocalDate day, Map<String, Integer> perWeek, Map<String, Integer> perMonth, Map<String, Integer> perQuarter) {
        perWeek.merge(day.with(DayOfWeek.MONDAY).toString(), 1, Integer::sum);
        perMonth.merge(day.withDayOfMonth(1).toString(), 1, Integer::sum);
        perQuarter.merge(day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR), 1, Integer::sum);
    }

    private static int most(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
