package nl.buitenin.listening.internal.answers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.contact.ContactDecision;
import nl.buitenin.contact.Outreach;
import nl.buitenin.contact.OutreachRequest;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionsRecorded;
import nl.buitenin.journey.InteractionsRecorded.Interaction;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.messaging.Outbox;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PurposeId;

/**
 * Invites a person to give feedback after a contact, when a published survey is attached to the
 * touchpoint and contact's {@link Outreach} allows it (it gathers consent, preferences, recent contacts and
 * open cases itself). The person's e-mail address and language are read through privacy under the purpose
 * "feedback"; the e-mail carries a personal one-time link and a link to the person's own page; the
 * invitation counts against the caps from the moment it is queued. An invitation held back only by quiet hours or a
 * quiet day waits for the moment the policy names ({@link #sendPostponed}), unless that is too long after the contact.
 */
@Service
public class Invitations {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Invitations.class);

    /** A link stays valid this long; after that we do not ask again. */
    public static final Duration VALIDITY = Duration.ofDays(14);
    /** Contacts longer ago than this are history (an import), not a moment to ask about. */
    static final Duration ASK_WITHIN = Duration.ofDays(7);

    /** What became of a request to invite. */
    public enum Outcome { INVITED, ALREADY_INVITED, NO_SURVEY, TOO_OLD, NOT_ALLOWED, NO_ADDRESS, POSTPONED }

    private final JdbcSurveys surveys;
    private final JdbcResponses responses;
    private final AnswerMails mails;
    private final AnswerLinks links;
    private final Outreach outreach;
    private final Persons persons;
    private final Outbox outbox;
    private final Clock clock;
    private final PlatformTransactionManager transactions;
    private final InvitationsDue due;

    Invitations(AnswerMails mails, JdbcSurveys surveys, JdbcResponses responses, AnswerLinks links, Outreach outreach, Persons persons,
            Outbox outbox, Clock clock, PlatformTransactionManager transactions, InvitationsDue due) {
        this.due = due;
        this.surveys = surveys;
        this.responses = responses;
        this.mails = mails;
        this.links = links;
        this.outreach = outreach;
        this.persons = persons;
        this.outbox = outbox;
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
    public List<Interaction> worthAsking(List<Interaction> interactions, Instant now) {
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
            invite(interaction.person(), interaction.touchpoint(), "interaction:" + interaction.sourceId(), interaction.at(),
                    interaction.staff(), interaction.team());
        }
    }

    @Transactional
    public Outcome invite(PersonKey person, TouchpointId touchpoint, String sourceRef, Instant contactAt) {
        return invite(person, touchpoint, sourceRef, contactAt, null, null);
    }

    /**
     * Invites the person after a contact in which {@code staff} of {@code team} served them (either may be null): the
     * response carries both, so what the person answers can be read per team (and, under its own purpose, per staff member).
     */
    @Transactional
    public Outcome invite(PersonKey person, TouchpointId touchpoint, String sourceRef, Instant contactAt, @Nullable String staff,
            @Nullable String team) {
        return invite(person, touchpoint, sourceRef, contactAt, staff, team, clock.instant());
    }

    /**
     * Decides on an invitation after the interaction as if its event were handled at {@code now} (the listener's path:
     * the policy is asked at that moment, and an invitation held back by the quiet time waits for {@link #sendPostponed}).
     * For replaying a history that came in without events, oldest first, such as the demo's.
     */
    @Transactional
    public Outcome inviteAt(Interaction interaction, Instant now) {
        if (interaction.person() == null) {
            throw new IllegalArgumentException("an invitation needs a person: " + interaction.sourceId());
        }
        return invite(interaction.person(), interaction.touchpoint(), "interaction:" + interaction.sourceId(), interaction.at(),
                interaction.staff(), interaction.team(), now);
    }

    /** The moment the first waiting invitation is due, when that is at or before {@code until}. */
    public Optional<Instant> firstDueBy(Instant until) {
        return due.dueAt(until, 1).stream().findFirst().map(InvitationsDue.Due::dueAt);
    }

    /**
     * Sends the invitations that waited for quiet hours or a quiet day to pass and are due at {@code now}: each is taken off
     * the list and decided again now (caps or the policy may have changed meanwhile) in one transaction with the sending,
     * so it goes out once, however often this runs and on however many nodes. Returns how many were sent.
     */
    public int sendPostponed(Instant now) {
        TransactionTemplate eachAlone = new TransactionTemplate(transactions);
        eachAlone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        int sent = 0;
        for (InvitationsDue.Due waiting : due.dueAt(now, 200)) {
            try {
                Outcome outcome = eachAlone.execute(status -> due.take(waiting, now)
                        ? invite(waiting.person(), waiting.touchpoint(), waiting.sourceRef(), waiting.contactAt(), waiting.staff(),
                                waiting.team(), now)
                        : Outcome.ALREADY_INVITED);
                if (outcome == Outcome.INVITED) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // Rolled back, so it stays on the list for the next run; one that cannot be handled must not stop the others.
                log.warn("Postponed invitation for {} not handled: {}", waiting.sourceRef(), e.getMessage());
            }
        }
        return sent;
    }

    private Outcome invite(PersonKey person, TouchpointId touchpoint, String sourceRef, Instant contactAt, @Nullable String staff,
            @Nullable String team, Instant now) {
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
        OutreachRequest request = OutreachRequest.invitationAfter(person, touchpoint, contactAt, Channel.EMAIL, now);
        ContactDecision decision = outreach.ask(request);
        if (decision.deferred()) {
            // Only the clock objects and the contact is recent enough: asked again when the quiet time ends.
            due.hold(new InvitationsDue.Due(sourceRef, person, touchpoint, contactAt, decision.deferredUntil(), staff, team));
            return Outcome.POSTPONED;
        }
        if (!decision.allowed()) {
            return Outcome.NOT_ALLOWED;
        }
        Optional<ContactDetails> details = persons.contactDetails(person, PurposeId.FEEDBACK);
        if (details.isEmpty() || details.get().email() == null || details.get().email().isBlank()) {
            return Outcome.NO_ADDRESS;
        }
        Preferences preferences = persons.preferences(person);
        String language = preferences.language() == null || !preferences.language().equals("en") ? "nl" : "en";
        Instant expires = now.plus(VALIDITY);
        Optional<UUID> response = responses.create(survey.get().id(), touchpoint, person, sourceRef, ResponseChannel.EMAIL,
                language, ResponseStatus.INVITED, now, expires, staff, team);
        if (response.isEmpty()) {
            return Outcome.ALREADY_INVITED;
        }
        String link = links.answerUrl(response.get(), expires);
        outbox.queue(mails.compose(AnswerMails.Kind.INVITATION, response.get(), person, details.get(), touchpoint, language, link));
        outreach.sent(request, now);
        return Outcome.INVITED;
    }
}
