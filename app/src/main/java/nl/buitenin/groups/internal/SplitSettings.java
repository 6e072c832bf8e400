package nl.buitenin.groups.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.groups.GroupId;

/**
 * What the organisation enters for a split's economics (administrators set, analysts read): per split the theme it was
 * meant to change, an hour of a guide's cost and a trip's hours; per group its trips a month, guides per trip before and
 * after the split, and the revenue per person it sends. Saving again replaces.
 */
@Repository
public class SplitSettings {

    /**
     * A split's settings; every value null until set. The agents' part: an agent's hour's cost, the service level the phone
     * line is staffed for (percent within seconds; demand's usual 80 % within 20 s when not set) and a call's handle time
     * in seconds (demand's measured one when not set).
     */
    public record Split(String split, @Nullable UUID theme, @Nullable Double hourlyCost, @Nullable Double hoursPerTrip,
            @Nullable Double agentHourlyCost, @Nullable Double servicePercent, @Nullable Double serviceSeconds, @Nullable Double ahtSeconds) {

        public Split(String split, @Nullable UUID theme, @Nullable Double hourlyCost, @Nullable Double hoursPerTrip) {
            this(split, theme, hourlyCost, hoursPerTrip, null, null, null, null);
        }

        /** The service level to staff for: as entered, else demand's usual one. */
        public nl.buitenin.demand.ContactStaffing.ServiceLevel serviceLevel() {
            var usual = nl.buitenin.demand.ContactStaffing.ServiceLevel.USUAL;
            return new nl.buitenin.demand.ContactStaffing.ServiceLevel(servicePercent == null ? usual.share() : servicePercent / 100,
                    serviceSeconds == null ? usual.seconds() : serviceSeconds);
        }
    }

    /** A group's organisation: trips a month, guides per trip before and after the split, revenue per person (optional). */
    public record GroupCosts(GroupId group, double tripsPerMonth, double guidesBefore, double guidesAfter,
            @Nullable Double revenuePerPerson) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SplitSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Split of(String split) {
        return jdbc.sql("select theme_id, hourly_cost, hours_per_trip, agent_hourly_cost, service_share, service_seconds, aht_seconds "
                        + "from groups_split_setting where split = :split").param("split", split)
                .query((rs, n) -> new Split(split, rs.getObject(1, UUID.class), (Double) rs.getObject(2, Double.class),
                        (Double) rs.getObject(3, Double.class), (Double) rs.getObject(4, Double.class), (Double) rs.getObject(5, Double.class),
                        (Double) rs.getObject(6, Double.class), (Double) rs.getObject(7, Double.class)))
                .optional().orElse(new Split(split, null, null, null));
    }

    @Transactional
    public void save(Split split, String by) {
        jdbc.sql("delete from groups_split_setting where split = :split").param("split", split.split()).update();
        jdbc.sql("insert into groups_split_setting (split, theme_id, hourly_cost, hours_per_trip, agent_hourly_cost, service_share, "
                        + "service_seconds, aht_seconds, updated_by, updated_at) "
                        + "values (:split, :theme, :cost, :hours, :agentCost, :share, :seconds, :aht, :by, :at)")
                .param("split", split.split()).param("theme", split.theme()).param("cost", split.hourlyCost())
                .param("hours", split.hoursPerTrip()).param("agentCost", split.agentHourlyCost()).param("share", split.servicePercent())
                .param("seconds", split.serviceSeconds()).param("aht", split.ahtSeconds()).param("by", by).param("at", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .update();
    }

    /** Per group its costs, for the groups that have them. */
    public Map<GroupId, GroupCosts> costs() {
        Map<GroupId, GroupCosts> costs = new HashMap<>();
        jdbc.sql("select group_id, trips_per_month, guides_before, guides_after, revenue_per_person from groups_group_economics")
                .query((rs, n) -> new GroupCosts(new GroupId(rs.getObject(1, UUID.class)), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        (Double) rs.getObject(5, Double.class)))
                .list().forEach(c -> costs.put(c.group(), c));
        return costs;
    }

    @Transactional
    public void save(GroupCosts costs, String by) {
        jdbc.sql("delete from groups_group_economics where group_id = :g").param("g", costs.group().value()).update();
        jdbc.sql("insert into groups_group_economics (group_id, trips_per_month, guides_before, guides_after, revenue_per_person, "
                        + "updated_by, updated_at) values (:g, :trips, :before, :after, :revenue, :by, :at)")
                .param("g", costs.group().value()).param("trips", costs.tripsPerMonth()).param("before", costs.guidesBefore())
                .param("after", costs.guidesAfter()).param("revenue", costs.revenuePerPerson()).param("by", by)
                .param("at", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))).update();
    }
}
