package nl.buitenin.loop.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.access.User;
import nl.buitenin.access.Users;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.loop.CaseClosed;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.TeamLeads;
import nl.buitenin.loop.CaseOpened;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.Cases;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.privacy.PersonKey;
import tools.jackson.databind.json.JsonMapper;

/**
 * Working a case: every change goes through the case's guarded methods, leaves a line in its history,
 * queues the webhook deliveries and publishes the module's events, all in one transaction.
 */
@Service
public class CaseWork implements Cases {

    /** The actor of changes made by the application itself (escalation, events from other modules). */
    public static final String SYSTEM = "system";

    private final CaseFiles cases;
    private final CaseTypes types;
    private final TeamLeads leads;
    private final Webhooks webhooks;
    private final Users users;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    CaseWork(CaseFiles cases, CaseTypes types, TeamLeads leads, Webhooks webhooks, Users users, Organisations organisations,
            ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.cases = cases;
        this.types = types;
        this.leads = leads;
        this.webhooks = webhooks;
        this.users = users;
        this.organisations = organisations;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** What the desk and the other modules learn about a case: no personal data, no free text. */
    record CaseEventPayload(String event, String caseId, String type, String status, String team, Instant deadline,
            Instant at) {
    }

    /** What to open: the parts of a case known at the start. */
    public record Opening(CaseSource source, CaseType type, PersonKey person, TouchpointId touchpoint, Channel channel,
            String team, UUID owner, String summary) {
    }

    @Override
    @Transactional
    public CaseId openFor(CaseSource source, CaseType type, PersonKey person, TouchpointId touchpoint, String summary) {
        return open(new Opening(source, type, person, touchpoint, null, null, null, summary), SYSTEM, clock.instant()).file().id();
    }

    /**
     * Opens the case, or returns the one its source already opened. Two callers racing with the same source
     * both get the one case: the unique source column decides, and the loser reads the winner's row.
     */
    /** The case for a source, and whether this call opened it (false when the source had opened it before). */
    public record Opened(CaseFile file, boolean created) {
    }

    @Transactional
    public Opened open(Opening opening, String actor, Instant at) {
        var existing = cases.bySource(opening.source());
        if (existing.isPresent()) {
            return new Opened(existing.get(), false);
        }
        CaseTypes.Definition type = types.require(opening.type());
        String team = opening.team() != null && !opening.team().isBlank() ? opening.team().strip() : type.defaultTeam();
        Instant deadline = WorkingDays.deadline(at, type.slaWorkingDays(), organisations.current().timeZone());
        CaseFile created = CaseFile.open(opening.source(), opening.type(), opening.person(), opening.touchpoint(),
                opening.channel(), team, opening.owner(), opening.summary(), at, deadline);
        if (!cases.insertIfAbsent(created)) {
            return new Opened(cases.bySource(opening.source()).orElseThrow(), false);
        }
        cases.addEvent(created.id(), at, actor, "opened", opening.source().value());
        changed(created, "case.opened", at);
        events.publishEvent(new CaseOpened(created.id(), created.source(), created.type(), created.person(),
                created.touchpoint(), created.deadline(), at));
        return new Opened(created, true);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasOpenCase(PersonKey person) {
        return cases.hasOpenCase(person);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> summary(CaseId caseId) {
        return cases.byId(caseId).map(CaseFile::summary);
    }

    /** The case if the user may see it: agents only their own team's, or the cases they own. */
    @Transactional(readOnly = true)
    public CaseFile visibleTo(User user, CaseId id) {
        CaseFile found = cases.byId(id).orElseThrow(() -> new NotFoundException("loop.thing.case", id));
        boolean ownTeam = user.team() != null && user.team().equals(found.team());
        boolean owner = user.id().value().equals(found.owner());
        if (!ownTeam && !owner) {
            // The same answer as for a case that does not exist: another team's ids reveal nothing.
            throw new NotFoundException("loop.thing.case", id);
        }
        return found;
    }

    @Transactional
    public void addNote(User user, CaseId id, String text) {
        String note = requireText("note", text);
        CaseFile c = visibleTo(user, id);
        Instant at = clock.instant();
        cases.addNote(c.id(), at, user.username(), note);
        cases.addEvent(c.id(), at, user.username(), "note", null);
    }

    @Transactional
    public void callBack(User user, CaseId id, CallbackOutcome outcome, String note) {
        if (outcome == null) {
            throw InvalidInputException.of("outcome", "loop.invalid.outcomeCode");
        }
        callBack(visibleTo(user, id), user.username(), outcome, note, clock.instant());
    }

    /** A call-back at a given moment by a named agent (the demo's history, and the user method below). */
    public void callBack(CaseFile c, String actor, CallbackOutcome outcome, String note, Instant at) {
        CaseStatus before = c.status();
        c.callBack(outcome, at);
        cases.update(c);
        cases.addCallback(c.id(), at, actor, outcome, note == null || note.isBlank() ? null : note.strip());
        cases.addEvent(c.id(), at, actor, "callback", outcome.name());
        if (before == CaseStatus.NEW && c.status() == CaseStatus.CONTACTED) {
            changed(c, "case.contacted", at);
        }
    }

    @Transactional
    public void resolve(User user, CaseId id, String outcome) {
        CaseFile c = visibleTo(user, id);
        resolve(c, user.username(), outcome, clock.instant());
    }

    public void resolve(CaseFile c, String actor, String outcome, Instant at) {
        c.resolve(outcome, at);
        cases.update(c);
        cases.addEvent(c.id(), at, actor, "resolved", c.outcome());
        changed(c, "case.resolved", at);
    }

    @Transactional
    public void close(User user, CaseId id) {
        CaseFile c = visibleTo(user, id);
        close(c, user.username(), clock.instant());
    }

    public void close(CaseFile c, String actor, Instant at) {
        c.close(at);
        cases.update(c);
        cases.addEvent(c.id(), at, actor, "closed", null);
        changed(c, "case.closed", at);
        events.publishEvent(new CaseClosed(c.id(), c.type(), c.person(), c.followedUpInTime(), at));
    }

    @Transactional
    public void reopen(User user, CaseId id, String reason) {
        CaseFile c = visibleTo(user, id);
        reopen(c, user.username(), requireText("reason", reason), clock.instant());
    }

    public void reopen(CaseFile c, String actor, String reason, Instant at) {
        c.reopen(at);
        cases.update(c);
        cases.addEvent(c.id(), at, actor, "reopened", reason);
        changed(c, "case.reopened", at);
    }

    /** A team lead hands a case of their team to an agent of the same team (or to themselves). */
    @Transactional
    public void reassign(User lead, CaseId id, UUID newOwner) {
        CaseFile c = visibleTo(lead, id);
        if (!leads.leads(lead.id(), c.team())) {
            throw new ConflictException("loop.conflict.notLead", c.team());
        }
        User agent = users.byId(new nl.buitenin.access.UserId(newOwner))
                .filter(u -> c.team().equals(u.team()))
                .orElseThrow(() -> InvalidInputException.of("owner", "loop.invalid.agentOfTeam", c.team()));
        Instant at = clock.instant();
        c.assignTo(agent.id().value(), c.team());
        cases.update(c);
        cases.addEvent(c.id(), at, lead.username(), "assigned", agent.username());
        changed(c, "case.assigned", at);
    }

    /** Escalates every case past its SLA to its team's lead; returns how many were escalated. */
    @Transactional
    public int escalateOverdue(Instant now) {
        int escalated = 0;
        for (CaseFile c : cases.overdueNotEscalated(now)) {
            UUID lead = c.team() == null ? null : leads.leadOf(c.team()).map(nl.buitenin.access.UserId::value).orElse(null);
            c.escalateTo(lead, now);
            try {
                cases.update(c);
            } catch (ConflictException changedMeanwhile) {
                // Somebody worked the case since it was read (or another node escalated it): the next run decides again.
                continue;
            }
            cases.addEvent(c.id(), now, SYSTEM, "escalated",
                    lead == null ? null : users.byId(new nl.buitenin.access.UserId(lead)).map(User::username).orElse(null));
            changed(c, "case.escalated", now);
            escalated++;
        }
        return escalated;
    }

    /** Used by the service desk API: the desk reached the person. */
    void markContacted(CaseFile c, String actor, Instant at) {
        c.markContacted(at);
        cases.update(c);
        cases.addEvent(c.id(), at, actor, "contacted", null);
        changed(c, "case.contacted", at);
    }

    void noteFrom(CaseFile c, String actor, String text, Instant at) {
        cases.addNote(c.id(), at, actor, requireText("note", text));
        cases.addEvent(c.id(), at, actor, "note", null);
    }

    private void changed(CaseFile c, String event, Instant at) {
        String payload = json.writeValueAsString(new CaseEventPayload(event, c.id().toString(), c.type().code(),
                c.status().name(), c.team(), c.deadline(), at));
        webhooks.enqueue(event, payload, at);
    }

    private static String requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of(field, "loop.invalid.empty");
        }
        if (text.length() > 10_000) {
            throw InvalidInputException.of(field, "loop.invalid.atMost", 10000);
        }
        return text.strip();
    }
}
