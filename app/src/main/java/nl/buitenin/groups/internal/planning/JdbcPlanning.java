package nl.buitenin.groups.internal.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.groups.GroupId;

/** Guides' preferences ({@code groups_guide}), trips ({@code groups_trip}) and their current guides ({@code groups_trip_guide}). */
@Repository
public class JdbcPlanning {

    private static final String TRIP_COLUMNS = "id, source_id, group_id, trip_date, name, guides_needed, language, pace, topic";

    private final JdbcClient jdbc;

    JdbcPlanning(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a guide's preferences; false when they were stored exactly so already. */
    boolean save(Guide guide, Instant now) {
        Optional<Guide> before = guide(guide.staffRef());
        if (before.isPresent() && before.get().equals(guide)) {
            return false;
        }
        var statement = jdbc.sql(before.isPresent()
                ? "update groups_guide set pace = :pace, languages = :languages, topics = :topics, liked_groups = :groups, days = :days, "
                        + "updated_at = :now where staff_ref = :ref"
                : "insert into groups_guide (staff_ref, pace, languages, topics, liked_groups, days, updated_at) "
                        + "values (:ref, :pace, :languages, :topics, :groups, :days, :now)");
        statement.param("ref", guide.staffRef()).param("pace", guide.pace() == null ? null : guide.pace().name())
                .param("languages", String.join(",", guide.languages())).param("topics", String.join(",", guide.topics()))
                .param("groups", String.join(",", guide.groups().stream().map(g -> g.value().toString()).sorted().toList()))
                .param("days", String.join(",", guide.days().stream().sorted().map(DayOfWeek::name).toList()))
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        return true;
    }

    public List<Guide> guides() {
        return jdbc.sql("select staff_ref, pace, languages, topics, liked_groups, days from groups_guide order by staff_ref")
                .query(JdbcPlanning::guide).list();
    }

    public Optional<Guide> guide(String staffRef) {
        return jdbc.sql("select staff_ref, pace, languages, topics, liked_groups, days from groups_guide where staff_ref = :ref")
                .param("ref", staffRef).query(JdbcPlanning::guide).optional();
    }

    /** The moment a guide's preferences were last changed, for the export. */
    Optional<Instant> updatedAt(String staffRef) {
        return jdbc.sql("select updated_at from groups_guide where staff_ref = :ref").param("ref", staffRef)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    enum Saved { CREATED, CHANGED, SAME }

    /** Stores a trip by its source id, with its current guides when given (null keeps them). */
    Saved save(String sourceId, GroupId group, LocalDate date, String name, int needed, String language, @Nullable Pace pace,
            @Nullable String topic, @Nullable List<String> assigned, Instant now) {
        Optional<Trip> before = tripBySource(sourceId);
        UUID id = before.map(Trip::id).orElseGet(UUID::randomUUID);
        Trip trip = new Trip(id, sourceId, group, date, name, needed, language, pace, topic,
                assigned != null ? assigned : before.map(Trip::current).orElse(List.of()));
        if (before.isPresent() && before.get().equals(trip)) {
            return Saved.SAME;
        }
        var statement = jdbc.sql(before.isPresent()
                ? "update groups_trip set group_id = :group, trip_date = :date, name = :name, guides_needed = :needed, language = :language, "
                        + "pace = :pace, topic = :topic where id = :id"
                : "insert into groups_trip (" + TRIP_COLUMNS + ", recorded_at) values (:id, :source, :group, :date, :name, :needed, :language, "
                        + ":pace, :topic, :now)");
        statement.param("id", id).param("group", group.value()).param("date", date).param("name", name).param("needed", needed)
                .param("language", language).param("pace", pace == null ? null : pace.name()).param("topic", topic);
        if (before.isEmpty()) {
            statement.param("source", sourceId).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        }
        statement.update();
        if (assigned != null) {
            assign(id, assigned);
        }
        return before.isPresent() ? Saved.CHANGED : Saved.CREATED;
    }

    /** Replaces a trip's current guides. */
    public void assign(UUID trip, List<String> staffRefs) {
        jdbc.sql("delete from groups_trip_guide where trip_id = :trip").param("trip", trip).update();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(staffRefs));
        for (int i = 0; i < distinct.size(); i++) {
            jdbc.sql("insert into groups_trip_guide (trip_id, staff_ref, position) values (:trip, :ref, :position)")
                    .param("trip", trip).param("ref", distinct.get(i)).param("position", i).update();
        }
    }

    /** The trips from {@code first} up to and including {@code last}, with their current guides. */
    public List<Trip> trips(LocalDate first, LocalDate last) {
        List<Trip> trips = jdbc.sql("select " + TRIP_COLUMNS + " from groups_trip where trip_date >= :first and trip_date <= :last "
                + "order by trip_date, name, source_id").param("first", first).param("last", last).query(JdbcPlanning::trip).list();
        if (trips.isEmpty()) {
            return trips;
        }
        Map<UUID, List<String>> current = new HashMap<>();
        jdbc.sql("select g.trip_id, g.staff_ref from groups_trip_guide g join groups_trip t on t.id = g.trip_id "
                + "where t.trip_date >= :first and t.trip_date <= :last order by g.trip_id, g.position")
                .param("first", first).param("last", last)
                .query((rs, n) -> current.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2))).list();
        return trips.stream().map(t -> new Trip(t.id(), t.sourceId(), t.group(), t.date(), t.name(), t.needed(), t.language(), t.pace(),
                t.topic(), current.getOrDefault(t.id(), List.of()))).toList();
    }

    Optional<Trip> tripBySource(String sourceId) {
        return jdbc.sql("select " + TRIP_COLUMNS + " from groups_trip where source_id = :source").param("source", sourceId)
                .query(JdbcPlanning::trip).optional().map(t -> new Trip(t.id(), t.sourceId(), t.group(), t.date(), t.name(), t.needed(),
                        t.language(), t.pace(), t.topic(), currentOf(t.id())));
    }

    private List<String> currentOf(UUID trip) {
        return jdbc.sql("select staff_ref from groups_trip_guide where trip_id = :trip order by position").param("trip", trip)
                .query(String.class).list();
    }

    /** The trips a guide is on, newest first, for the staff export. */
    List<Trip> tripsOf(String staffRef) {
        return jdbc.sql("select t.id, t.source_id, t.group_id, t.trip_date, t.name, t.guides_needed, t.language, t.pace, t.topic"
                + " from groups_trip t join groups_trip_guide g on g.trip_id = t.id where g.staff_ref = :ref order by t.trip_date desc, t.name")
                .param("ref", staffRef).query(JdbcPlanning::trip).list();
    }

    /** Removes a guide's preferences and takes them off every trip; the number of rows removed. */
    int erase(String staffRef) {
        int trips = jdbc.sql("delete from groups_trip_guide where staff_ref = :ref").param("ref", staffRef).update();
        return trips + jdbc.sql("delete from groups_guide where staff_ref = :ref").param("ref", staffRef).update();
    }

    private static Guide guide(ResultSet rs, int row) throws SQLException {
        String pace = rs.getString(2);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        split(rs.getString(6)).forEach(d -> days.add(DayOfWeek.valueOf(d)));
        return new Guide(rs.getString(1), pace == null ? null : Pace.valueOf(pace), split(rs.getString(3)), split(rs.getString(4)),
                Set.copyOf(split(rs.getString(5)).stream().map(id -> new GroupId(UUID.fromString(id))).toList()), days);
    }

    private static Trip trip(ResultSet rs, int row) throws SQLException {
        String pace = rs.getString(8);
        return new Trip(rs.getObject(1, UUID.class), rs.getString(2), new GroupId(rs.getObject(3, UUID.class)),
                rs.getObject(4, LocalDate.class), rs.getString(5), rs.getInt(6), rs.getString(7), pace == null ? null : Pace.valueOf(pace),
                rs.getString(9), List.of());
    }

    private static List<String> split(@Nullable String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split(","));
    }
}
