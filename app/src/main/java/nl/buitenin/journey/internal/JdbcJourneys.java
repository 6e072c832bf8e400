package nl.buitenin.journey.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.Stage;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;

/** Journeys, stages and touchpoints in the database; a journey is small, so it is always read whole. */
@Repository
public class JdbcJourneys implements Journeys {

    static final int MAX_LOCATION = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcJourneys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public JourneyId createJourney(Names names) {
        UniqueNames.checkJourney(jdbc, names, null);
        JourneyId id = new JourneyId(UUID.randomUUID());
        jdbc.sql("insert into journey (id, name_nl, name_en, created_at) values (:id, :nl, :en, :now)")
                .param("id", id.value()).param("nl", names.nl()).param("en", names.en())
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        return id;
    }

    @Transactional
    public StageId addStage(JourneyId journey, Names names) {
        requireJourney(journey);
        UniqueNames.checkStage(jdbc, journey.value(), names, null);
        StageId id = new StageId(UUID.randomUUID());
        Integer position = jdbc.sql("select coalesce(max(position), 0) + 1 from journey_stage where journey_id = :j")
                .param("j", journey.value()).query(Integer.class).single();
        jdbc.sql("insert into journey_stage (id, journey_id, name_nl, name_en, position) values (:id, :j, :nl, :en, :p)")
                .param("id", id.value()).param("j", journey.value()).param("nl", names.nl()).param("en", names.en())
                .param("p", position)
                .update();
        return id;
    }

    @Transactional
    public TouchpointId addTouchpoint(StageId stage, Names names, Channel channel, String location) {
        String place = checkedPlace(channel, location);
        UUID journey = jdbc.sql("select journey_id from journey_stage where id = :s").param("s", stage.value())
                .query(UUID.class).optional().orElseThrow(() -> new NotFoundException("journey.thing.stage", stage.toString()));
        UniqueNames.checkTouchpoint(jdbc, stage.value(), names, place, null);
        TouchpointId id = new TouchpointId(UUID.randomUUID());
        Integer position = jdbc.sql("select coalesce(max(position), 0) + 1 from touchpoint where stage_id = :s")
                .param("s", stage.value()).query(Integer.class).single();
        jdbc.sql("insert into touchpoint (id, journey_id, stage_id, name_nl, name_en, channel, location, position) "
                        + "values (:id, :j, :s, :nl, :en, :c, :l, :p)")
                .param("id", id.value()).param("j", journey).param("s", stage.value()).param("nl", names.nl())
                .param("en", names.en()).param("c", channel.name()).param("l", place).param("p", position)
                .update();
        return id;
    }

    @Override
    public List<Journey> all() {
        return assemble(journeyRows(" where archived_at is null", null), null, false);
    }

    @Override
    public List<Journey> allIncludingArchived() {
        return assemble(journeyRows("", null), null, true);
    }

    @Override
    public Optional<Journey> byId(JourneyId id) {
        return assemble(journeyRows(" where id = :id", id), id, true).stream().findFirst();
    }

    private List<JourneyRow> journeyRows(String where, JourneyId id) {
        var query = jdbc.sql("select id, name_nl, name_en, archived_at from journey" + where + " order by created_at, name_nl");
        if (id != null) {
            query = query.param("id", id.value());
        }
        return query.query((rs, n) -> new JourneyRow(new JourneyId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                rs.getObject(4) != null)).list();
    }

    /** The channel is required; the place is optional (blank is none) and at most {@value #MAX_LOCATION} characters. */
    static String checkedPlace(Channel channel, String location) {
        if (channel == null) {
            throw InvalidInputException.of("channel", "journey.invalid.channel", List.of(Channel.values()).toString());
        }
        String place = location == null || location.isBlank() ? null : location.strip();
        if (place != null && place.length() > MAX_LOCATION) {
            throw InvalidInputException.of("location", "journey.invalid.atMost", MAX_LOCATION);
        }
        return place;
    }

    /** The journey a stage belongs to. */
    public Optional<JourneyId> journeyOfStage(StageId stage) {
        return jdbc.sql("select journey_id from journey_stage where id = :s").param("s", stage.value()).query(UUID.class).optional()
                .map(JourneyId::new);
    }

    /** Whether the stage itself is archived (not merely its journey). */
    public boolean stageArchived(StageId stage) {
        return ownArchived("journey_stage", stage.value());
    }

    /** Whether the touchpoint itself is archived (not merely its stage or journey). */
    public boolean touchpointArchived(TouchpointId touchpoint) {
        return ownArchived("touchpoint", touchpoint.value());
    }

    private boolean ownArchived(String table, UUID id) {
        return jdbc.sql("select count(*) from " + table + " where id = :id and archived_at is not null").param("id", id)
                .query(Long.class).single() > 0;
    }

    private void requireJourney(JourneyId journey) {
        if (jdbc.sql("select count(*) from journey where id = :id").param("id", journey.value()).query(Long.class).single() == 0) {
            throw new NotFoundException("journey.thing.journey", journey.toString());
        }
    }


    private record JourneyRow(JourneyId id, String nl, String en, boolean archived) {
    }

    private record StageRow(StageId id, JourneyId journey, String nl, String en, boolean archived) {
    }

    /**
     * Reads stages and touchpoints of all journeys (or one) in two queries rather than one per journey; without
     * {@code archived} the archived stages and touchpoints are left out.
     */
    private List<Journey> assemble(List<JourneyRow> journeys, JourneyId only, boolean archived) {
        List<String> stageWhere = new ArrayList<>();
        List<String> touchpointWhere = new ArrayList<>();
        if (only != null) {
            stageWhere.add("s.journey_id = :j");
            touchpointWhere.add("t.journey_id = :j");
        }
        if (!archived) {
            stageWhere.add("s.archived_at is null");
            touchpointWhere.add(JdbcTouchpoints.IN_USE);
        }
        var stageQuery = jdbc.sql("select s.id, s.journey_id, s.name_nl, s.name_en, s.archived_at from journey_stage s"
                + where(stageWhere) + " order by s.position");
        var touchpointQuery = jdbc.sql(JdbcTouchpoints.SELECT + where(touchpointWhere) + " order by s.position, t.position");
        if (only != null) {
            stageQuery = stageQuery.param("j", only.value());
            touchpointQuery = touchpointQuery.param("j", only.value());
        }
        List<StageRow> stages = stageQuery.query((rs, n) -> new StageRow(new StageId(rs.getObject(1, UUID.class)),
                new JourneyId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getString(4), rs.getObject(5) != null)).list();
        Map<StageId, List<Touchpoint>> touchpoints = new LinkedHashMap<>();
        for (Touchpoint touchpoint : touchpointQuery.query(JdbcTouchpoints::touchpoint).list()) {
            touchpoints.computeIfAbsent(touchpoint.stage(), s -> new ArrayList<>()).add(touchpoint);
        }
        List<Journey> result = new ArrayList<>();
        for (JourneyRow journey : journeys) {
            List<Stage> ofJourney = stages.stream().filter(s -> s.journey().equals(journey.id()))
                    .map(s -> new Stage(s.id(), s.nl(), s.en(), touchpoints.getOrDefault(s.id(), List.of()),
                            s.archived() || journey.archived()))
                    .toList();
            result.add(new Journey(journey.id(), journey.nl(), journey.en(), ofJourney, journey.archived()));
        }
        return result;
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
