package nl.buitenin.listening.internal.answers;

import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.messaging.OutgoingMessage;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.organisation.Register;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonLinks;

/**
 * The e-mails that carry an answer link, in the person's language: the invitation and the reminder share a
 * greeting, the organisation and touchpoint names, the link and the link to the person's own page; only their
 * subject and body texts ({@code <kind>.subject}, {@code <kind>.body}) differ. All follow the organisation's register ("u" or "je").
 */
@Component
class AnswerMails {

    /** Which e-mail: its texts and the prefix of its outbox reference. */
    enum Kind {
        INVITATION("invitation"), REMINDER("reminder");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    private final MessageSource messages;
    private final Organisations organisations;
    private final Touchpoints touchpoints;
    private final PersonLinks personLinks;

    AnswerMails(MessageSource messages, Organisations organisations, Touchpoints touchpoints, PersonLinks personLinks) {
        this.messages = messages;
        this.organisations = organisations;
        this.touchpoints = touchpoints;
        this.personLinks = personLinks;
    }

    OutgoingMessage compose(Kind kind, UUID response, PersonKey person, ContactDetails details, TouchpointId touchpoint,
            String language, String link) {
        Locale locale = Locale.forLanguageTag(language);
        String organisation = organisations.current().name();
        String touchpointName = touchpoint == null ? organisation
                : touchpoints.byId(touchpoint).map(t -> t.name(locale)).orElse(organisation);
        Register register = organisations.current().register();
        String greeting = details.name() == null || details.name().isBlank()
                ? messages.getMessage(register.key("invitation.greeting.anonymous"), null, locale)
                : messages.getMessage(register.key("invitation.greeting"), new Object[] {details.name()}, locale);
        String text = greeting + "\n\n" + messages.getMessage(register.key(kind.prefix + ".body"), new Object[] {organisation, touchpointName,
                link, personLinks.linkFor(person).toString()}, locale);
        String subject = messages.getMessage(register.key(kind.prefix + ".subject"), new Object[] {organisation}, locale);
        return new OutgoingMessage(kind.prefix + ":" + response, person, details.email(), subject, text, null);
    }
}
