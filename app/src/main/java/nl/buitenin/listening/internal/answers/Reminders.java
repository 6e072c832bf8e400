package nl.buitenin.listening.internal.answers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.contact.ContactDecision;
import nl.buitenin.contact.Outreach;
import nl.buitenin.contact.OutreachRequest;
import nl.buitenin.contact.Reason;
import nl.buitenin.contact.ReasonCode;
import nl.buitenin.journey.Channel;
import nl.buitenin.listening.internal.ListeningProperties;
import nl.buitenin.messaging.Outbox;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;

/**
 * Sends the one reminder a person may get when they asked for reminders and have not answered an
 * invitation after {@code buitenin.listening.reminder-delay}. Contact's {@link Outreach} decides (reminders
 * wanted, consent, do-not-ask, caps, quiet hours …, gathering those facts itself) and stores its decision; a reminder that is sent
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
    private final Outreach outreach;
    private final Persons persons;
    private final Outbox outbox;
    private final ListeningProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Reminders(AnswerMails mails, JdbcResponses responses, AnswerLinks links, Outreach outreach, Persons persons,
            Outbox outbox, ListeningProperties properties, TransactionTemplate transactions, Clock clock) {
        this.responses = responses;
        this.mails = mails;
        this.links = links;
        this.outreach = outreach;
        this.persons = persons;
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
            OutreachRequest request = OutreachRequest.reminder(person, response.touchpoint(), response.invitedAt(), Channel.EMAIL, now);
            ContactDecision decision = outreach.ask(request);
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
            String link = links.answerUrl(responseId, response.expiresAt());
            outbox.queue(mails.compose(AnswerMails.Kind.REMINDER, responseId, person, details.get(), response.touchpoint(),
                    response.language(), link));
            outreach.sent(request, now);
            responses.settleReminder(responseId, "SENT");
            return Outcome.REMINDED;
        });
    }
}
