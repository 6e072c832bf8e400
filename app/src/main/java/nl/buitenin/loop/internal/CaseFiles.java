package nl.buitenin.loop.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.privacy.PersonKey;

/** The cases, stored with their history, notes and call-backs. */
@Repository
public class CaseFiles {

    static final String COLUMNS = "c.id, c.source_ref, c.type_code, c.person_key, c.touchpoint_id, c.channel, c.team, "
            + "c.owner_user_id, c.status, c.summary, c.opened_at, c.deadline, c.first_contact_at, c.resolved_at, "
            + "c.closed_at, c.outcome, c.reopen_count, c.escalated_at, c.version";

    private final JdbcClient jdbc;

    CaseFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the case unless its source opened one already; true when this call inserted it. */
    boolean insertIfAbsent(CaseFile c) {
        return jdbc.sql("insert into loop_case (id, source_ref, type_code, person_key, touchpoint_id, channel, team, "
                        + "owner_user_id, status, summary, opened_at, deadline, first_contact_at, resolved_at, closed_at, "
                        + "outcome, reopen_count, escalated_at, version) values (:id, :source, :type, :person, :touchpoint, "
                        + ":channel, :team, :owner, :status, :summary, :opened, :deadline, :contact, :resolved, :closed, "
                        + ":outcome, :reopens, :escalated, 0) on conflict do nothing")
                .param("id", c.id().value()).param("source", c.source().value()).param("type", c.type().code())
                .param("person", c.person() == null ? null : c.person().value())
                .param("touchpoint", c.touchpoint() == null ? null : c.touchpoint().value())
                .param("channel", c.channel() == null ? null : c.channel().name())
                .param("team", c.team()).param("owner", c.owner()).param("status", c.status().name())
                .param("summary", c.summary()).param("opened", utc(c.openedAt())).param("deadline", utc(c.deadline()))
                .param("contact", utc(c.firstContactAt())).param("resolved", utc(c.resolvedAt()))
                .param("closed", utc(c.closedAt())).param("outcome", c.outcome()).param("reopens", c.reopenCount())
                .param("escalated", utc(c.escalatedAt()))
                .update() == 1;
    }

    /** Saves a changed case; refused when somebody else changed it since it was read. */
    void update(CaseFile c) {
        int updated = jdbc.sql("update loop_case set person_key = :person, team = :team, owner_user_id = :owner, "
                        + "status = :status, first_contact_at = :contact, resolved_at = :resolved, closed_at = :closed, "
                        + "outcome = :outcome, reopen_count = :reopens, escalated_at = :escalated, version = version + 1 "
                        + "where id = :id and version = :version")
                .param("person", c.person() == null ? null : c.person().value())
                .param("team", c.team()).param("owner", c.owner()).param("status", c.status().name())
                .param("contact", utc(c.firstContactAt())).param("resolved", utc(c.resolvedAt()))
                .param("closed", utc(c.closedAt())).param("outcome", c.outcome()).param("reopens", c.reopenCount())
                .param("escalated", utc(c.escalatedAt())).param("id", c.id().value()).param("version", c.version())
                .update();
        if (updated != 1) {
            throw new ConflictException("loop.conflict.caseChanged", c.id());
        }
        c.saved();
    }

    public Optional<CaseFile> byId(CaseId id) {
        return jdbc.sql("select " + COLUMNS + " from loop_case c where c.id = :id").param("id", id.value())
                .query(CaseFiles::map).optional();
    }

    Optional<CaseFile> bySource(CaseSource source) {
        return jdbc.sql("select " + COLUMNS + " from loop_case c where c.source_ref = :source").param("source", source.value())
                .query(CaseFiles::map).optional();
    }

    boolean hasOpenCase(PersonKey person) {
        return jdbc.sql("select count(*) from loop_case where person_key = :person and status <> 'CLOSED'")
                .param("person", person.value()).query(Long.class).single() > 0;
    }

    /** A team's cases that are not closed: overdue first, then by deadline. */
    public List<CaseFile> openOfTeam(String team, int limit) {
        return jdbc.sql("select " + COLUMNS + " from loop_case c where c.team = :team and c.status <> 'CLOSED' "
                        + "order by case when c.status in ('NEW', 'CONTACTED') then 0 else 1 end, c.deadline, c.id limit :limit")
                .param("team", team).param("limit", limit).query(CaseFiles::map).list();
    }

    /** Open cases a user owns, in any team (a lead owns the cases escalated to them). */
    public List<CaseFile> openOwnedBy(UUID owner, int limit) {
        return jdbc.sql("select " + COLUMNS + " from loop_case c where c.owner_user_id = :owner and c.status <> 'CLOSED' "
                        + "order by case when c.status in ('NEW', 'CONTACTED') then 0 else 1 end, c.deadline, c.id limit :limit")
                .param("owner", owner).param("limit", limit).query(CaseFiles::map).list();
    }

    /** Cases still to work (new or contacted) whose deadline falls after {@code now} and at or before {@code until}. */
    public List<CaseFile> workingDueBetween(Instant now, Instant until) {
        return jdbc.sql("select " + COLUMNS + " from loop_case c where c.status in ('NEW', 'CONTACTED') "
                        + "and c.deadline > :now and c.deadline <= :until order by c.deadline, c.id")
                .param("now", utc(now)).param("until", utc(until)).query(CaseFiles::map).list();
    }

    /** Cases not resolved whose deadline has passed and that have not been escalated. */
    List<CaseFile> overdueNotEscalated(Instant now) {
        return jdbc.sql("select " + COLUMNS + " from loop_case c where c.status in ('NEW', 'CONTACTED') "
                        + "and c.deadline < :now and c.escalated_at is null order by c.deadline")
                .param("now", utc(now)).query(CaseFiles::map).list();
    }

    void addEvent(CaseId id, Instant at, String actor, String kind, String detail) {
        jdbc.sql("insert into loop_case_event (id, case_id, at, actor, kind, detail) values (:id, :case, :at, :actor, :kind, :detail)")
                .param("id", UUID.randomUUID()).param("case", id.value()).param("at", utc(at)).param("actor", actor)
                .param("kind", kind).param("detail", detail).update();
    }

    public void addNote(CaseId id, Instant at, String author, String text) {
        jdbc.sql("insert into loop_case_note (id, case_id, at, author, text) values (:id, :case, :at, :author, :text)")
                .param("id", UUID.randomUUID()).param("case", id.value()).param("at", utc(at)).param("author", author)
                .param("text", text).update();
    }

    void addCallback(CaseId id, Instant at, String agent, CallbackOutcome outcome, String note) {
        jdbc.sql("insert into loop_callback (id, case_id, at, agent, outcome, note) values (:id, :case, :at, :agent, :outcome, :note)")
                .param("id", UUID.randomUUID()).param("case", id.value()).param("at", utc(at)).param("agent", agent)
                .param("outcome", outcome.name()).param("note", note).update();
    }

    public record HistoryEntry(Instant at, String actor, String kind, String detail) {
    }

    public record Note(Instant at, String author, String text) {
    }

    public record Callback(Instant at, String agent, CallbackOutcome outcome, String note) {
    }

    public List<HistoryEntry> history(CaseId id) {
        return jdbc.sql("select at, actor, kind, detail from loop_case_event where case_id = :case order by at, seq")
                .param("case", id.value())
                .query((rs, n) -> new HistoryEntry(instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    public List<Note> notes(CaseId id) {
        return jdbc.sql("select at, author, text from loop_case_note where case_id = :case order by at")
                .param("case", id.value())
                .query((rs, n) -> new Note(instant(rs, 1), rs.getString(2), rs.getString(3))).list();
    }

    public List<Callback> callbacks(CaseId id) {
        return jdbc.sql("select at, agent, outcome, note from loop_callback where case_id = :case order by at")
                .param("case", id.value())
                .query((rs, n) -> new Callback(instant(rs, 1), rs.getString(2), CallbackOutcome.valueOf(rs.getString(3)),
                        rs.getString(4))).list();
    }

    static CaseFile map(ResultSet rs, int row) throws SQLException {
        String person = rs.getString(4);
        String touchpoint = rs.getString(5);
        String channel = rs.getString(6);
        return new CaseFile(new CaseId(rs.getObject(1, UUID.class)), new CaseSource(rs.getString(2)),
                new CaseType(rs.getString(3)), person == null ? null : new PersonKey(person),
                touchpoint == null ? null : TouchpointId.of(touchpoint), channel == null ? null : Channel.valueOf(channel),
                rs.getString(7), rs.getObject(8, UUID.class), CaseStatus.valueOf(rs.getString(9)), rs.getString(10),
                instant(rs, 11), instant(rs, 12), instant(rs, 13), instant(rs, 14), instant(rs, 15), rs.getString(16),
                rs.getInt(17), instant(rs, 18), rs.getInt(19));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
