package nl.buitenin.contact.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Intervals;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.SmallCellRule;

/**
 * Per hour of the day (0–23, the organisation's time zone) the share of service contacts after which an invitation was
 * asked for that got one: invited contacts over contacts, with the Wilson interval. Invitations are dropped or postponed
 * by quiet hours, so evening contacts that are never invited would make the sample lean towards daytime contacts; this
 * is where that shows. A contact is a person's contact at a touchpoint at a moment, counted once however often it was
 * decided on (a postponed invitation is decided twice); an hour about fewer people than the small-cell rule allows is hidden.
 */
@Service
public class InvitedPerHour {

    /** How far back the figure looks: long enough for every hour to have contacts, short enough to show the policy of now. */
    public static final int DAYS = 90;

    /**
     * One hour of the day.
     *
     * @param contacts contacts of this hour for which an invitation was asked for
     * @param invited  those that got one
     * @param people   the people behind the contacts, for the small-cell rule
     * @param hidden   fewer people than the small-cell rule allows: no counts and no share
     * @param share    invited / contacts in percent with its 95 % interval; null when hidden or without contacts
     */
    public record Hour(int hour, @Nullable Long contacts, @Nullable Long invited, boolean hidden, int fewerThan, @Nullable Estimate share) {
    }

    private final JdbcContactStore store;
    private final Organisations organisations;
    private final SmallCellRule smallCells;
    private final Clock clock;

    InvitedPerHour(JdbcContactStore store, Organisations organisations, SmallCellRule smallCells, Clock clock) {
        this.store = store;
        this.organisations = organisations;
        this.smallCells = smallCells;
        this.clock = clock;
    }

    /** The 24 hours over the contacts of the last {@link #DAYS} days. */
    @Transactional(readOnly = true)
    public List<Hour> lastDays() {
        Instant now = clock.instant();
        return count(store.invitationContactsSince(now.minus(Duration.ofDays(DAYS))), organisations.current().timeZone());
    }

    /**
     * Of the contacts of the last {@link #DAYS} days, those whose invitation waited for the quiet time to pass and how many
     * of them were sent; empty when there were none or they are about fewer people than the small-cell rule allows.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<JdbcContactStore.WaitedInvitations> waitedLastDays() {
        JdbcContactStore.WaitedInvitations waited = store.waitedInvitationsSince(clock.instant().minus(Duration.ofDays(DAYS)));
        return waited.contacts() == 0 || smallCells.hides(waited.people()) ? java.util.Optional.empty() : java.util.Optional.of(waited);
    }

    /** Counts the hours of the given contacts; plain so that the tests and the page use one way. */
    List<Hour> count(List<JdbcContactStore.InvitationContact> contacts, ZoneId zone) {
        long[] asked = new long[24];
        long[] invited = new long[24];
        List<Set<String>> people = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            people.add(new HashSet<>());
        }
        for (JdbcContactStore.InvitationContact contact : contacts) {
            int hour = contact.contactAt().atZone(zone).getHour();
            asked[hour]++;
            if (contact.invited()) {
                invited[hour]++;
            }
            people.get(hour).add(contact.person());
        }
        List<Hour> hours = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            if (smallCells.hides(people.get(h).size())) {
                hours.add(new Hour(h, null, null, true, smallCells.k(), null));
            } else {
                hours.add(new Hour(h, asked[h], invited[h], false, smallCells.k(), asked[h] == 0 ? null : Intervals.share(invited[h], asked[h])));
            }
        }
        return hours;
    }
}
