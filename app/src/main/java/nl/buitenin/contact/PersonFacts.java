package nl.buitenin.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nl.buitenin.journey.Channel;

/**
 * Everything the contact rules need to know about one person, gathered by {@link Outreach} from
 * {@code privacy} (consent, do-not-ask, reminders wanted, preferred channels), {@code journey}
 * (recent operational contacts, other than the one the invitation is about) and {@code loop} (an
 * open case). Invitations and reminders sent through Buitenin are added by {@link ContactPolicy}
 * itself from its contact log, so a caller only passes those sent by other systems (the what-if tools).
 *
 * @param contacts                  invitations and reminders already received, any order
 * @param consentGiven              consent for the purpose "feedback"
 * @param doNotAsk                  the person asked never to be asked for feedback
 * @param remindersWanted           the person asked to be reminded when they have not answered
 * @param preferredChannels         channels the person wants to be contacted on; empty means no preference
 * @param recentOperationalContacts times of service contacts (calls, visits, e-mails) other than this one
 * @param openCase                  a complaint or other case of this person is open
 */
public record PersonFacts(List<PastContact> contacts, boolean consentGiven, boolean doNotAsk, boolean remindersWanted,
        Set<Channel> preferredChannels, List<Instant> recentOperationalContacts, boolean openCase) {

    public PersonFacts {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        preferredChannels = preferredChannels == null ? Set.of() : Set.copyOf(preferredChannels);
        recentOperationalContacts = recentOperationalContacts == null ? List.of() : List.copyOf(recentOperationalContacts);
    }

    /** A person who consented and has no history, no preference, no case: the start of a builder-like chain. */
    public static PersonFacts consentedWithoutHistory() {
        return new PersonFacts(List.of(), true, false, false, Set.of(), List.of(), false);
    }

    public PersonFacts withContacts(List<PastContact> more) {
        List<PastContact> all = new ArrayList<>(contacts);
        all.addAll(more);
        return new PersonFacts(all, consentGiven, doNotAsk, remindersWanted, preferredChannels, recentOperationalContacts, openCase);
    }

    public PersonFacts withConsent(boolean given) {
        return new PersonFacts(contacts, given, doNotAsk, remindersWanted, preferredChannels, recentOperationalContacts, openCase);
    }

    public PersonFacts withDoNotAsk(boolean value) {
        return new PersonFacts(contacts, consentGiven, value, remindersWanted, preferredChannels, recentOperationalContacts, openCase);
    }

    public PersonFacts withRemindersWanted(boolean value) {
        return new PersonFacts(contacts, consentGiven, doNotAsk, value, preferredChannels, recentOperationalContacts, openCase);
    }

    public PersonFacts withPreferredChannels(Set<Channel> channels) {
        return new PersonFacts(contacts, consentGiven, doNotAsk, remindersWanted, channels, recentOperationalContacts, openCase);
    }

    public PersonFacts withOperationalContacts(List<Instant> times) {
        return new PersonFacts(contacts, consentGiven, doNotAsk, remindersWanted, preferredChannels, times, openCase);
    }

    public PersonFacts withOpenCase(boolean value) {
        return new PersonFacts(contacts, consentGiven, doNotAsk, remindersWanted, preferredChannels, recentOperationalContacts, value);
    }
}
