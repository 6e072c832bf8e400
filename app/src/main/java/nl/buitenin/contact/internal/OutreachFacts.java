package nl.buitenin.contact.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import nl.buitenin.contact.OpenCases;
import nl.buitenin.contact.OutreachRequest;
import nl.buitenin.contact.PersonFacts;
import nl.buitenin.contact.ToldBackFacts;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.Interactions;
import nl.buitenin.privacy.ConsentChange;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PreferredChannel;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.PurposeId;

/**
 * Gathers what the contact rules need to know about a person, from the module that owns each fact. Privacy
 * (consent, preferences, whether the person is still known) and journey (service contacts) lie below contact
 * and are read through their public API; modules above contact answer through a port defined here
 * ({@link OpenCases}, implemented by loop), since they depend on contact and contact may not depend on them.
 * The contact log itself is added by {@link StoredContactPolicy}.
 */
@Component
class OutreachFacts {

    /** Service contacts this far back are fetched for an invitation; the policy's own window decides which count. */
    static final Duration RECENT = Duration.ofDays(30);

    private final Persons persons;
    private final Consents consents;
    private final PurposeGuard purposes;
    private final Interactions interactions;
    private final List<OpenCases> openCases;

    OutreachFacts(Persons persons, Consents consents, PurposeGuard purposes, Interactions interactions, List<OpenCases> openCases) {
        this.persons = persons;
        this.consents = consents;
        this.purposes = purposes;
        this.interactions = interactions;
        this.openCases = List.copyOf(openCases);
    }

    /** The facts for a survey question (invitation or reminder), leaving out the service contacts that are its occasion. */
    PersonFacts forSurvey(OutreachRequest request) {
        PersonKey person = request.person();
        Preferences preferences = persons.preferences(person);
        return new PersonFacts(List.of(), consents.isGiven(person, PurposeId.FEEDBACK), preferences.doNotAsk(),
                preferences.remindersWanted(), preferredChannels(preferences), serviceContacts(request), hasOpenCase(person));
    }

    /** The facts for a told-back message: still known, the latest word on feedback and service improvement, "no contact". */
    ToldBackFacts forToldBack(PersonKey person) {
        boolean known = persons.exists(person);
        Preferences preferences = known ? persons.preferences(person) : Preferences.DEFAULT;
        boolean consent = known && !withdrew(person) && purposes.mayUse(PurposeId.SERVICE_IMPROVEMENT, person);
        return new ToldBackFacts(known, consent, preferences.channel() == PreferredChannel.NONE);
    }

    private List<Instant> serviceContacts(OutreachRequest request) {
        PersonKey person = request.person();
        Instant now = request.at();
        Instant occasion = request.occasion().at();
        return switch (request.occasion().kind()) {
            case CONTACT -> recentExcept(person, now, at -> at.equals(occasion));
            case VISIT_SINCE -> recentExcept(person, now, at -> at.isAfter(occasion));
            // Only service contacts after the invitation count as new: the one it was about was weighed then.
            case INVITED_AT -> interactions.recentContacts(person, occasion).stream().filter(at -> at.isAfter(occasion)).toList();
            case NONE -> recentExcept(person, now, at -> false);
        };
    }

    private List<Instant> recentExcept(PersonKey person, Instant now, Predicate<Instant> occasion) {
        return interactions.recentContacts(person, now.minus(RECENT)).stream().filter(occasion.negate()).toList();
    }

    private boolean hasOpenCase(PersonKey person) {
        return openCases.stream().anyMatch(cases -> cases.hasOpenCase(person));
    }

    static Set<Channel> preferredChannels(Preferences preferences) {
        return preferences.channel() == PreferredChannel.EMAIL ? Set.of(Channel.EMAIL) : Set.of();
    }

    /** The latest word on feedback or service improvement was "no". */
    private boolean withdrew(PersonKey person) {
        List<ConsentChange> history = consents.history(person);
        return history.stream()
                .filter(c -> c.purpose().equals(PurposeId.FEEDBACK) || c.purpose().equals(PurposeId.SERVICE_IMPROVEMENT))
                .max(Comparator.comparing(ConsentChange::at))
                .map(c -> !c.given())
                .orElse(false);
    }
}
