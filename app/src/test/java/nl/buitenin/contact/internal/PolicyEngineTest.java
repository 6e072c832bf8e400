package nl.buitenin.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.PastContact;
import nl.buitenin.contact.PersonFacts;
import nl.buitenin.contact.Reason;
import nl.buitenin.contact.ReasonCode;
import nl.buitenin.contact.ToldBackFacts;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

class PolicyEngineTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final TouchpointId PHONE = new TouchpointId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    static final PersonKey ANNA = new PersonKey("p_aaaaaaaaaaaaaaaaaaaaaaaaaa");
    /** Tuesday 14 October 2025, 14:00 in Amsterdam: not quiet, in the fourth quarter. */
    static final Instant TUESDAY_AFTERNOON = ZonedDateTime.of(2025, 10, 14, 14, 0, 0, 0, AMSTERDAM).toInstant();

    final PolicyEngine engine = new PolicyEngine(new Sampler("a sampling key for tests only".getBytes(StandardCharsets.UTF_8)));

    /** Everyone sampled, so the other rules can be seen on their own. */
    static Policy askEveryone() {
        return new Policy(1.0, Map.of(), 30, 30, 2, 4, LocalTime.of(20, 0), LocalTime.of(9, 0), Set.of(DayOfWeek.SUNDAY), 3, Channel.EMAIL,
                AMSTERDAM);
    }

    static List<ReasonCode> codes(List<Reason> reasons) {
        return reasons.stream().map(Reason::code).toList();
    }

    @Test
    void allowsAConsentingPersonWithoutHistoryOnAWeekdayAfternoon() {
        assertThat(engine.decide(askEveryone(), PersonFacts.consentedWithoutHistory(), ANNA, PHONE, TUESDAY_AFTERNOON)).isEmpty();
    }

    @Test
    void refusesSecondInvitationWithinRecontactWindow() {
        PersonFacts invitedTwentyDaysAgo = PersonFacts.consentedWithoutHistory()
                .withContacts(List.of(new PastContact(TUESDAY_AFTERNOON.minusSeconds(20 * 86_400L), ContactKind.INVITATION)));
        assertThat(codes(engine.decide(askEveryone(), invitedTwentyDaysAgo, ANNA, PHONE, TUESDAY_AFTERNOON)))
                .containsExactly(ReasonCode.RECONTACT_WINDOW);
        PersonFacts invitedFortyDaysAgo = PersonFacts.consentedWithoutHistory()
                .withContacts(List.of(new PastContact(TUESDAY_AFTERNOON.minusSeconds(40 * 86_400L), ContactKind.INVITATION)));
        assertThat(engine.decide(askEveryone(), invitedFortyDaysAgo, ANNA, PHONE, TUESDAY_AFTERNOON)).isEmpty();
    }

    @Test
    void aReminderCountsAgainstTheQuarterCap() {
        Instant october2 = ZonedDateTime.of(2025, 10, 2, 10, 0, 0, 0, AMSTERDAM).toInstant();
        Instant october3 = ZonedDateTime.of(2025, 10, 3, 10, 0, 0, 0, AMSTERDAM).toInstant();
        PersonFacts invitedAndReminded = PersonFacts.consentedWithoutHistory().withContacts(List.of(
                new PastContact(october2, ContactKind.INVITATION), new PastContact(october3, ContactKind.REMINDER)));
        Instant november20 = ZonedDateTime.of(2025, 11, 20, 10, 0, 0, 0, AMSTERDAM).toInstant();
        assertThat(codes(engine.decide(askEveryone(), invitedAndReminded, ANNA, PHONE, november20))).containsExactly(ReasonCode.QUARTER_CAP);
    }

    @Test
    void theQuarterStartsAtMidnightInTheOrganisationsTimeZone() {
        // 30 September 23:30 in Amsterdam is still the third quarter, although it is 21:30 UTC on the same day.
        Instant lastEveningOfQ3 = ZonedDateTime.of(2025, 9, 30, 23, 30, 0, 0, AMSTERDAM).toInstant();
        Instant firstMorningOfQ4 = ZonedDateTime.of(2025, 10, 1, 0, 30, 0, 0, AMSTERDAM).toInstant();
        Instant december = ZonedDateTime.of(2025, 12, 10, 12, 0, 0, 0, AMSTERDAM).toInstant();
        PersonFacts twoInQ3 = PersonFacts.consentedWithoutHistory().withContacts(List.of(
                new PastContact(lastEveningOfQ3, ContactKind.INVITATION), new PastContact(lastEveningOfQ3.minusSeconds(60), ContactKind.REMINDER)));
        assertThat(engine.decide(askEveryone(), twoInQ3, ANNA, PHONE, december)).isEmpty();
        PersonFacts twoInQ4 = PersonFacts.consentedWithoutHistory().withContacts(List.of(
                new PastContact(firstMorningOfQ4, ContactKind.INVITATION), new PastContact(firstMorningOfQ4.plusSeconds(60), ContactKind.REMINDER)));
        assertThat(codes(engine.decide(askEveryone(), twoInQ4, ANNA, PHONE, december))).containsExactly(ReasonCode.QUARTER_CAP);
    }

    @Test
    void theYearCapCountsAllContactsOfTheCalendarYear() {
        List<PastContact> four = List.of(
                new PastContact(ZonedDateTime.of(2025, 1, 10, 12, 0, 0, 0, AMSTERDAM).toInstant(), ContactKind.INVITATION),
                new PastContact(ZonedDateTime.of(2025, 4, 10, 12, 0, 0, 0, AMSTERDAM).toInstant(), ContactKind.INVITATION),
                new PastContact(ZonedDateTime.of(2025, 7, 10, 12, 0, 0, 0, AMSTERDAM).toInstant(), ContactKind.INVITATION),
                new PastContact(ZonedDateTime.of(2025, 8, 20, 12, 0, 0, 0, AMSTERDAM).toInstant(), ContactKind.REMINDER));
        assertThat(codes(engine.decide(askEveryone(), PersonFacts.consentedWithoutHistory().withContacts(four), ANNA, PHONE, TUESDAY_AFTERNOON)))
                .containsExactly(ReasonCode.YEAR_CAP);
        Instant nextJanuary = ZonedDateTime.of(2026, 1, 6, 12, 0, 0, 0, AMSTERDAM).toInstant();
        assertThat(engine.decide(askEveryone(), PersonFacts.consentedWithoutHistory().withContacts(four), ANNA, PHONE, nextJanuary)).isEmpty();
    }

    @Test
    void quietHoursWrapPastMidnightAndQuietDaysFollowTheLocalCalendar() {
        Instant tuesday2130 = ZonedDateTime.of(2025, 10, 14, 21, 30, 0, 0, AMSTERDAM).toInstant();
        Instant wednesday0830 = ZonedDateTime.of(2025, 10, 15, 8, 30, 0, 0, AMSTERDAM).toInstant();
        Instant wednesday0900 = ZonedDateTime.of(2025, 10, 15, 9, 0, 0, 0, AMSTERDAM).toInstant();
        Instant sundayNoon = ZonedDateTime.of(2025, 10, 19, 12, 0, 0, 0, AMSTERDAM).toInstant();
        PersonFacts anna = PersonFacts.consentedWithoutHistory();
        assertThat(codes(engine.decide(askEveryone(), anna, ANNA, PHONE, tuesday2130))).containsExactly(ReasonCode.QUIET_HOURS);
        assertThat(codes(engine.decide(askEveryone(), anna, ANNA, PHONE, wednesday0830))).containsExactly(ReasonCode.QUIET_HOURS);
        assertThat(engine.decide(askEveryone(), anna, ANNA, PHONE, wednesday0900)).isEmpty();
        assertThat(codes(engine.decide(askEveryone(), anna, ANNA, PHONE, sundayNoon))).containsExactly(ReasonCode.QUIET_DAY);
    }

    @Test
    void remindersOnlyForPeopleWhoAskedForThemAndNeverInsideTheWindowRuleForInvitations() {
        PersonFacts invitedYesterday = PersonFacts.consentedWithoutHistory()
                .withContacts(List.of(new PastContact(TUESDAY_AFTERNOON.minusSeconds(86_400), ContactKind.INVITATION)));
        assertThat(codes(engine.decide(askEveryone(), invitedYesterday, ANNA, PHONE, ContactKind.REMINDER, TUESDAY_AFTERNOON)))
                .containsExactly(ReasonCode.REMINDER_NOT_WANTED);
        assertThat(engine.decide(askEveryone(), invitedYesterday.withRemindersWanted(true), ANNA, PHONE, ContactKind.REMINDER, TUESDAY_AFTERNOON))
                .isEmpty();
    }

    @Test
    void givesEveryReasonNotJustTheFirst() {
        PersonFacts everythingAgainst = new PersonFacts(
                List.of(new PastContact(TUESDAY_AFTERNOON.minusSeconds(86_400), ContactKind.INVITATION),
                        new PastContact(TUESDAY_AFTERNOON.minusSeconds(2 * 86_400), ContactKind.REMINDER)),
                false, true, false, Set.of(Channel.PHONE), List.of(TUESDAY_AFTERNOON.minusSeconds(3_600)), true);
        Instant sundayNight = ZonedDateTime.of(2025, 10, 19, 22, 0, 0, 0, AMSTERDAM).toInstant();
        Policy nobodySampled = new Policy(0.0, Map.of(), 30, 30, 2, 4, LocalTime.of(20, 0), LocalTime.of(9, 0), Set.of(DayOfWeek.SUNDAY), 3,
                Channel.EMAIL, AMSTERDAM);
        List<Reason> reasons = engine.decide(nobodySampled, everythingAgainst, ANNA, PHONE, sundayNight.plusSeconds(0));
        assertThat(codes(reasons)).containsExactlyInAnyOrder(ReasonCode.NO_CONSENT, ReasonCode.DO_NOT_ASK, ReasonCode.CHANNEL_NOT_PREFERRED,
                ReasonCode.NOT_SAMPLED, ReasonCode.RECONTACT_WINDOW, ReasonCode.QUARTER_CAP, ReasonCode.QUIET_HOURS, ReasonCode.QUIET_DAY,
                ReasonCode.OPEN_CASE);
        assertThat(reasons).allSatisfy(r -> {
            assertThat(r.nl()).isNotBlank();
            assertThat(r.en()).isNotBlank();
        });
        assertThat(reasons.stream().filter(r -> r.code() == ReasonCode.RECONTACT_WINDOW).findFirst().orElseThrow().nl()).contains("30 dagen");
    }

    @Test
    void aRecentOperationalContactHoldsTheInvitationBack() {
        PersonFacts calledTwoDaysAgo = PersonFacts.consentedWithoutHistory().withOperationalContacts(List.of(TUESDAY_AFTERNOON.minusSeconds(2 * 86_400)));
        assertThat(codes(engine.decide(askEveryone(), calledTwoDaysAgo, ANNA, PHONE, TUESDAY_AFTERNOON)))
                .containsExactly(ReasonCode.RECENT_OPERATIONAL_CONTACT);
        PersonFacts calledFiveDaysAgo = PersonFacts.consentedWithoutHistory().withOperationalContacts(List.of(TUESDAY_AFTERNOON.minusSeconds(5 * 86_400)));
        assertThat(engine.decide(askEveryone(), calledFiveDaysAgo, ANNA, PHONE, TUESDAY_AFTERNOON)).isEmpty();
    }

    @Test
    void samplingIsReproducibleAndTakesTheConfiguredShare() {
        Sampler sampler = new Sampler("a sampling key for tests only".getBytes(StandardCharsets.UTF_8));
        int inSample = 0;
        int people = 20_000;
        for (int i = 0; i < people; i++) {
            PersonKey person = key(i);
            boolean first = sampler.inSample(person, PHONE, 7, 0.2);
            assertThat(sampler.inSample(person, PHONE, 7, 0.2)).isEqualTo(first);
            inSample += first ? 1 : 0;
        }
        // Binomial(20000, 0.2): standard deviation sqrt(20000 * 0.2 * 0.8) = 56.6; allow 4 of them.
        assertThat(inSample).isBetween(4000 - 226, 4000 + 226);
        Sampler otherKey = new Sampler("another sampling key, other draw".getBytes(StandardCharsets.UTF_8));
        long same = java.util.stream.IntStream.range(0, 1000).filter(i -> sampler.inSample(key(i), PHONE, 7, 0.5) == otherKey.inSample(key(i), PHONE, 7, 0.5)).count();
        assertThat(same).as("another key draws independently").isBetween(400L, 600L);
    }

    @Test
    void aTouchpointCanHaveItsOwnShare() {
        Policy neverPhone = new Policy(1.0, Map.of(PHONE, 0.0), 30, 30, 2, 4, LocalTime.of(20, 0), LocalTime.of(9, 0), Set.of(), 3,
                Channel.EMAIL, AMSTERDAM);
        assertThat(codes(engine.decide(neverPhone, PersonFacts.consentedWithoutHistory(), ANNA, PHONE, TUESDAY_AFTERNOON)))
                .containsExactly(ReasonCode.NOT_SAMPLED);
    }

    /** A distinct person key per number: the number in base 32, padded with 'a'. */
    static final ToldBackFacts MAY_BE_TOLD = new ToldBackFacts(true, true, false);

    @Test
    void aToldBackMessageIsNotHeldBackBySurveyCapsWindowOrOpenCase() {
        // A person at both caps, invited yesterday, with an open case and a service call today: still told.
        PersonFacts surveyedToTheLimit = PersonFacts.consentedWithoutHistory().withContacts(List.of(
                new PastContact(TUESDAY_AFTERNOON.minusSeconds(86_400), ContactKind.INVITATION),
                new PastContact(TUESDAY_AFTERNOON.minusSeconds(2 * 86_400), ContactKind.REMINDER)));
        assertThat(codes(engine.decide(askEveryone(), surveyedToTheLimit, ANNA, PHONE, TUESDAY_AFTERNOON)))
                .contains(ReasonCode.QUARTER_CAP, ReasonCode.RECONTACT_WINDOW);
        assertThat(engine.decideToldBack(askEveryone(), MAY_BE_TOLD, TUESDAY_AFTERNOON)).isEmpty();
    }

    @Test
    void consentDoNotContactAndErasureAlwaysRefuseATelling() {
        assertThat(codes(engine.decideToldBack(askEveryone(), new ToldBackFacts(true, false, false), TUESDAY_AFTERNOON)))
                .containsExactly(ReasonCode.NO_CONSENT);
        assertThat(codes(engine.decideToldBack(askEveryone(), new ToldBackFacts(true, true, true), TUESDAY_AFTERNOON)))
                .containsExactly(ReasonCode.DO_NOT_CONTACT);
        assertThat(codes(engine.decideToldBack(askEveryone(), new ToldBackFacts(false, true, false), TUESDAY_AFTERNOON)))
                .containsExactly(ReasonCode.PERSON_UNKNOWN);
        assertThat(PolicyEngine.onlyQuietTime(engine.decideToldBack(askEveryone(), new ToldBackFacts(true, false, false),
                ZonedDateTime.of(2025, 10, 14, 22, 0, 0, 0, AMSTERDAM).toInstant()))).isFalse();
    }

    @Test
    void quietHoursAndDaysDeferATellingToTheNextAllowedMoment() {
        Instant tuesdayNight = ZonedDateTime.of(2025, 10, 14, 22, 30, 0, 0, AMSTERDAM).toInstant();
        List<Reason> night = engine.decideToldBack(askEveryone(), MAY_BE_TOLD, tuesdayNight);
        assertThat(codes(night)).containsExactly(ReasonCode.QUIET_HOURS);
        assertThat(PolicyEngine.onlyQuietTime(night)).isTrue();
        assertThat(askEveryone().nextAllowedMoment(tuesdayNight))
                .contains(ZonedDateTime.of(2025, 10, 15, 9, 0, 0, 0, AMSTERDAM).toInstant());
        Instant earlyWednesday = ZonedDateTime.of(2025, 10, 15, 6, 0, 0, 0, AMSTERDAM).toInstant();
        assertThat(askEveryone().nextAllowedMoment(earlyWednesday))
                .contains(ZonedDateTime.of(2025, 10, 15, 9, 0, 0, 0, AMSTERDAM).toInstant());
        // Saturday evening: Sunday is a quiet day, so Monday at the end of the quiet hours.
        Instant saturdayEvening = ZonedDateTime.of(2025, 10, 18, 21, 0, 0, 0, AMSTERDAM).toInstant();
        assertThat(askEveryone().nextAllowedMoment(saturdayEvening))
                .contains(ZonedDateTime.of(2025, 10, 20, 9, 0, 0, 0, AMSTERDAM).toInstant());
        Instant sundayNoon = ZonedDateTime.of(2025, 10, 19, 12, 0, 0, 0, AMSTERDAM).toInstant();
        assertThat(codes(engine.decideToldBack(askEveryone(), MAY_BE_TOLD, sundayNoon))).containsExactly(ReasonCode.QUIET_DAY);
        assertThat(askEveryone().nextAllowedMoment(TUESDAY_AFTERNOON)).contains(TUESDAY_AFTERNOON);
    }

    @Test
    void aToldBackMessageHoldsTheNextInvitationBackButDoesNotFillTheCaps() {
        Policy oneAQuarter = new Policy(1.0, Map.of(), 30, 30, 1, 4, LocalTime.of(20, 0), LocalTime.of(9, 0), Set.of(), 3,
                Channel.EMAIL, AMSTERDAM);
        PersonFacts toldYesterday = PersonFacts.consentedWithoutHistory()
                .withContacts(List.of(new PastContact(TUESDAY_AFTERNOON.minusSeconds(86_400), ContactKind.TOLD_BACK)));
        assertThat(codes(engine.decide(oneAQuarter, toldYesterday, ANNA, PHONE, TUESDAY_AFTERNOON)))
                .containsExactly(ReasonCode.RECENT_OPERATIONAL_CONTACT);
        PersonFacts toldLastWeek = PersonFacts.consentedWithoutHistory()
                .withContacts(List.of(new PastContact(TUESDAY_AFTERNOON.minusSeconds(7 * 86_400), ContactKind.TOLD_BACK)));
        assertThat(engine.decide(oneAQuarter, toldLastWeek, ANNA, PHONE, TUESDAY_AFTERNOON)).isEmpty();
    }

    /** The reasons' texts are kept for the last policy only while it is the policy asked about: a changed one is named. */
    @Test
    void theTextsOfAReasonFollowAChangedPolicy() {
        Policy quietFromEight = askEveryone();
        Policy quietFromTen = new Policy(1.0, Map.of(), 30, 30, 2, 4, LocalTime.of(22, 0), LocalTime.of(9, 0), Set.of(DayOfWeek.SUNDAY), 3,
                Channel.EMAIL, AMSTERDAM);
        Instant lateEvening = ZonedDateTime.of(2026, 3, 3, 22, 30, 0, 0, AMSTERDAM).toInstant();
        PersonFacts nobody = PersonFacts.consentedWithoutHistory();
        assertThat(quietText(engine.decide(quietFromEight, nobody, ANNA, PHONE, lateEvening))).contains("20:00");
        assertThat(quietText(engine.decide(quietFromTen, nobody, ANNA, PHONE, lateEvening))).contains("22:00").doesNotContain("20:00");
        assertThat(quietText(engine.decide(quietFromEight, nobody, ANNA, PHONE, lateEvening))).contains("20:00");
    }

    private static String quietText(List<Reason> reasons) {
        return reasons.stream().filter(r -> r.code() == ReasonCode.QUIET_HOURS).findFirst().orElseThrow().text("en");
    }

    static PersonKey key(int i) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder digits = new StringBuilder();
        for (long value = i; value > 0; value /= 32) {
            digits.insert(0, alphabet.charAt((int) (value % 32)));
        }
        return new PersonKey("p_" + "a".repeat(26 - digits.length()) + digits);
    }
}
