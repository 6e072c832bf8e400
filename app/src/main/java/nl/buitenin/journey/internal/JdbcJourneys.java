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
        if (channel == null) {
            throw InvalidInputException.of("channel", "journey.invalid.channel", List.of(Channel.values()).toString());
        }
        String place = location == null || location.isBlank() ? null : location.strip();
        if (place != null && place.length() > MAX_LOCATION) {
            throw InvalidInputException.of("location", "journey.invalid.atMost", MAX_LOCATION);
        }
        UUID journey = jdbc.sql("select journey_id from journey_stage where id = :s").param("s", stage.value())
                .query(UUID.class).optional().orElseThrow(() -> new NotFoundException("journey.thing.stage", stage.toString()));
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
        List<JourneyRow> journeys = jdbc.sql("select id, name_nl, name_en from journey order by created_at, name_nl")
                .query((rs, n) -> new JourneyRow(new JourneyId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3)))
                .list();
        return assemble(journeys, null);
    }

    @Override
    public Optional<Journey> byId(JourneyId id) {
        List<JourneyRow> journeys = jdbc.sql("select id, name_nl, name_en from journey where id = :id")
                .param("id", id.value())
                .query((rs, n) -> new JourneyRow(new JourneyId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3)))
                .list();
        return assemble(journeys, id).stream().findFirst();
    }

    private void requireJourney(JourneyId journey) {
        if (jdbc.sql("select count(*) from journey where id = :id").param("id", journey.value()).query(Long.class).single() == 0) {
            throw new NotFoundException("journey.thing.journey", journey.toString());
        }
    }


    private record JourneyRow(JourneyId id, String nl, String en) {
    }

    private record StageRow(StageId id, JourneyId journey, String nl, String en) {
    }

    /** Reads stages and touchpoints of all journeys (or one) in two queries rather than one per journey. */
    private List<Journey> assemble(List<JourneyRow> journeys, JourneyId only) {
        String where = only == null ? "" : " where s.journey_id = :j";
        var stageQuery = jdbc.sql("select s.id, s.journey_id, s.name_nl, s.name_en from journey_stage s" + where + " order by s.position");
        var touchpointQuery = jdbc.sql(JdbcTouchpoints.SELECT + (only == null ? "" : " where t.journey_id = :j") + " order by s.position, t.position");
        if (only != null) {
            stageQuery = stageQuery.param("j", only.value());
            touchpointQuery = touchpointQuery.param("j", only.value());
        }
        List<StageRow> stages = stageQuery.query((rs, n) -> new StageRow(new StageId(rs.getObject(1, UUID.class)),
                new JourneyId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getString(4))).list();
        Map<StageId, List<Touchpoint>> touchpoints = new LinkedHashMap<>();
        for (Touchpoint touchpoint : touchpointQuery.query(JdbcTouchpoints::touchpoint).list()) {
            touchpoints.computeIfAbsent(touchpoint.stage(), s -> new ArrayList<>()).add(touchpoint);
        }
        List<Journey> result = new ArrayList<>();
        for (JourneyRow journey : journeys) {
            List<Stage> ofJourney = stages.stream().filter(s -> s.journey().equals(journey.id()))
                    .map(s -> new Stage(s.id(), s.nl(), s.en(), touchpoints.getOrDefault(s.id(), List.of())))
                    .toList();
            result.add(new Journey(journey.id(), journey.nl(), journey.en(), ofJourney));
        }
        return result;
    }
}
