package nl.buitenin.loop.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.journey.Channel;
import nl.buitenin.loop.ActionCompleted;
import nl.buitenin.loop.ToldBack;
import nl.buitenin.messaging.OutgoingMessage;
import nl.buitenin.messaging.Outbox;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.ConsentChange;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonLinks;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PreferredChannel;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.PurposeId;

/**
 * "You said, we did": when an improvement action is done, everybody who raised one of its themes hears
 * what changed, in their own language, by e-mail, once per action. Nobody who withdrew their consent
 * (for feedback or service improvement) or chose not to be contacted is written to, and the address is
 * read through privacy under the purpose "service improvement".
 */
@Component
class ToldBackMessages {

    private static final Logger log = LoggerFactory.getLogger(ToldBackMessages.class);

    private final ToldBack toldBack;
    private final Persons persons;
    private final Consents consents;
    private final PurposeGuard purposes;
    private final PersonLinks personLinks;
    private final Outbox outbox;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;

    ToldBackMessages(ToldBack toldBack, Persons persons, Consents consents, PurposeGuard purposes, PersonLinks personLinks,
            Outbox outbox, Organisations organisations, MessageSource messages, Clock clock) {
        this.toldBack = toldBack;
        this.persons = persons;
        this.consents = consents;
        this.purposes = purposes;
        this.personLinks = personLinks;
        this.outbox = outbox;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ActionCompleted action) {
        int sent = 0;
        for (PersonKey person : toldBack.recipientsOf(action.actionId())) {
            if (tell(action, person)) {
                sent++;
            }
        }
        log.info("You said, we did: action {} told back to {} people", action.actionId(), sent);
    }

    private boolean tell(ActionCompleted action, PersonKey person) {
        Preferences preferences = persons.preferences(person);
        if (preferences.channel() == PreferredChannel.NONE || withdrew(person)
                || !purposes.mayUse(PurposeId.SERVICE_IMPROVEMENT, person)) {
            return false;
        }
        Optional<ContactDetails> details = persons.contactDetails(person, PurposeId.SERVICE_IMPROVEMENT);
        if (details.isEmpty() || details.get().email() == null || details.get().email().isBlank()) {
            return false;
        }
        Instant now = clock.instant();
        if (!toldBack.record(action.actionId(), person, Channel.EMAIL, now)) {
            return false;
        }
        Locale locale = Locale.forLanguageTag("en".equals(preferences.language()) ? "en" : "nl");
        String organisation = organisations.current().name();
        String what = "en".equals(locale.getLanguage()) ? action.descriptionEn() : action.descriptionNl();
        String greeting = details.get().name() == null || details.get().name().isBlank()
                ? messages.getMessage("toldBack.greeting.anonymous", null, locale)
                : messages.getMessage("toldBack.greeting", new Object[] {details.get().name()}, locale);
        String text = greeting + "\n\n" + messages.getMessage("toldBack.body",
                new Object[] {organisation, what, personLinks.linkFor(person).toString()}, locale);
        outbox.queue(new OutgoingMessage("told-back:" + action.actionId() + ":" + person.value(), person, details.get().email(),
                messages.getMessage("toldBack.subject", new Object[] {organisation}, locale), text, null));
        return true;
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
