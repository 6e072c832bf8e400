package nl.buitenin.listening.internal.answers;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.privacy.ExportName;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.StaffDataSource;
import nl.buitenin.privacy.StaffItem;

/**
 * The responses about contacts in which a staff member served someone, for the privacy officer (staff are people too):
 * when, where, the team and the scores given; no person and no comments, which are the customer's. Erasing removes the
 * reference and keeps the team, so team figures stay right.
 */
@Component
class ResponsesStaffData implements StaffDataSource {

    private final JdbcClient jdbc;
    private final Touchpoints touchpoints;

    ResponsesStaffData(JdbcClient jdbc, Touchpoints touchpoints) {
        this.jdbc = jdbc;
        this.touchpoints = touchpoints;
    }

    @Override
    public String section() {
        return "responses";
    }

    @Override
    public List<StaffItem> export(String staffRef) {
        List<Row> rows = jdbc.sql("select r.id, coalesce(r.completed_at, r.invited_at), r.team, r.touchpoint_id from listening_response r "
                        + "where r.staff_ref = :s order by coalesce(r.completed_at, r.invited_at) desc, r.id")
                .param("s", staffRef)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        rs.getObject(4, UUID.class)))
                .list();
        Map<UUID, Optional<Touchpoint>> cache = new HashMap<>();
        List<StaffItem> items = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ExportName where = row.touchpoint() == null ? null : cache.computeIfAbsent(row.touchpoint(),
                    id -> touchpoints.byId(new TouchpointId(id))).map(t -> ExportName.of(t.nameNl(), t.nameEn())).orElse(null);
            List<Integer> scores = jdbc.sql("select score from listening_answer where response_id = :id and score is not null order by question_key")
                    .param("id", row.id()).query(Integer.class).list();
            items.add(new StaffItem(row.at(), where, row.team(), scores, null));
        }
        return items;
    }

    private record Row(UUID id, Instant at, @Nullable String team, @Nullable UUID touchpoint) {
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
