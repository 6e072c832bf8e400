package nl.buitenin.readings.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.TouchpointId;

/** Pilots in {@code readings_pilot} and their touchpoints in {@code readings_pilot_touchpoint}. */
@Repository
public class JdbcPilots {

    private static final String PILOT = "PILOT";
    private static final String CONTROL = "CONTROL";

    private final JdbcClient jdbc;

    JdbcPilots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void add(Pilot pilot, Instant now) {
        jdbc.sql("""
                insert into readings_pilot (id, name, change_description, measure, starts_on, ends_on, control, created_on, created_at, updated_at)
                values (:id, :name, :change, :measure, :startsOn, :endsOn, :control, :createdOn, :now, :now)""")
                .param("id", pilot.id()).param("name", pilot.name()).param("change", pilot.change())
                .param("measure", pilot.measure().name()).param("startsOn", pilot.startsOn()).param("endsOn", pilot.endsOn())
                .param("control", pilot.control().name()).param("createdOn", pilot.createdOn()).param("now", utc(now)).update();
        touchpoints(pilot);
    }

    /** Replaces the plan of a pilot, keeping the day it was first defined. */
    @Transactional
    public void update(Pilot pilot, Instant now) {
        jdbc.sql("""
                update readings_pilot set name = :name, change_description = :change, measure = :measure, starts_on = :startsOn,
                ends_on = :endsOn, control = :control, updated_at = :now where id = :id""")
                .param("id", pilot.id()).param("name", pilot.name()).param("change", pilot.change())
                .param("measure", pilot.measure().name()).param("startsOn", pilot.startsOn()).param("endsOn", pilot.endsOn())
                .param("control", pilot.control().name()).param("now", utc(now)).update();
        jdbc.sql("delete from readings_pilot_touchpoint where pilot = :id").param("id", pilot.id()).update();
        touchpoints(pilot);
    }

    public Optional<Pilot> byId(UUID id) {
        return rows("where p.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Every pilot, the latest start first. */
    public List<Pilot> all() {
        return rows("", Map.of());
    }

    private List<Pilot> rows(String where, Map<String, Object> params) {
        record Row(UUID id, String name, String change, PilotMeasure measure, LocalDate startsOn, LocalDate endsOn,
                PilotControl control, LocalDate createdOn) {
        }
        List<Row> rows = jdbc.sql("""
                select p.id, p.name, p.change_description, p.measure, p.starts_on, p.ends_on, p.control, p.created_on
                from readings_pilot p %s order by p.starts_on desc, p.name""".formatted(where)).params(params)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        PilotMeasure.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        PilotControl.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<TouchpointId>> pilotGroups = new HashMap<>();
        Map<UUID, List<TouchpointId>> controlGroups = new HashMap<>();
        jdbc.sql("select pilot, touchpoint, role from readings_pilot_touchpoint where pilot in (:ids) order by pilot, position")
                .param("ids", rows.stream().map(Row::id).toList())
                .query(rs -> {
                    UUID pilot = rs.getObject(1, UUID.class);
                    TouchpointId touchpoint = new TouchpointId(rs.getObject(2, UUID.class));
                    (PILOT.equals(rs.getString(3)) ? pilotGroups : controlGroups).computeIfAbsent(pilot, k -> new ArrayList<>()).add(touchpoint);
                });
        return rows.stream().map(r -> new Pilot(r.id(), r.name(), r.change(), r.measure(), r.startsOn(), r.endsOn(), r.control(),
                pilotGroups.getOrDefault(r.id(), List.of()), controlGroups.getOrDefault(r.id(), List.of()), r.createdOn())).toList();
    }

    private void touchpoints(Pilot pilot) {
        int position = 0;
        for (TouchpointId touchpoint : pilot.touchpoints()) {
            insert(pilot.id(), touchpoint, PILOT, position++);
        }
        for (TouchpointId touchpoint : pilot.controlTouchpoints()) {
            insert(pilot.id(), touchpoint, CONTROL, position++);
        }
    }

    private void insert(UUID pilot, TouchpointId touchpoint, String role, int position) {
        jdbc.sql("insert into readings_pilot_touchpoint (pilot, touchpoint, role, position) values (:pilot, :touchpoint, :role, :position)")
                .param("pilot", pilot).param("touchpoint", touchpoint.value()).param("role", role).param("position", position).update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
