package nl.buitenin.loop.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.access.User;
import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.Outreach;
import nl.buitenin.journey.Channel;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;

/**
 * An agent's side of "you said, we did" by phone: the team's open call-back tasks, and the outcome of a
 * call. Only a person reached counts as told (and as a contact for the contact policy).
 */
@Service
public class TellBackCalls {

    private final TellBackTasks tasks;
    private final ToldBackLog toldBack;
    private final Outreach outreach;
    private final Clock clock;

    TellBackCalls(TellBackTasks tasks, ToldBackLog toldBack, Outreach outreach, Clock clock) {
        this.tasks = tasks;
        this.toldBack = toldBack;
        this.outreach = outreach;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<TellBackTasks.Task> openFor(User agent) {
        return agent.team() == null ? List.of() : tasks.openOfTeam(agent.team());
    }

    /** The task if it belongs to the agent's team; another team's task does not exist for them. */
    @Transactional(readOnly = true)
    public TellBackTasks.Task visibleTo(User agent, UUID id) {
        return tasks.byId(id).filter(t -> t.team() != null && t.team().equals(agent.team()))
                .orElseThrow(() -> new NotFoundException("loop.thing.callbackTask", id));
    }

    @Transactional
    public void logCall(User agent, UUID id, CallbackOutcome outcome, String note) {
        if (outcome == null) {
            throw InvalidInputException.of("outcome", "loop.invalid.outcomeCode");
        }
        if (note != null && note.length() > 10_000) {
            throw InvalidInputException.of("note", "loop.invalid.atMost", 10000);
        }
        TellBackTasks.Task task = visibleTo(agent, id);
        Instant at = clock.instant();
        tasks.logCall(task.id(), outcome, agent.username(), note == null || note.isBlank() ? null : note.strip(), at);
        if (outcome == CallbackOutcome.REACHED && task.person() != null) {
            toldBack.record(task.action(), task.person(), Channel.PHONE, at);
            outreach.contacted(task.person(), null, ContactKind.TOLD_BACK, Channel.PHONE, at);
        }
    }
}
