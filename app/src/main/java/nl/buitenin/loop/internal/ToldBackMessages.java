package nl.buitenin.loop.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.contact.ContactDecision;
import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.Outreach;
import nl.buitenin.contact.OutreachRequest;
import nl.buitenin.journey.Channel;
import nl.buitenin.loop.ActionCompleted;
import nl.buitenin.loop.ActionId;
import nl.buitenin.messaging.OutgoingMessage;
import nl.buitenin.messaging.Outbox;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.organisation.Register;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonLinks;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PreferredChannel;
import nl.buitenin.privacy.PurposeId;

/**
 * "You said, we did": when an improvement action is done, everybody who raised one of its themes (in a case
 * or in an answer tagged with it) hears what changed, in their own language, through the channel they
 * prefer, once per action even when they raised it several times.
 * <ul>
 * <li>Contact's {@link Outreach} decides first (kind {@code TOLD_BACK}; it gathers consent, "no contact" and
 * erasure itself) and stores the decision with its reasons: nobody who withdrew consent (for feedback or service improvement), chose "no contact" or
 * was erased is told; in quiet hours or on a quiet day the message waits until the next allowed moment.</li>
 * <li>E-mail: a message in the outbox. Phone: a call-back task in the queue of the team that handled the
 * person's case, with the text to tell. SMS: Buitenin has no SMS gateway, so an e-mail when the person
 * has an address, else a call-back task. Nobody to call and no address: an UNREACHABLE row with the reason.</li>
 * <li>Contact details are read through privacy under the purpose "service improvement"; a message sent
 * is logged as a told-back contact, so no survey invitation follows right behind it.</li>
 * </ul>
 */
@Component
class ToldBackMessages {

    private static final Logger log = LoggerFactory.getLogger(ToldBackMessages.class);

    /** What happened to one person; the contact decision holds the reasons of a refusal. */
    enum Telling { MAILED, CALL_TASK, DEFERRED, REFUSED, UNREACHABLE, ALREADY_TOLD }

    private final ToldBackLog toldBack;
    private final TellBackTasks tasks;
    private final Actions actions;
    private final Outreach outreach;
    private final Persons persons;
    private final PersonLinks personLinks;
    private final Outbox outbox;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;

    ToldBackMessages(ToldBackLog toldBack, TellBackTasks tasks, Actions actions, Outreach outreach, Persons persons,
            PersonLinks personLinks, Outbox outbox, Organisations organisations, MessageSource messages, Clock clock) {
        this.toldBack = toldBack;
        this.tasks = tasks;
        this.actions = actions;
        this.outreach = outreach;
        this.persons = persons;
        this.personLinks = personLinks;
        this.outbox = outbox;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ActionCompleted completed) {
        tellEveryone(completed.actionId(), clock.instant());
    }

    /** Tells everyone who raised one of the action's themes and has not been told; safe to repeat. */
    @Transactional
    public int tellEveryone(ActionId id, Instant now) {
        ImprovementAction action = actions.byId(id).orElse(null);
        if (action == null) {
            return 0;
        }
        int reached = 0;
        for (PersonKey person : toldBack.recipientsOf(id)) {
            Telling telling = tell(action, person, now);
            if (telling == Telling.MAILED || telling == Telling.CALL_TASK) {
                reached++;
            }
        }
        log.info("You said, we did: action {} told back to {} people (mail or call-back task); {} anonymous answers on its themes",
                id, reached, toldBack.anonymousAnswers(id));
        return reached;
    }

    /** Sends the messages that waited for quiet hours or a quiet day to pass, deciding each again now. */
    @Transactional
    public int sendDeferred(Instant now) {
        int sent = 0;
        for (ToldBackLog.Deferred deferred : toldBack.dueAt(now, 200)) {
            if (!toldBack.take(deferred, now)) {
                continue;
            }
            Optional<ImprovementAction> action = actions.byId(deferred.action());
            if (action.isPresent() && tell(action.get(), deferred.person(), now) != Telling.DEFERRED) {
                sent++;
            }
        }
        return sent;
    }

    Telling tell(ImprovementAction action, PersonKey person, Instant now) {
        ContactDecision decision = outreach.ask(OutreachRequest.toldBack(person, now));
        if (decision.deferred()) {
            toldBack.defer(action.id(), person, decision.deferredUntil());
            return Telling.DEFERRED;
        }
        if (!decision.allowed()) {
            return Telling.REFUSED;
        }
        // Allowed, so the person is known: their preferences choose the channel and the language.
        Preferences preferences = persons.preferences(person);
        ContactDetails details = persons.contactDetails(person, PurposeId.SERVICE_IMPROVEMENT).orElse(null);
        boolean hasEmail = details != null && details.email() != null;
        boolean hasPhone = details != null && details.phone() != null;
        Optional<String> team = toldBack.responsibleTeam(action.id(), person);
        boolean canCall = hasPhone && team.isPresent();
        // Phone when asked for it and possible; SMS (no gateway) and e-mail fall back to a call when there is no address.
        boolean byPhone = preferences.channel() == PreferredChannel.PHONE ? canCall || !hasEmail : !hasEmail;
        Locale locale = Locale.forLanguageTag(preferences.language());
        if (byPhone && canCall) {
            return callTask(action, person, team.get(), locale, now);
        }
        if (!byPhone) {
            return mail(action, person, details, locale, now);
        }
        // Allowed, but no way to reach them: stored with its reason, so that the actions page and the figures show the gap.
        String reason = hasPhone ? "NO_TEAM_TO_CALL" : "NO_ADDRESS";
        log.info("You said, we did: a person cannot be reached about action {} by {} ({})", action.id(), preferences.channel(), reason);
        return toldBack.recordUnreachable(action.id(), person, Channel.PHONE, reason, now) ? Telling.UNREACHABLE : Telling.ALREADY_TOLD;
    }

    private Telling mail(ImprovementAction action, PersonKey person, ContactDetails details, Locale locale, Instant now) {
        if (!toldBack.record(action.id(), person, Channel.EMAIL, now)) {
            return Telling.ALREADY_TOLD;
        }
        String organisation = organisations.current().name();
        String greeting = details.name() == null
                ? messages.getMessage("toldBack.greeting.anonymous", null, locale)
                : messages.getMessage("toldBack.greeting", new Object[] {details.name()}, locale);
        // The organisation's register: "u" or "je" in Dutch, as on its other pages and mails.
        Register register = organisations.current().register();
        String text = greeting + "\n\n" + messages.getMessage(register.key("toldBack.body"),
                new Object[] {organisation, action.description(locale), personLinks.linkFor(person).toString()}, locale);
        outbox.queue(new OutgoingMessage("told-back:" + action.id() + ":" + person.value(), person, details.email(),
                messages.getMessage(register.key("toldBack.subject"), new Object[] {organisation}, locale), text, null));
        outreach.contacted(person, null, ContactKind.TOLD_BACK, Channel.EMAIL, now);
        return Telling.MAILED;
    }

    private Telling callTask(ImprovementAction action, PersonKey person, String team, Locale locale, Instant now) {
        String script = messages.getMessage(organisations.current().register().key("loop.tellBack.script"),
                new Object[] {organisations.current().name(), action.description(locale)}, locale);
        return tasks.add(action.id(), person, team, locale.getLanguage(), script, now) ? Telling.CALL_TASK : Telling.ALREADY_TOLD;
    }
}
