package nl.buitenin.journey.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;

/**
 * Changes a mapped journey: renames, a touchpoint's channel, place and stage, the order of stages and of the
 * touchpoints in a stage, and archiving and restoring. Ids never change, so everything recorded against a
 * touchpoint (interactions, answers, scores, cases) follows it.
 */
@Service
public class JourneyEditor {

    /** What can be archived; the table holds its {@code archived_at}. */
    public enum Level {
        JOURNEY("journey"), STAGE("journey_stage"), TOUCHPOINT("touchpoint");

        private final String table;

        Level(String table) {
            this.table = table;
        }
    }

    /** A touchpoint's new names, channel, place (optional) and stage. */
    public record TouchpointChange(Names names, Channel channel, String location, StageId stage) {
    }

    public enum Direction { UP, DOWN }

    private final JdbcClient jdbc;
    private final Clock clock;

    JourneyEditor(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void renameJourney(JourneyId journey, Names names) {
        require(Level.JOURNEY, journey.value());
        UniqueNames.checkJourney(jdbc, names, journey.value());
        jdbc.sql("update journey set name_nl = :nl, name_en = :en where id = :id")
                .param("nl", names.nl()).param("en", names.en()).param("id", journey.value()).update();
    }

    @Transactional
    public void renameStage(StageId stage, Names names) {
        UUID journey = journeyOfStage(stage);
        UniqueNames.checkStage(jdbc, journey, names, stage.value());
        jdbc.sql("update journey_stage set name_nl = :nl, name_en = :en where id = :id")
                .param("nl", names.nl()).param("en", names.en()).param("id", stage.value()).update();
    }

    /** Renames a touchpoint and sets its channel and place; a new stage puts it at the end of that stage. */
    @Transactional
    public void changeTouchpoint(TouchpointId touchpoint, TouchpointChange change) {
        UUID currentStage = jdbc.sql("select stage_id from touchpoint where id = :id").param("id", touchpoint.value())
                .query(UUID.class).optional().orElseThrow(() -> new NotFoundException("journey.thing.touchpoint", touchpoint.toString()));
        String place = JdbcJourneys.checkedPlace(change.channel(), change.location());
        StageId target = change.stage() == null ? new StageId(currentStage) : change.stage();
        UUID journey = jdbc.sql("select journey_id from journey_stage where id = :s").param("s", target.value())
                .query(UUID.class).optional()
                .orElseThrow(() -> InvalidInputException.of("stage", "journey.invalid.unknownStage", String.valueOf(target)));
        UniqueNames.checkTouchpoint(jdbc, target.value(), change.names(), place, touchpoint.value());
        boolean moved = !target.value().equals(currentStage);
        jdbc.sql("update touchpoint set name_nl = :nl, name_en = :en, channel = :c, location = :l, stage_id = :s, journey_id = :j"
                        + (moved ? ", position = (select coalesce(max(position), 0) + 1 from touchpoint where stage_id = :s)" : "")
                        + " where id = :id")
                .param("nl", change.names().nl()).param("en", change.names().en()).param("c", change.channel().name())
                .param("l", place).param("s", target.value()).param("j", journey).param("id", touchpoint.value())
                .update();
        if (moved) {
            renumber("touchpoint", "stage_id", currentStage);
        }
    }

    /** Puts the journey's stages in the given order; the list names every stage of the journey once. */
    @Transactional
    public void orderStages(JourneyId journey, List<StageId> order) {
        require(Level.JOURNEY, journey.value());
        List<UUID> current = children("journey_stage", "journey_id", journey.value());
        applyOrder("journey_stage", "stages", current, order == null ? null : order.stream().map(StageId::value).toList());
    }

    /** Puts the stage's touchpoints in the given order; the list names every touchpoint of the stage once. */
    @Transactional
    public void orderTouchpoints(StageId stage, List<TouchpointId> order) {
        journeyOfStage(stage);
        List<UUID> current = children("touchpoint", "stage_id", stage.value());
        applyOrder("touchpoint", "touchpoints", current, order == null ? null : order.stream().map(TouchpointId::value).toList());
    }

    /** Moves a stage one place earlier or later in its journey (the page's arrows). */
    @Transactional
    public void moveStage(StageId stage, Direction direction) {
        UUID journey = journeyOfStage(stage);
        List<UUID> order = new ArrayList<>(children("journey_stage", "journey_id", journey));
        swap(order, stage.value(), direction);
        applyOrder("journey_stage", "stages", children("journey_stage", "journey_id", journey), order);
    }

    /** Moves a touchpoint one place earlier or later in its stage. */
    @Transactional
    public void moveTouchpoint(TouchpointId touchpoint, Direction direction) {
        UUID stage = jdbc.sql("select stage_id from touchpoint where id = :id").param("id", touchpoint.value())
                .query(UUID.class).optional().orElseThrow(() -> new NotFoundException("journey.thing.touchpoint", touchpoint.toString()));
        List<UUID> order = new ArrayList<>(children("touchpoint", "stage_id", stage));
        swap(order, touchpoint.value(), direction);
        applyOrder("touchpoint", "touchpoints", children("touchpoint", "stage_id", stage), order);
    }

    /**
     * Archives or restores one journey, stage or touchpoint. Archiving a journey or stage hides what is under it
     * without marking it, so restoring the journey brings back exactly what was in use before.
     */
    @Transactional
    public void setArchived(Level level, UUID id, boolean archived) {
        require(level, id);
        jdbc.sql("update " + level.table + " set archived_at = :at where id = :id")
                .param("at", archived ? OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("id", id).update();
    }

    private void swap(List<UUID> order, UUID item, Direction direction) {
        int at = order.indexOf(item);
        int to = direction == Direction.UP ? at - 1 : at + 1;
        if (at >= 0 && to >= 0 && to < order.size()) {
            order.set(at, order.get(to));
            order.set(to, item);
        }
    }

    private List<UUID> children(String table, String parentColumn, UUID parent) {
        return jdbc.sql("select id from " + table + " where " + parentColumn + " = :p order by position, id")
                .param("p", parent).query(UUID.class).list();
    }

    private void applyOrder(String table, String field, List<UUID> current, List<UUID> wanted) {
        Set<UUID> distinct = wanted == null ? Set.of() : new HashSet<>(wanted);
        if (wanted == null || wanted.size() != current.size() || distinct.size() != wanted.size() || !distinct.containsAll(current)) {
            throw InvalidInputException.of(field, "journey.invalid.order", current.size());
        }
        for (int i = 0; i < wanted.size(); i++) {
            jdbc.sql("update " + table + " set position = :p where id = :id").param("p", i + 1).param("id", wanted.get(i)).update();
        }
    }

    private void renumber(String table, String parentColumn, UUID parent) {
        List<UUID> order = children(table, parentColumn, parent);
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("update " + table + " set position = :p where id = :id").param("p", i + 1).param("id", order.get(i)).update();
        }
    }

    private UUID journeyOfStage(StageId stage) {
        return jdbc.sql("select journey_id from journey_stage where id = :s").param("s", stage.value())
                .query(UUID.class).optional().orElseThrow(() -> new NotFoundException("journey.thing.stage", stage.toString()));
    }

    private void require(Level level, UUID id) {
        if (jdbc.sql("select count(*) from " + level.table + " where id = :id").param("id", id).query(Long.class).single() == 0) {
            throw new NotFoundException("journey.thing." + level.name().toLowerCase(java.util.Locale.ROOT), id.toString());
        }
    }
}
