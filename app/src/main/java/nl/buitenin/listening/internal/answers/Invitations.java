package nl.buitenin.listening.internal.answers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.core.env.Environment;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.contact.ContactDecision;
import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.ContactPolicy;
import nl.buitenin.contact.OpenCases;
import nl.buitenin.contact.PersonFacts;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionsRecorded;
import nl.buitenin.journey.InteractionsRecorded.Interaction;
import nl.buitenin.journey.Interactions;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.messaging.Outbox;
import nl.buitenin.platform.BuiteninProperties;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PreferredChannel;
import nl.buitenin.privacy.PurposeId;

/**
 * Invites a person to give feedback after a contact, when a published survey is attached to the
 * touchpoint and the contact policy allows it. The person's consent, preferences and e-mail address are
 * read through privacy under the purpose "feedback"; the e-mail carries a personal one-time link and a
 * link to the person's own page; the invitation counts against the caps from the moment it is queued.
 */
@Service
public class Invitations {

    /** A link stays valid this long; after that we do not ask again. */
    static final Duration VALIDITY = Duration.ofDays(14);
    /** Contacts longer ago than this are history (an import), not a moment to ask about. */
    static final Duration ASK_WITHIN = Duration.ofDays(7);
    /** Operational contacts this far back count as "recent contact" for the policy. */
    static final Duration RECENT = Duration.ofDays(30);

    /** What became of a request to invite. */
    public enum Outcome { INVITED, ALREADY_INVITED, NO_SURVEY, TOO_OLD, NOT_ALLOWED, NO_ADDRESS }

    private final JdbcSurveys surveys;
    private final JdbcResponses responses;
    private final AnswerMails mails;
    private final AnswerLinks links;
    private final ContactPolicy policy;
    private final OpenCases openCases;
    private final Persons persons;
    private final Consents consents;
    private final Interactions interactions;
    private final Outbox outbox;
    private final BuiteninProperties properties;
    private final Environment environment;
    private final Clock clock;
    private final PlatformTransactionManager transactions;

    Invitations(AnswerMails mails, JdbcSurveys surveys, JdbcResponses responses, AnswerLinks links, ContactPolicy policy, OpenCases openCases,
            Persons persons, Consents consents, Interactions interactions, Outbox outbox, BuiteninProperties properties,
            Environment environment, Clock clock, PlatformTransactionManager transactions) {
        this.surveys = surveys;
        this.responses = responses;
        this.mails = mails;
        this.links = links;
        this.policy = policy;
        this.openCases = openCases;
        this.persons = persons;
        this.consents = consents;
        this.interactions = interactions;
        this.outbox = outbox;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * A batch of interactions: each is a possible moment to ask, as if it came alone. Each is decided in its own
     * transaction, so one failure does not undo the others; it is rethrown at the end, which leaves the event
     * to be delivered again, and inviting is idempotent (the interaction's source id).
     */
    @ApplicationModuleListener
    void on(InteractionsRecorded batch) {
        TransactionTemplate eachAlone = new TransactionTemplate(transactions);
        eachAlone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        RuntimeException first = null;
        for (Interaction interaction : worthAsking(batch.interactions(), clock.instant())) {
            try {
                eachAlone.executeWithoutResult(status -> on(interaction));
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * The interactions of a batch that {@link #invite} would not turn away at once: with a person, recent enough,
     * at a touchpoint with a published survey (one query for the whole batch). Most interactions are none of
     * these, and leaving them out here saves a transaction each; the rest are decided one by one as before.
     */
    List<Interaction> worthAsking(List<Interaction> interactions, Instant now) {
        Instant oldest = now.minus(ASK_WITHIN);
        List<Interaction> recent = interactions.stream()
                .filter(interaction -> interaction.person() != null && !interaction.at().isBefore(oldest)).toList();
        if (recent.isEmpty()) {
            return recent;
        }
        Set<TouchpointId> withSurvey = surveys.withPublishedSurvey(recent.stream().map(Interaction::touchpoint).toList());
        return recent.stream().filter(interaction -> withSurvey.contains(interaction.touchpoint())).toList();
    }

    /** Every new interaction with a known person is a possible moment to ask; the policy decides. */
    void on(Interaction interaction) {
        if (interaction.person() != null) {
            invite(interaction.person(), interaction.touchpoint(), "interaction:" + interaction.sourceId(), interaction.at());
        }
    }

    @Transactional
    public Outcome invite(PersonKey person, TouchpointId touchpoint, String sourceRef, Instant contactAt) {
        Instant now = clock.instant();
        if (contactAt.isBefore(now.minus(ASK_WITHIN))) {
            return Outcome.TOO_OLD;
        }
        Optional<Survey> survey = surveys.publishedFor(touchpoint);
        if (survey.isEmpty()) {
            return Outcome.NO_SURVEY;
        }
        if (responses.bySource(sourceRef).isPresent()) {
            return Outcome.ALREADY_INVITED;
        }
        Preferences preferences = persons.preferences(person);
        ContactDecision decision = policy.mayInvite(person, touchpoint, now, facts(person, preferences, at -> at.equals(contactAt), now));
        if (!decision.allowed()) {
            return Outcome.NOT_ALLOWED;
        }
        Optional<ContactDetails> details = persons.contactDetails(person, PurposeId.FEEDBACK);
        if (details.isEmpty() || details.get().email() == null || details.get().email().isBlank()) {
            return Outcome.NO_ADDRESS;
        }
        String language = preferences.language() == null || !preferences.language().equals("en") ? "nl" : "en";
        Instant expires = now.plus(VALIDITY);
        Optional<UUID> response = responses.create(survey.get().id(), touchpoint, person, sourceRef, ResponseChannel.EMAIL,
                language, ResponseStatus.INVITED, now, expires);
        if (response.isEmpty()) {
            return Outcome.ALREADY_INVITED;
        }
        String link = baseUrl() + "/a/" + links.tokenFor(response.get(), expires);
        outbox.queue(mails.compose(AnswerMails.Kind.INVITATION, response.get(), person, details.get(), touchpoint, language, link));
        policy.recordAttempt(person, touchpoint, ContactKind.INVITATION, Channel.EMAIL, now);
        return Outcome.INVITED;
    }

    /** What the contact policy needs to know about a person, leaving out the contact(s) the question is about. */
    public PersonFacts facts(PersonKey person, Preferences preferences, java.util.function.Predicate<Instant> isThisContact, Instant now) {
        List<Instant> recent = interactions.recentContacts(person, now.minus(RECENT)).stream()
                .filter(isThisContact.negate()).toList();
        return new PersonFacts(List.of(), consents.isGiven(person, PurposeId.FEEDBACK), preferences.doNotAsk(),
                preferences.remindersWanted(), preferredChannels(preferences), recent, openCases.hasOpenCase(person));
    }

    static Set<Channel> preferredChannels(Preferences preferences) {
        return preferences.channel() == PreferredChannel.EMAIL ? Set.of(Channel.EMAIL) : Set.of();
    }

    /** The public address for links, without a trailing slash. */
    public String baseUrl() {
        String configured = properties.baseUrl();
        if (!configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
