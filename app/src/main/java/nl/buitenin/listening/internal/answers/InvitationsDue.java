package nl.buitenin.listening.internal.answers;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * Invitations that wait for quiet hours or a quiet day to pass ({@code listening_invitation_due}): one row per contact,
 * by the contact's source reference, so a re-delivered event does not add a second one. The row is taken by deleting
 * it; the delete and the invitation it leads to commit together, so a second run, a second node or a restart never
 * finds it again once the invitation went out.
 */
@Repository
class InvitationsDue {

    /** A postponed invitation: the contact it is about, and when it may be asked for again. */
    record Due(String sourceRef, PersonKey person, TouchpointId touchpoint, Instant contactAt, Instant dueAt, @Nullable String staff,
            @Nullable String team) {
    }

    private final JdbcClient jdbc;

    InvitationsDue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the invitation until {@code dueAt}; a contact already waiting keeps its row, moved to the new moment. */
    void hold(Due due) {
        int moved = jdbc.sql("update listening_invitation_due set due_at = :due where source_ref = :source")
                .param("due", utc(due.dueAt())).param("source", due.sourceRef()).update();
        if (moved == 0) {
            jdbc.sql("insert into listening_invitation_due (source_ref, person_key, touchpoint_id, contact_at, due_at, staff_ref, team) "
                            + "values (:source, :person, :touchpoint, :contact, :due, :staff, :team) on conflict do nothing")
                    .param("source", due.sourceRef()).param("person", due.person().value()).param("touchpoint", due.touchpoint().value())
                    .param("contact", utc(due.contactAt())).param("due", utc(due.dueAt())).param("staff", due.staff())
                    .param("team", due.team()).update();
        }
    }

    /** The invitations due at {@code now}, earliest first. */
    List<Due> dueAt(Instant now, int limit) {
        return jdbc.sql("select source_ref, person_key, touchpoint_id, contact_at, due_at, staff_ref, team from listening_invitation_due "
                        + "where due_at <= :now order by due_at, source_ref limit :limit")
                .param("now", utc(now)).param("limit", limit)
                .query((rs, n) -> new Due(rs.getString(1), new PersonKey(rs.getString(2)), new TouchpointId(rs.getObject(3, UUID.class)),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getString(6), rs.getString(7)))
                .list();
    }

    /** Takes a due invitation off the list; false when another run or node took it first (the delete is the claim). */
    boolean take(Due due, Instant now) {
        return jdbc.sql("delete from listening_invitation_due where source_ref = :source and due_at <= :now")
                .param("source", due.sourceRef()).param("now", utc(now)).update() == 1;
    }

    /** The invitations a person is waiting for, for their export. */
    List<Due> of(PersonKey person) {
        return jdbc.sql("select source_ref, person_key, touchpoint_id, contact_at, due_at, staff_ref, team from listening_invitation_due "
                        + "where person_key = :person order by due_at, source_ref")
                .param("person", person.value())
                .query((rs, n) -> new Due(rs.getString(1), new PersonKey(rs.getString(2)), new TouchpointId(rs.getObject(3, UUID.class)),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getString(6), rs.getString(7)))
                .list();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
