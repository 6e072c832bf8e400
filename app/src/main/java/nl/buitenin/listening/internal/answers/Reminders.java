package nl.buitenin.listening.internal.answers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.contact.ContactDecision;
import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.ContactPolicy;
import nl.buitenin.contact.OpenCases;
import nl.buitenin.contact.PersonFacts;
import nl.buitenin.contact.Reason;
import nl.buitenin.contact.ReasonCode;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.Interactions;
import nl.buitenin.listening.internal.ListeningProperties;
import nl.buitenin.messaging.Outbox;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PurposeId;

/**
 * Sends the one reminder a person may get when they asked for reminders and have not answered an
 * invitation after {@code buitenin.listening.reminder-delay}. The contact policy decides (reminders
 * wanted, consent, do-not-ask, caps, quiet hours …) and stores its decision; a reminder that is sent
 * counts against the caps like an invitation. The e-mail carries a fresh one-time link to the same
 * response, so answers saved earlier are still there.
 *
 * <p>Safe on several nodes: each response is claimed with a conditional update inside the transaction
 * that decides, queues and records, so two nodes never remind the same person twice. A refusal for the
 * moment only (quiet hours, a quiet day) is looked at again an hour later; any other outcome is final.
 */
@Service
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final int BATCH = 200;
    static final Duration RETRY_AFTER = Duration.ofHours(1);
    private static final Set<ReasonCode> FOR_THE_MOMENT = Set.of(ReasonCode.QUIET_HOURS, ReasonCode.QUIET_DAY);

    /** What became of one due invitation. */
    public enum Outcome { REMINDED, REFUSED, LATER, NO_ADDRESS, TAKEN }

    private final JdbcResponses responses;
    private final AnswerMails mails;
    private final AnswerLinks links;
    private final Invitations invitations;
    private final ContactPolicy policy;
    private final OpenCases openCases;
    private final Persons persons;
    private final Consents consents;
    private final Interactions interactions;
    private final Outbox outbox;
    private final ListeningProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Reminders(AnswerMails mails, JdbcResponses responses, AnswerLinks links, Invitations invitations, ContactPolicy policy, OpenCases openCases,
            Persons persons, Consents consents, Interactions interactions, Outbox outbox, ListeningProperties properties,
            TransactionTemplate transactions, Clock clock) {
        this.responses = responses;
        this.mails = mails;
        this.links = links;
        this.invitations = invitations;
        this.policy = policy;
        this.openCases = openCases;
        this.persons = persons;
        this.consents = consents;
        this.interactions = interactions;
        this.outbox = outbox;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${buitenin.listening.reminder-poll:PT15M}", initialDelayString = "PT1M")
    void run() {
        if (properties.remindersEnabled()) {
            int sent = remindDue(clock.instant());
            if (sent > 0) {
                log.info("Queued {} reminders of unanswered invitations", sent);
            }
        }
    }

    /** Handles every invitation due for a reminder at {@code now}; returns how many reminders were queued. */
    public int remindDue(Instant now) {
        Instant checkedBefore = now.minus(RETRY_AFTER);
        int sent = 0;
        for (UUID response : responses.dueForReminder(now.minus(properties.reminderDelay()), now, checkedBefore, BATCH)) {
            try {
                if (remind(response, now) == Outcome.REMINDED) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // One response that cannot be handled (a lock timeout, a vanished person) must not stop the others.
                log.warn("Reminder for response {} not handled: {}", response, e.getMessage());
            }
        }
        return sent;
    }

    /** Claims, decides, queues and records one reminder in one transaction. */
    Outcome remind(UUID responseId, Instant now) {
        return transactions.execute(status -> {
            if (!responses.claimForReminder(responseId, now, now.minus(RETRY_AFTER))) {
                return Outcome.TAKEN;
            }
            Response response = responses.byId(responseId).orElseThrow();
            PersonKey person = response.person();
            Preferences preferences = persons.preferences(person);
            ContactDecision decision = policy.mayRemind(person, response.touchpoint(), now,
                    facts(person, preferences, response.invitedAt(), now));
            if (!decision.allowed()) {
                if (decision.reasons().stream().map(Reason::code).allMatch(FOR_THE_MOMENT::contains)) {
                    return Outcome.LATER;
                }
                responses.settleReminder(responseId, "REFUSED");
                return Outcome.REFUSED;
            }
            Optional<ContactDetails> details = persons.contactDetails(person, PurposeId.FEEDBACK);
            if (details.isEmpty() || details.get().email() == null || details.get().email().isBlank()) {
                responses.settleReminder(responseId, "NO_ADDRESS");
                return Outcome.NO_ADDRESS;
            }
            String link = invitations.baseUrl() + "/a/" + links.tokenFor(responseId, response.expiresAt());
            outbox.queue(mails.compose(AnswerMails.Kind.REMINDER, responseId, person, details.get(), response.touchpoint(),
                    response.language(), link));
            policy.recordAttempt(person, response.touchpoint(), ContactKind.REMINDER, Channel.EMAIL, now);
            responses.settleReminder(responseId, "SENT");
            return Outcome.REMINDED;
        });
    }

    /** Only service contacts after the invitation count as new: the one it was about was weighed then. */
    private PersonFacts facts(PersonKey person, Preferences preferences, Instant invitedAt, Instant now) {
        List<Instant> since = interactions.recentContacts(person, invitedAt).stream().filter(at -> at.isAfter(invitedAt)).toList();
        return new PersonFacts(List.of(), consents.isGiven(person, PurposeId.FEEDBACK), preferences.doNotAsk(),
                preferences.remindersWanted(), Invitations.preferredChannels(preferences), since, openCases.hasOpenCase(person));
    }
}
