package nl.buitenin.workshop.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
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

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;

/** The workshop tables; every rule is in {@link Workshops}, which calls this inside its transactions. */
@Repository
public class JdbcWorkshops {

    private final JdbcClient jdbc;

    JdbcWorkshops(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Workshop w) {
        jdbc.sql("insert into workshop (id, journey_id, title, held_on, anonymous, join_code, status, voting, dots, version, "
                        + "facilitator_staff_ref, created_at, closed_at) values (:id, :journey, :title, :day, :anonymous, :code, :status, "
                        + ":voting, :dots, :version, :facilitator, :created, :closed)")
                .param("id", w.id()).param("journey", w.journey().value()).param("title", w.title()).param("day", w.heldOn())
                .param("anonymous", w.anonymous()).param("code", w.joinCode()).param("status", w.status().name())
                .param("voting", w.voting().name()).param("dots", w.dots()).param("version", w.version())
                .param("facilitator", w.facilitator()).param("created", utc(w.createdAt())).param("closed", utc(w.closedAt()))
                .update();
        for (int i = 0; i < w.departments().size(); i++) {
            jdbc.sql("insert into workshop_department (workshop_id, position, name) values (:w, :p, :n)")
                    .param("w", w.id()).param("p", i).param("n", w.departments().get(i)).update();
        }
    }

    private static final String WORKSHOP = "select id, journey_id, title, held_on, anonymous, join_code, status, voting, dots, version, "
            + "facilitator_staff_ref, created_at, closed_at from workshop ";

    public Optional<Workshop> byId(UUID id) {
        return jdbc.sql(WORKSHOP + "where id = :id").param("id", id).query(this::workshopRow).optional().map(this::withDepartments);
    }

    Optional<Workshop> byCode(String code) {
        return jdbc.sql(WORKSHOP + "where join_code = :code").param("code", code).query(this::workshopRow).optional().map(this::withDepartments);
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select count(*) from workshop where join_code = :code").param("code", code).query(Long.class).single() > 0;
    }

    /** Every workshop, the latest day first. */
    public List<Workshop> all() {
        List<Workshop> found = jdbc.sql(WORKSHOP + "order by held_on desc, created_at desc").query(this::workshopRow).list();
        Map<UUID, List<String>> departments = new HashMap<>();
        jdbc.sql("select workshop_id, name from workshop_department order by workshop_id, position")
                .query((rs, n) -> departments.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return found.stream().map(w -> with(w, departments.getOrDefault(w.id(), List.of()))).toList();
    }

    /** The workshops the staff member joined (or opened), the latest first. */
    List<Workshop> joinedBy(String staffRef) {
        List<UUID> ids = jdbc.sql("select id from workshop where facilitator_staff_ref = :s union "
                        + "select workshop_id from workshop_participant where staff_ref = :s")
                .param("s", staffRef).query(UUID.class).list();
        return all().stream().filter(w -> ids.contains(w.id())).toList();
    }

    /** The version of the board, read on every poll: one row by its key. */
    Optional<Long> version(UUID workshop) {
        return jdbc.sql("select version from workshop where id = :id").param("id", workshop).query(Long.class).optional();
    }

    /** Marks the board changed; also locks the workshop's row for the rest of the transaction. */
    void bump(UUID workshop) {
        jdbc.sql("update workshop set version = version + 1 where id = :id").param("id", workshop).update();
    }

    public void setVoting(UUID workshop, Workshop.Voting voting, int dots) {
        jdbc.sql("update workshop set voting = :v, dots = :d where id = :id").param("v", voting.name()).param("d", dots)
                .param("id", workshop).update();
    }

    public void close(UUID workshop, Instant at) {
        jdbc.sql("update workshop set status = 'CLOSED', closed_at = :at, voting = case when voting = 'OPEN' then 'CLOSED' else voting end "
                        + "where id = :id")
                .param("at", utc(at)).param("id", workshop).update();
    }

    /** After an anonymous workshop closes, no note or dot says who placed it. */
    public void forgetAuthors(UUID workshop) {
        jdbc.sql("update workshop_item set staff_ref = null where workshop_id = :w").param("w", workshop).update();
        jdbc.sql("update workshop_vote set staff_ref = null where workshop_id = :w").param("w", workshop).update();
    }

    // Invitees

    void insertInvitee(UUID workshop, String staffRef) {
        jdbc.sql("insert into workshop_invitee (id, workshop_id, staff_ref) values (:id, :w, :s)")
                .param("id", UUID.randomUUID()).param("w", workshop).param("s", staffRef).update();
    }

    boolean invited(UUID workshop, String staffRef) {
        return jdbc.sql("select count(*) from workshop_invitee where workshop_id = :w and staff_ref = :s").param("w", workshop)
                .param("s", staffRef).query(Long.class).single() > 0;
    }

    /** The workshops the staff member was listed for, the latest first. */
    List<Workshop> invitedTo(String staffRef) {
        List<UUID> ids = jdbc.sql("select workshop_id from workshop_invitee where staff_ref = :s").param("s", staffRef).query(UUID.class).list();
        return all().stream().filter(w -> ids.contains(w.id())).toList();
    }

    public List<String> invitees(UUID workshop) {
        return jdbc.sql("select staff_ref from workshop_invitee where workshop_id = :w and staff_ref is not null order by staff_ref")
                .param("w", workshop).query(String.class).list();
    }

    // Participants

    public void insertParticipant(Participant p) {
        jdbc.sql("insert into workshop_participant (id, workshop_id, staff_ref, department, joined_at) values (:id, :w, :s, :d, :at)")
                .param("id", p.id()).param("w", p.workshop()).param("s", p.staffRef()).param("d", p.department())
                .param("at", utc(p.joinedAt())).update();
    }

    void changeDepartment(UUID participant, String department) {
        jdbc.sql("update workshop_participant set department = :d where id = :id").param("d", department).param("id", participant).update();
    }

    Optional<Participant> participant(UUID workshop, String staffRef) {
        return jdbc.sql(PARTICIPANT + "where workshop_id = :w and staff_ref = :s").param("w", workshop).param("s", staffRef)
                .query(this::participantRow).optional();
    }

    public List<Participant> participants(UUID workshop) {
        return jdbc.sql(PARTICIPANT + "where workshop_id = :w order by joined_at").param("w", workshop).query(this::participantRow).list();
    }

    List<Participant> participationsOf(String staffRef) {
        return jdbc.sql(PARTICIPANT + "where staff_ref = :s order by joined_at desc").param("s", staffRef).query(this::participantRow).list();
    }

    private static final String PARTICIPANT = "select id, workshop_id, staff_ref, department, joined_at from workshop_participant ";

    // Items

    public void insertItem(Item i) {
        jdbc.sql("insert into workshop_item (id, workshop_id, stage_id, touchpoint_id, kind, note_text, staff_ref, department, group_id, "
                        + "assumption_ref, created_at, changed_at) values (:id, :w, :stage, :tp, :kind, :text, :staff, :dept, :grp, :ref, :at, :changed)")
                .param("id", i.id()).param("w", i.workshop()).param("stage", i.stage().value())
                .param("tp", i.touchpoint() == null ? null : i.touchpoint().value()).param("kind", i.kind().name())
                .param("text", i.text()).param("staff", i.staffRef()).param("dept", i.department()).param("grp", i.group())
                .param("ref", i.assumptionRef()).param("at", utc(i.createdAt())).param("changed", utc(i.changedAt()))
                .update();
    }

    void updateItem(UUID item, StageId stage, @Nullable TouchpointId touchpoint, ItemKind kind, String text, Instant at) {
        jdbc.sql("update workshop_item set stage_id = :stage, touchpoint_id = :tp, kind = :kind, note_text = :text, changed_at = :at "
                        + "where id = :id")
                .param("stage", stage.value()).param("tp", touchpoint == null ? null : touchpoint.value()).param("kind", kind.name())
                .param("text", text).param("at", utc(at)).param("id", item).update();
    }

    void deleteItem(UUID item) {
        jdbc.sql("delete from workshop_item where id = :id").param("id", item).update();
    }

    void setGroup(UUID item, @Nullable UUID group) {
        jdbc.sql("update workshop_item set group_id = :g where id = :id").param("g", group).param("id", item).update();
    }

    public boolean linkAssumption(UUID item, UUID assumptionRef) {
        return jdbc.sql("update workshop_item set assumption_ref = :ref where id = :id and kind = 'ASSUMPTION'")
                .param("ref", assumptionRef).param("id", item).update() == 1;
    }

    /** The note, its row locked until the transaction ends, so that two hand-overs of one note take turns. */
    Optional<Item> itemForUpdate(UUID id) {
        return jdbc.sql(ITEM + "where id = :id for update").param("id", id).query(this::itemRow).optional();
    }

    Optional<Item> item(UUID id) {
        return jdbc.sql(ITEM + "where id = :id").param("id", id).query(this::itemRow).optional();
    }

    /** The notes of a workshop in the order they were written. */
    public List<Item> items(UUID workshop) {
        return jdbc.sql(ITEM + "where workshop_id = :w order by created_at, id").param("w", workshop).query(this::itemRow).list();
    }

    List<Item> itemsOfKind(ItemKind kind) {
        return jdbc.sql(ITEM + "where kind = :k order by created_at, id").param("k", kind.name()).query(this::itemRow).list();
    }

    List<Item> itemsBy(String staffRef) {
        return jdbc.sql(ITEM + "where staff_ref = :s order by created_at desc").param("s", staffRef).query(this::itemRow).list();
    }

    private static final String ITEM = "select id, workshop_id, stage_id, touchpoint_id, kind, note_text, staff_ref, department, group_id, "
            + "assumption_ref, created_at, changed_at from workshop_item ";

    // Groups

    public void insertGroup(UUID workshop, Group g) {
        jdbc.sql("insert into workshop_group (id, workshop_id, position, name) values (:id, :w, :p, :n)")
                .param("id", g.id()).param("w", workshop).param("p", g.position()).param("n", g.name()).update();
    }

    public List<Group> groups(UUID workshop) {
        return jdbc.sql("select id, position, name from workshop_group where workshop_id = :w order by position")
                .param("w", workshop).query((rs, n) -> new Group(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3))).list();
    }

    // Votes

    public void insertVote(UUID workshop, UUID item, @Nullable String staffRef, Instant at) {
        jdbc.sql("insert into workshop_vote (id, workshop_id, item_id, staff_ref, voted_at) values (:id, :w, :i, :s, :at)")
                .param("id", UUID.randomUUID()).param("w", workshop).param("i", item).param("s", staffRef).param("at", utc(at)).update();
    }

    boolean deleteOneVote(UUID item, String staffRef) {
        Optional<UUID> one = jdbc.sql("select id from workshop_vote where item_id = :i and staff_ref = :s order by voted_at desc")
                .param("i", item).param("s", staffRef).query(UUID.class).list().stream().findFirst();
        one.ifPresent(id -> jdbc.sql("delete from workshop_vote where id = :id").param("id", id).update());
        return one.isPresent();
    }

    void deleteVotes(UUID workshop) {
        jdbc.sql("delete from workshop_vote where workshop_id = :w").param("w", workshop).update();
    }

    /** The dots per note of the workshop (notes without dots left out). */
    public Map<UUID, Integer> votes(UUID workshop) {
        Map<UUID, Integer> votes = new HashMap<>();
        jdbc.sql("select item_id, count(*) from workshop_vote where workshop_id = :w group by item_id").param("w", workshop)
                .query((rs, n) -> votes.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return votes;
    }

    /** The dots one participant placed, per note. */
    Map<UUID, Integer> votesOf(UUID workshop, String staffRef) {
        Map<UUID, Integer> votes = new HashMap<>();
        jdbc.sql("select item_id, count(*) from workshop_vote where workshop_id = :w and staff_ref = :s group by item_id")
                .param("w", workshop).param("s", staffRef)
                .query((rs, n) -> votes.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return votes;
    }

    // Staff data

    int eraseStaff(String staffRef) {
        return jdbc.sql("update workshop set facilitator_staff_ref = null where facilitator_staff_ref = :s").param("s", staffRef).update()
                + jdbc.sql("update workshop_invitee set staff_ref = null where staff_ref = :s").param("s", staffRef).update()
                + jdbc.sql("update workshop_participant set staff_ref = null where staff_ref = :s").param("s", staffRef).update()
                + jdbc.sql("update workshop_item set staff_ref = null where staff_ref = :s").param("s", staffRef).update()
                + jdbc.sql("update workshop_vote set staff_ref = null where staff_ref = :s").param("s", staffRef).update();
    }

    List<Workshop> facilitatedBy(String staffRef) {
        return jdbc.sql(WORKSHOP + "where facilitator_staff_ref = :s order by created_at desc").param("s", staffRef)
                .query(this::workshopRow).list().stream().map(this::withDepartments).toList();
    }

    int votesBy(String staffRef) {
        return jdbc.sql("select count(*) from workshop_vote where staff_ref = :s").param("s", staffRef).query(Integer.class).single();
    }

    private Workshop withDepartments(Workshop w) {
        return with(w, jdbc.sql("select name from workshop_department where workshop_id = :w order by position").param("w", w.id())
                .query(String.class).list());
    }

    private static Workshop with(Workshop w, List<String> departments) {
        return new Workshop(w.id(), w.journey(), w.title(), w.heldOn(), w.anonymous(), w.joinCode(), w.status(), w.voting(), w.dots(),
                w.version(), w.facilitator(), w.createdAt(), w.closedAt(), departments);
    }

    private Workshop workshopRow(ResultSet rs, int n) throws SQLException {
        OffsetDateTime closed = rs.getObject(13, OffsetDateTime.class);
        return new Workshop(rs.getObject(1, UUID.class), new JourneyId(rs.getObject(2, UUID.class)), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getBoolean(5), rs.getString(6), Workshop.Status.valueOf(rs.getString(7)),
                Workshop.Voting.valueOf(rs.getString(8)), rs.getInt(9), rs.getLong(10), rs.getString(11),
                rs.getObject(12, OffsetDateTime.class).toInstant(), closed == null ? null : closed.toInstant(), List.of());
    }

    private Participant participantRow(ResultSet rs, int n) throws SQLException {
        return new Participant(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant());
    }

    private Item itemRow(ResultSet rs, int n) throws SQLException {
        UUID touchpoint = rs.getObject(4, UUID.class);
        return new Item(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), new StageId(rs.getObject(3, UUID.class)),
                touchpoint == null ? null : new TouchpointId(touchpoint), ItemKind.valueOf(rs.getString(5)), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getObject(9, UUID.class), rs.getObject(10, UUID.class),
                rs.getObject(11, OffsetDateTime.class).toInstant(), rs.getObject(12, OffsetDateTime.class).toInstant());
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
