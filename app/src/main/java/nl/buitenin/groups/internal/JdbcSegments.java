package nl.buitenin.groups.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.springframework.stereotype.Repository;

import nl.buitenin.groups.GroupId;
import nl.buitenin.privacy.PersonKey;

/** Segment proposals with their traits and members, and the attributes the finder reads, in groups' own tables. */
@Repository
public class JdbcSegments {

    private static final String COLUMNS = "id, run_id, position, size, name_nl, name_en, state, group_id, run_k, silhouette, run_people, created_at";

    private final JdbcClient jdbc;

    JdbcSegments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every person's attribute values that hold at {@code at}: per person, per name, the latest value from before it. */
    public Map<PersonKey, Map<String, String>> attributesAt(Instant at) {
        Map<PersonKey, Map<String, String>> values = new HashMap<>();
        jdbc.sql("select person_key, name, attr_value from groups_attribute where valid_from <= :at order by valid_from, recorded_at, source_id")
                .param("at", JdbcMemberships.utc(at))
                .query((ResultSet rs) -> {
                    values.computeIfAbsent(new PersonKey(rs.getString(1)), p -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        return values;
    }

    /** Replaces the open proposals (and their members) by a new run's. */
    public void replaceOpen(List<SegmentProposal> proposals, Map<Integer, List<PersonKey>> members) {
        List<UUID> open = jdbc.sql("select id from groups_segment_proposal where state = 'PROPOSED'").query(UUID.class).list();
        for (UUID id : open) {
            jdbc.sql("delete from groups_segment_member where proposal_id = :id").param("id", id).update();
            jdbc.sql("delete from groups_segment_trait where proposal_id = :id").param("id", id).update();
            jdbc.sql("delete from groups_segment_proposal where id = :id").param("id", id).update();
        }
        for (SegmentProposal p : proposals) {
            jdbc.sql("insert into groups_segment_proposal (" + COLUMNS + ") values (:id, :run, :position, :size, :nl, :en, 'PROPOSED', null, "
                    + ":k, :silhouette, :people, :at)").param("id", p.id()).param("run", p.run()).param("position", p.position())
                    .param("size", p.size()).param("nl", p.nameNl()).param("en", p.nameEn()).param("k", p.k())
                    .param("silhouette", p.silhouette()).param("people", p.people()).param("at", JdbcMemberships.utc(p.createdAt())).update();
            for (int i = 0; i < p.traits().size(); i++) {
                SegmentProposal.Trait t = p.traits().get(i);
                jdbc.sql("insert into groups_segment_trait (proposal_id, position, kind, label_nl, label_en, trait_value, inside, outside) "
                        + "values (:id, :position, :kind, :nl, :en, :value, :inside, :outside)").param("id", p.id()).param("position", i)
                        .param("kind", t.kind().name()).param("nl", cut(t.labelNl(), 200)).param("en", cut(t.labelEn(), 200))
                        .param("value", t.value()).param("inside", t.inside()).param("outside", t.outside()).update();
            }
            for (PersonKey person : members.getOrDefault(p.position(), List.of())) {
                jdbc.sql("insert into groups_segment_member (proposal_id, person_key) values (:id, :p)").param("id", p.id())
                        .param("p", person.value()).update();
            }
        }
    }

    /** The open proposals, largest first. */
    public List<SegmentProposal> open() {
        return withTraits(jdbc.sql("select " + COLUMNS + " from groups_segment_proposal where state = 'PROPOSED' order by size desc, position")
                .query(JdbcSegments::proposal).list());
    }

    public Optional<SegmentProposal> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from groups_segment_proposal where id = :id").param("id", id).query(JdbcSegments::proposal)
                .optional().map(p -> withTraits(List.of(p)).get(0));
    }

    public List<PersonKey> members(UUID proposal) {
        return jdbc.sql("select person_key from groups_segment_member where proposal_id = :id order by person_key").param("id", proposal)
                .query((rs, row) -> new PersonKey(rs.getString(1))).list();
    }

    public void rename(UUID id, String nameNl, String nameEn) {
        jdbc.sql("update groups_segment_proposal set name_nl = :nl, name_en = :en where id = :id").param("id", id).param("nl", nameNl)
                .param("en", nameEn).update();
    }

    /** Marks a proposal decided (its members go); false when it was not open any more. */
    public boolean decide(UUID id, SegmentProposal.State state, @Nullable GroupId group, String by, Instant at) {
        int changed = jdbc.sql("update groups_segment_proposal set state = :state, group_id = :group, decided_by = :by, decided_at = :at "
                + "where id = :id and state = 'PROPOSED'").param("id", id).param("state", state.name())
                .param("group", group == null ? null : group.value()).param("by", cut(by, 100)).param("at", JdbcMemberships.utc(at)).update();
        jdbc.sql("delete from groups_segment_member where proposal_id = :id").param("id", id).update();
        return changed > 0;
    }

    public int forget(PersonKey person) {
        return jdbc.sql("delete from groups_segment_member where person_key = :p").param("p", person.value()).update();
    }

    private List<SegmentProposal> withTraits(List<SegmentProposal> proposals) {
        List<SegmentProposal> full = new ArrayList<>();
        for (SegmentProposal p : proposals) {
            List<SegmentProposal.Trait> traits = jdbc.sql("select kind, label_nl, label_en, trait_value, inside, outside from groups_segment_trait "
                    + "where proposal_id = :id order by position").param("id", p.id())
                    .query((rs, row) -> new SegmentProposal.Trait(SegmentProposal.Trait.Kind.valueOf(rs.getString(1)), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getDouble(5), rs.getDouble(6))).list();
            full.add(new SegmentProposal(p.id(), p.run(), p.position(), p.size(), p.nameNl(), p.nameEn(), p.state(), p.group(), p.k(),
                    p.silhouette(), p.people(), p.createdAt(), traits));
        }
        return full;
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    private static SegmentProposal proposal(ResultSet rs, int row) throws SQLException {
        UUID group = rs.getObject("group_id", UUID.class);
        return new SegmentProposal(rs.getObject("id", UUID.class), rs.getObject("run_id", UUID.class), rs.getInt("position"), rs.getLong("size"),
                rs.getString("name_nl"), rs.getString("name_en"), SegmentProposal.State.valueOf(rs.getString("state")),
                group == null ? null : new GroupId(group), rs.getInt("run_k"), rs.getDouble("silhouette"), rs.getLong("run_people"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), List.of());
    }
}
