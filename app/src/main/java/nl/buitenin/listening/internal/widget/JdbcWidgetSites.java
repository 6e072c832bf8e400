package nl.buitenin.listening.internal.widget;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.journey.TouchpointId;

/** Registered widget sites. */
@Repository
class JdbcWidgetSites {

    private final JdbcClient jdbc;

    JdbcWidgetSites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(WidgetSite site) {
        jdbc.sql("insert into listening_widget_site (id, name, survey_lineage, touchpoint_id, origins, created_at) "
                        + "values (:id, :name, :lineage, :touchpoint, :origins, :created)")
                .param("id", site.id()).param("name", site.name()).param("lineage", site.surveyLineage())
                .param("touchpoint", site.touchpoint().value()).param("origins", String.join("\n", site.origins()))
                .param("created", OffsetDateTime.ofInstant(site.createdAt(), ZoneOffset.UTC))
                .update();
    }

    Optional<WidgetSite> byId(UUID id) {
        return jdbc.sql("select * from listening_widget_site where id = :id").param("id", id)
                .query((rs, n) -> read(rs)).optional();
    }

    List<WidgetSite> all() {
        return jdbc.sql("select * from listening_widget_site order by name, created_at").query((rs, n) -> read(rs)).list();
    }

    boolean remove(UUID id) {
        return jdbc.sql("delete from listening_widget_site where id = :id").param("id", id).update() == 1;
    }

    private static WidgetSite read(ResultSet rs) throws SQLException {
        return new WidgetSite(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("survey_lineage", UUID.class),
                new TouchpointId(rs.getObject("touchpoint_id", UUID.class)), Arrays.asList(rs.getString("origins").split("\n")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
