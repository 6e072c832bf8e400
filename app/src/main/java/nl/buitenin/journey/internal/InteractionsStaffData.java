package nl.buitenin.journey.internal;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
 * The interactions in which a staff member served someone, for the privacy officer (staff are people too): when, where
 * and in which team; no person and no reason, which are the customer's. Erasing removes the reference and keeps the team.
 */
@Component
class InteractionsStaffData implements StaffDataSource {

    private final JdbcClient jdbc;
    private final Touchpoints touchpoints;

    InteractionsStaffData(JdbcClient jdbc, Touchpoints touchpoints) {
        this.jdbc = jdbc;
        this.touchpoints = touchpoints;
    }

    @Override
    public String section() {
        return "interactions";
    }

    @Override
    public List<StaffItem> export(String staffRef) {
        Map<UUID, Optional<Touchpoint>> cache = new HashMap<>();
        return jdbc.sql("select occurred_at, touchpoint_id, team, source_id from interaction where staff_ref = :s order by occurred_at desc, source_id")
                .param("s", staffRef)
                .query((rs, n) -> new StaffItem(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        cache.computeIfAbsent(rs.getObject(2, UUID.class), id -> touchpoints.byId(new TouchpointId(id)))
                                .map(t -> ExportName.of(t.nameNl(), t.nameEn())).orElse(null),
                        rs.getString(3), List.of(), rs.getString(4)))
                .list();
    }

    @Override
    public int erase(String staffRef) {
        return jdbc.sql("update interaction set staff_ref = null where staff_ref = :s").param("s", staffRef).update();
    }

    @Override
    public List<PersonalDataTable> tables() {
        return List.of(PersonalDataTable.keyed("interaction", "staff_ref"));
    }
}
