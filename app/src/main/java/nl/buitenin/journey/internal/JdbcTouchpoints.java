package nl.buitenin.journey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;

@Repository
public class JdbcTouchpoints implements Touchpoints {

    static final String SELECT = "select t.id, t.journey_id, t.stage_id, t.name_nl, t.name_en, t.channel, t.location, "
            + "t.archived_at, s.archived_at, j.archived_at "
            + "from touchpoint t join journey_stage s on s.id = t.stage_id join journey j on j.id = t.journey_id";
    /** A touchpoint is in use when neither it, nor its stage, nor its journey is archived. */
    static final String IN_USE = "t.archived_at is null and s.archived_at is null and j.archived_at is null";

    private final JdbcClient jdbc;

    JdbcTouchpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Touchpoint> byId(TouchpointId id) {
        return jdbc.sql(SELECT + " where t.id = :id").param("id", id.value()).query(JdbcTouchpoints::touchpoint).optional();
    }

    @Override
    public List<Touchpoint> all() {
        return jdbc.sql(SELECT + " where " + IN_USE + " order by j.created_at, s.position, t.position")
                .query(JdbcTouchpoints::touchpoint).list();
    }

    @Override
    public List<Touchpoint> allIncludingArchived() {
        return jdbc.sql(SELECT + " order by j.created_at, s.position, t.position").query(JdbcTouchpoints::touchpoint).list();
    }

    @Override
    public List<Touchpoint> ofJourney(JourneyId journey) {
        return jdbc.sql(SELECT + " where t.journey_id = :j and " + IN_USE + " order by s.position, t.position")
                .param("j", journey.value()).query(JdbcTouchpoints::touchpoint).list();
    }

    static Touchpoint touchpoint(ResultSet rs, int row) throws SQLException {
        return new Touchpoint(new TouchpointId(rs.getObject(1, UUID.class)), new JourneyId(rs.getObject(2, UUID.class)),
                new StageId(rs.getObject(3, UUID.class)), rs.getString(4), rs.getString(5), Channel.valueOf(rs.getString(6)),
                rs.getString(7), rs.getObject(8) != null || rs.getObject(9) != null || rs.getObject(10) != null);
    }
}
