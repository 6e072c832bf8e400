package nl.buitenin.loop.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.privacy.PersonKey;

/**
 * A case and the rules of its life cycle. Every change goes through a method named after what the
 * agent does, which refuses it in the wrong state (a {@link ConflictException}, HTTP 409), so the
 * history can always be read as a valid sequence.
 */
public final class CaseFile {

    private final CaseId id;
    private final CaseSource source;
    private final CaseType type;
    private PersonKey person;
    private final TouchpointId touchpoint;
    private final Channel channel;
    private String team;
    private UUID owner;
    private CaseStatus status;
    private final String summary;
    private final Instant openedAt;
    private final Instant deadline;
    private Instant firstContactAt;
    private Instant resolvedAt;
    private Instant closedAt;
    private String outcome;
    private int reopenCount;
    private Instant escalatedAt;
    private int version;

    @SuppressWarnings("checkstyle:ParameterNumber")
    CaseFile(CaseId id, CaseSource source, CaseType type, PersonKey person, TouchpointId touchpoint, Channel channel,
            String team, UUID owner, CaseStatus status, String summary, Instant openedAt, Instant deadline,
            Instant firstContactAt, Instant resolvedAt, Instant closedAt, String outcome, int reopenCount,
            Instant escalatedAt, int version) {
        this.id = Objects.requireNonNull(id);
        this.source = Objects.requireNonNull(source);
        this.type = Objects.requireNonNull(type);
        this.person = person;
        this.touchpoint = touchpoint;
        this.channel = channel;
        this.team = team;
        this.owner = owner;
        this.status = Objects.requireNonNull(status);
        this.summary = Objects.requireNonNull(summary);
        this.openedAt = Objects.requireNonNull(openedAt);
        this.deadline = Objects.requireNonNull(deadline);
        this.firstContactAt = firstContactAt;
        this.resolvedAt = resolvedAt;
        this.closedAt = closedAt;
        this.outcome = outcome;
        this.reopenCount = reopenCount;
        this.escalatedAt = escalatedAt;
        this.version = version;
    }

    /** A new case as opened from its source. */
    static CaseFile open(CaseSource source, CaseType type, PersonKey person, TouchpointId touchpoint, Channel channel,
            String team, UUID owner, String summary, Instant at, Instant deadline) {
        String text = summary == null ? "" : summary.strip();
        if (text.isEmpty() || text.length() > 10_000) {
            throw InvalidInputException.of("summary", "loop.invalid.summary");
        }
        return new CaseFile(CaseId.random(), source, type, person, touchpoint, channel, team, owner, CaseStatus.NEW, text,
                at, deadline, null, null, null, null, 0, null, 0);
    }

    /** Logs a call-back; a person reached counts as the first contact of a new case. */
    void callBack(CallbackOutcome result, Instant at) {
        refuseUnless(canWork(), "logCallback");
        if (result == CallbackOutcome.REACHED) {
            markContacted(at);
        }
    }

    /** The person was reached in another way (e-mail answered, a visit, the service desk). */
    void markContacted(Instant at) {
        refuseUnless(canWork(), "markContacted");
        if (firstContactAt == null) {
            firstContactAt = at;
        }
        status = CaseStatus.CONTACTED;
    }

    void resolve(String resolution, Instant at) {
        refuseUnless(canWork(), "resolve");
        if (resolution == null || resolution.isBlank()) {
            throw InvalidInputException.of("outcome", "loop.invalid.resolution");
        }
        outcome = resolution.strip();
        resolvedAt = at;
        status = CaseStatus.RESOLVED;
    }

    void close(Instant at) {
        refuseUnless(canClose(), "close");
        closedAt = at;
        status = CaseStatus.CLOSED;
    }

    void reopen(Instant at) {
        refuseUnless(canReopen(), "reopen");
        reopenCount++;
        resolvedAt = null;
        closedAt = null;
        status = firstContactAt == null ? CaseStatus.NEW : CaseStatus.CONTACTED;
    }

    void assignTo(UUID newOwner, String newTeam) {
        refuseUnless(status.isOpen(), "reassign");
        owner = newOwner;
        team = newTeam;
    }

    /** Past its deadline and not yet resolved: the team lead takes it over. Refused when not (yet) overdue. */
    void escalateTo(UUID lead, Instant at) {
        refuseUnless(isOverdue(at) && escalatedAt == null, "escalate");
        escalatedAt = at;
        if (lead != null) {
            owner = lead;
        }
    }

    /**
     * Still being worked on (new or contacted): call-backs, contacts and a resolution are accepted. Pages ask this
     * (and {@link #canClose()}, {@link #canReopen()}) instead of knowing the life cycle themselves.
     */
    public boolean canWork() {
        return status == CaseStatus.NEW || status == CaseStatus.CONTACTED;
    }

    /** Resolved, and so ready to be closed. */
    public boolean canClose() {
        return status == CaseStatus.RESOLVED;
    }

    /** Resolved or closed: the person may come back and the case be reopened. */
    public boolean canReopen() {
        return status == CaseStatus.RESOLVED || status == CaseStatus.CLOSED;
    }

    /** Not resolved and past the deadline. */
    public boolean isOverdue(Instant now) {
        return canWork() && now.isAfter(deadline);
    }

    public boolean followedUpInTime() {
        return firstContactAt != null && !firstContactAt.isAfter(deadline);
    }

    void forgetPerson() {
        person = null;
    }

    /** {@code what} names the refused step: the message {@code loop.conflict.<what>} tells it with the case's status. */
    private void refuseUnless(boolean allowed, String what) {
        if (!allowed) {
            throw new ConflictException("loop.conflict." + what, nl.buitenin.platform.InvalidInputException.FieldError.term(status.messageKey()));
        }
    }

    public CaseId id() { return id; }
    public CaseSource source() { return source; }
    public CaseType type() { return type; }
    public PersonKey person() { return person; }
    public TouchpointId touchpoint() { return touchpoint; }
    public Channel channel() { return channel; }
    public String team() { return team; }
    public UUID owner() { return owner; }
    public CaseStatus status() { return status; }
    public String summary() { return summary; }
    public Instant openedAt() { return openedAt; }
    public Instant deadline() { return deadline; }
    public Instant firstContactAt() { return firstContactAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public Instant closedAt() { return closedAt; }
    public String outcome() { return outcome; }
    public int reopenCount() { return reopenCount; }
    public Instant escalatedAt() { return escalatedAt; }
    int version() { return version; }

    /** Called by the repository after a successful save, which raised the stored version. */
    void saved() {
        version++;
    }
}
