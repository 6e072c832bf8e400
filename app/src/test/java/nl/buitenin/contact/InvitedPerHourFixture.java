package nl.buitenin.contact;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import nl.buitenin.contact.internal.Policy;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;

/**
 * Contacts of one Tuesday, asked about through {@link Outreach} as the senders do, with a known outcome per hour of the day
 * (Europe/Amsterdam): at 10:15 eight people, six of whom were sent their invitation; at 15:00 three people (fewer than the
 * small-cell rule's five, so hidden); at 21:30 six people, in the quiet hours, whose invitations wait until 09:00 the
 * next day, when three of them are sent (their contacts are decided twice and still count once). The day lies in a far
 * year of its own, and the application's clock stands at noon on the Wednesday, so the last 90 days hold only these.
 */
public final class InvitedPerHourFixture {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** A Tuesday in a year no other test uses: a random far year. */
    public static final LocalDate TUESDAY = LocalDate.of(2200 + ThreadLocalRandom.current().nextInt(700), 3, 1)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
    public static final Instant NOON_NEXT_DAY = TUESDAY.plusDays(1).atTime(12, 0).atZone(ZONE).toInstant();

    public static Clock clock() {
        return Clock.fixed(NOON_NEXT_DAY, ZONE);
    }

    private InvitedPerHourFixture() {
    }

    public static void load(Outreach outreach, StoredContactPolicy policy, Persons persons, Consents consents) {
        policy.change(PolicyFile.of(new Policy(1.0, java.util.Map.of(), 30, 30, 4, 8, LocalTime.of(20, 0), LocalTime.of(9, 0),
                java.util.Set.of(DayOfWeek.SUNDAY), 0, Channel.EMAIL, ZONE)));
        TouchpointId touchpoint = new TouchpointId(UUID.randomUUID());
        for (int i = 0; i < 8; i++) {
            Instant contact = at(TUESDAY, 10, 15);
            OutreachRequest request = OutreachRequest.invitationAfter(person(persons, consents), touchpoint, contact, Channel.EMAIL, contact);
            if (!outreach.ask(request).allowed()) {
                throw new IllegalStateException("a daytime contact should be allowed");
            }
            if (i < 6) {
                outreach.sent(request, contact);
            }
        }
        for (int i = 0; i < 3; i++) {
            Instant contact = at(TUESDAY, 15, 0);
            OutreachRequest request = OutreachRequest.invitationAfter(person(persons, consents), touchpoint, contact, Channel.EMAIL, contact);
            outreach.ask(request);
            outreach.sent(request, contact);
        }
        for (int i = 0; i < 6; i++) {
            Instant contact = at(TUESDAY, 21, 30);
            PersonKey person = person(persons, consents);
            ContactDecision evening = outreach.ask(OutreachRequest.invitationAfter(person, touchpoint, contact, Channel.EMAIL, contact));
            if (!evening.deferred()) {
                throw new IllegalStateException("an evening contact should wait for the morning");
            }
            if (i < 3) {
                OutreachRequest morning = OutreachRequest.invitationAfter(person, touchpoint, contact, Channel.EMAIL, evening.deferredUntil());
                outreach.ask(morning);
                outreach.sent(morning, evening.deferredUntil());
            }
        }
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day.atTime(hour, minute), ZONE).toInstant();
    }

    private static PersonKey person(Persons persons, Consents consents) {
        PersonKey person = persons.register("uur-" + UUID.randomUUID(), new ContactDetails(null, "uur-" + UUID.randomUUID() + "@voorbeeld.nl", null));
        consents.give(person, PurposeId.FEEDBACK, "test");
        return person;
    }
}
