package nl.buitenin.listening.internal.answers;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.StaffDataSource;

/**
 * The responses about contacts in which a staff member served someone, for the privacy officer (staff are people too):
 * when, the team and the scores given; no person and no comments, which are the customer's. Erasing removes the
 * reference and keeps the team, so team figures stay right.
 */
@Component
class ResponsesStaffData implements StaffDataSource {

    /** One response about a contact the staff member had, with the scores given in it. */
    record StaffResponse(Instant at, @Nullable String team, List<Integer> scores) {
    }

    private final JdbcClient jdbc;

    ResponsesStaffData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "responses";
    }

    @Override
    public List<?> export(String staffRef) {
        return jdbc.sql("select r.id, coalesce(r.completed_at, r.invited_at), r.team from listening_response r where r.staff_ref = :s "
                        + "order by coalesce(r.completed_at, r.invited_at) desc, r.id")
                .param("s", staffRef)
                .query((rs, n) -> new StaffResponse(rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        jdbc.sql("select score from listening_answer where response_id = :id and score is not null order by question_key")
                                .param("id", rs.getObject(1, java.util.UUID.class)).query(Integer.class).list()))
                .list();
    }

    @Override
    public int erase(String staffRef) {
        return jdbc.sql("update listening_response set staff_ref = null where staff_ref = :s").param("s", staffRef).update();
    }

    @Override
    public List<PersonalDataTable> tables() {
        return List.of(PersonalDataTable.keyed("listening_response", "staff_ref"));
    }
}
