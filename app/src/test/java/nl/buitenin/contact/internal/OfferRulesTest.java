package nl.buitenin.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.Interests.InterestStanding;
import nl.buitenin.contact.Reason;
import nl.buitenin.contact.ReasonCode;
import nl.buitenin.journey.Channel;
import nl.buitenin.privacy.PreferredChannel;

/** Each offer rule can refuse on its own: from a person every rule allows, change one fact and exactly its reason appears. */
class OfferRulesTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** Tuesday 14 October 2025, 14:00 in Amsterdam. */
    static final Instant TUESDAY = ZonedDateTime.of(2025, 10, 14, 14, 0, 0, 0, AMSTERDAM).toInstant();
    static final Instant MONDAY = TUESDAY.minus(Duration.ofDays(1));

    static final Policy POLICY = new Policy(1.0, Map.of(), 30, 30, 2, 4, LocalTime.of(20, 0), LocalTime.of(9, 0), Set.of(DayOfWeek.SUNDAY), 3,
            Channel.EMAIL, AMSTERDAM);
    static final OfferPolicy OFFERS = OfferPolicy.sensibleDefault();
    static final OfferRules.OfferFacts WILLING = new OfferRules.OfferFacts(true, PreferredChannel.EMAIL, false, new InterestStanding(true, false));

    static List<ReasonCode> codes(OfferRules.OfferFacts facts, List<LoggedContact> log, String topic, Channel channel, Instant at) {
        return OfferRules.decide(POLICY, OFFERS, facts, log, topic, channel, at).stream().map(Reason::code).toList();
    }

    static List<ReasonCode> codes(OfferRules.OfferFacts facts) {
        return codes(facts, List.of(), "Cuba", Channel.EMAIL, TUESDAY);
    }

    static List<ReasonCode> codes(List<LoggedContact> log) {
        return codes(WILLING, log, "Cuba", Channel.EMAIL, TUESDAY);
    }

    @Test
    void aWillingPersonWithALiveInterestMayBeOffered() {
        assertThat(codes(WILLING)).isEmpty();
    }

    @Test
    void eachFactOfThePersonRefusesAlone() {
        assertThat(codes(new OfferRules.OfferFacts(false, PreferredChannel.EMAIL, false, new InterestStanding(true, false))))
                .containsExactly(ReasonCode.NO_OFFER_CONSENT);
        assertThat(codes(new OfferRules.OfferFacts(true, PreferredChannel.NONE, false, new InterestStanding(true, false))))
                .containsExactly(ReasonCode.DO_NOT_CONTACT);
        assertThat(codes(new OfferRules.OfferFacts(true, PreferredChannel.PHONE, false, new InterestStanding(true, false))))
                .containsExactly(ReasonCode.CHANNEL_NOT_PREFERRED);
        assertThat(codes(new OfferRules.OfferFacts(true, PreferredChannel.EMAIL, true, new InterestStanding(true, false))))
                .containsExactly(ReasonCode.OPEN_CASE);
        assertThat(codes(new OfferRules.OfferFacts(true, PreferredChannel.EMAIL, false, new InterestStanding(false, false))))
                .containsExactly(ReasonCode.NO_INTEREST);
        assertThat(codes(new OfferRules.OfferFacts(true, PreferredChannel.EMAIL, false, new InterestStanding(false, true))))
                .containsExactly(ReasonCode.INTEREST_CLOSED);
    }

    @Test
    void anOfferShownOnTheSiteIsNoContactOnAChannelThePersonDidNotChoose() {
        OfferRules.OfferFacts byPhone = new OfferRules.OfferFacts(true, PreferredChannel.PHONE, false, new InterestStanding(true, false));
        assertThat(codes(byPhone, List.of(), "Cuba", Channel.WEB, TUESDAY)).isEmpty();
        assertThat(codes(byPhone, List.of(), "Cuba", Channel.PHONE, TUESDAY)).isEmpty();
    }

    @Test
    void theClockRefusesAloneInQuietHoursAndOnAQuietDay() {
        Instant evening = ZonedDateTime.of(2025, 10, 14, 22, 0, 0, 0, AMSTERDAM).toInstant();
        assertThat(codes(WILLING, List.of(), "Cuba", Channel.EMAIL, evening)).containsExactly(ReasonCode.QUIET_HOURS);
        Instant sunday = ZonedDateTime.of(2025, 10, 19, 14, 0, 0, 0, AMSTERDAM).toInstant();
        assertThat(codes(WILLING, List.of(), "Cuba", Channel.EMAIL, sunday)).containsExactly(ReasonCode.QUIET_DAY);
    }

    @Test
    void aRecentSurveyRefusesAloneAndAnOlderOneDoesNot() {
        assertThat(codes(List.of(new LoggedContact(TUESDAY.minus(Duration.ofDays(6)), ContactKind.INVITATION, null))))
                .containsExactly(ReasonCode.RECENT_SURVEY);
        assertThat(codes(List.of(new LoggedContact(TUESDAY.minus(Duration.ofDays(8)), ContactKind.INVITATION, null)))).isEmpty();
    }

    @Test
    void theTopicCapCountsOffersOnTheSameTopicOnly() {
        // Saturday of the week before, same month: the offers' own weekly share is not touched, the topic's 30 days are.
        Instant saturday = TUESDAY.minus(Duration.ofDays(10));
        assertThat(codes(List.of(new LoggedContact(saturday, ContactKind.OFFER, "cuba")))).containsExactly(ReasonCode.TOPIC_CAP);
        assertThat(codes(List.of(new LoggedContact(saturday, ContactKind.OFFER, "Peru")))).isEmpty();
        assertThat(codes(List.of(new LoggedContact(TUESDAY.minus(Duration.ofDays(31)), ContactKind.OFFER, "Cuba")))).isEmpty();
    }

    @Test
    void theSharedBudgetCountsEveryKindAndTheOffersShareCountsOffers() {
        List<LoggedContact> threeMessages = List.of(new LoggedContact(MONDAY, ContactKind.TOLD_BACK, null),
                new LoggedContact(MONDAY.plus(Duration.ofHours(1)), ContactKind.TOLD_BACK, null),
                new LoggedContact(TUESDAY.minus(Duration.ofHours(3)), ContactKind.TOLD_BACK, null));
        assertThat(codes(threeMessages)).containsExactly(ReasonCode.BUDGET_WEEK);
        assertThat(codes(List.of(new LoggedContact(MONDAY, ContactKind.OFFER, "Peru")))).containsExactly(ReasonCode.KIND_BUDGET);
    }

    @Test
    void theBudgetsWeekMonthAndQuarterAreCalendarPeriodsInTheOrganisationsZone() {
        List<LoggedContact> log = new ArrayList<>();
        // Six told-back messages on the first days of October (1 to 6; the week of the 14th begins on Monday the 13th).
        for (int day = 1; day <= 6; day++) {
            log.add(new LoggedContact(ZonedDateTime.of(2025, 10, day, 10, 0, 0, 0, AMSTERDAM).toInstant(), ContactKind.TOLD_BACK, null));
        }
        assertThat(ContactBudget.count(log, ContactKind.OFFER, AMSTERDAM, TUESDAY)).isEqualTo(new ContactBudget.Use(0, 6, 6, 0, 0, 0));
        assertThat(codes(log)).containsExactly(ReasonCode.BUDGET_MONTH);
        // 30 September 23:30 in Amsterdam is still the third quarter: it does not count on 1 October.
        Instant lastOfQuarter = ZonedDateTime.of(2025, 9, 30, 23, 30, 0, 0, AMSTERDAM).toInstant();
        Instant firstOfQuarter = ZonedDateTime.of(2025, 10, 1, 12, 0, 0, 0, AMSTERDAM).toInstant();
        assertThat(ContactBudget.count(List.of(new LoggedContact(lastOfQuarter, ContactKind.INVITATION, null)), ContactKind.OFFER, AMSTERDAM,
                firstOfQuarter)).isEqualTo(new ContactBudget.Use(1, 0, 0, 0, 0, 0));
    }
}
