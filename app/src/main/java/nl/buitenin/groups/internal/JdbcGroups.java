package nl.buitenin.groups.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.groups.GroupId;
import nl.buitenin.groups.GroupKind;
import nl.buitenin.platform.ConflictException;

/** The groups as defined, in {@code groups_group}. Names are unique per language. */
@Repository
public class JdbcGroups {

    private static final String COLUMNS = "id, name_nl, name_en, description_nl, description_en, kind, split, rule_text, active, created_at, updated_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcGroups(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What an administrator gives for a group; checked by {@link GroupDefinition#read}. */
    public record Definition(String nameNl, String nameEn, String descriptionNl, String descriptionEn, GroupKind kind,
            @org.jspecify.annotations.Nullable String split, @org.jspecify.annotations.Nullable Rule rule) {
    }

    public Group create(Definition definition) {
        GroupId id = GroupId.random();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        try {
            jdbc.sql("insert into groups_group (" + COLUMNS + ") values (:id, :nameNl, :nameEn, :descriptionNl, :descriptionEn, :kind, "
                    + ":split, :rule, true, :now, :now)")
                    .param("id", id.value()).params(params(definition)).param("now", now).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("groups.conflict.name", definition.nameNl(), definition.nameEn());
        }
        return byId(id).orElseThrow();
    }

    public Group update(GroupId id, Definition definition) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int changed;
        try {
            changed = jdbc.sql("update groups_group set name_nl = :nameNl, name_en = :nameEn, description_nl = :descriptionNl, "
                    + "description_en = :descriptionEn, kind = :kind, split = :split, rule_text = :rule, updated_at = :now where id = :id")
                    .param("id", id.value()).params(params(definition)).param("now", now).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("groups.conflict.name", definition.nameNl(), definition.nameEn());
        }
        if (changed == 0) {
            throw new nl.buitenin.platform.NotFoundException("groups.thing.group", id);
        }
        return byId(id).orElseThrow();
    }

    /** Retires a group: it takes no new members and its open memberships end now; its history stays for comparisons. */
    public void retire(GroupId id, Instant at) {
        OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        if (jdbc.sql("update groups_group set active = false, updated_at = :now where id = :id").param("id", id.value())
                .param("now", now).update() == 0) {
            throw new nl.buitenin.platform.NotFoundException("groups.thing.group", id);
        }
        jdbc.sql("update groups_membership set valid_to = :now where group_id = :id and valid_to is null and valid_from < :now")
                .param("id", id.value()).param("now", now).update();
        jdbc.sql("delete from groups_membership where group_id = :id and valid_from >= :now").param("id", id.value()).param("now", now).update();
    }

    private static java.util.Map<String, Object> params(Definition d) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("nameNl", d.nameNl());
        params.put("nameEn", d.nameEn());
        params.put("descriptionNl", d.descriptionNl());
        params.put("descriptionEn", d.descriptionEn());
        params.put("kind", d.kind().name());
        params.put("split", d.split());
        params.put("rule", d.rule() == null ? null : d.rule().text());
        return params;
    }

    public Optional<Group> byId(GroupId id) {
        return jdbc.sql("select " + COLUMNS + " from groups_group where id = :id").param("id", id.value()).query(JdbcGroups::group).optional();
    }

    /** Every group, active ones first, by Dutch name. */
    public List<Group> all() {
        return jdbc.sql("select " + COLUMNS + " from groups_group order by active desc, name_nl").query(JdbcGroups::group).list();
    }

    /** The active groups by rule. */
    public List<Group> activeRules() {
        return jdbc.sql("select " + COLUMNS + " from groups_group where active = true and kind = 'RULE' order by name_nl")
                .query(JdbcGroups::group).list();
    }

    private static Group group(ResultSet rs, int row) throws SQLException {
        String rule = rs.getString("rule_text");
        return new Group(new GroupId(rs.getObject("id", UUID.class)), rs.getString("name_nl"), rs.getString("name_en"),
                rs.getString("description_nl"), rs.getString("description_en"), GroupKind.valueOf(rs.getString("kind")),
                rs.getString("split"), rule == null ? null : Rule.parse("rule", rule), rs.getBoolean("active"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
