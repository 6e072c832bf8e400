package nl.buitenin.demand.internal.volume;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.demand.ContactVolume;
import nl.buitenin.demand.ContactVolumes;
import nl.buitenin.demand.VolumesRecorded;
import nl.buitenin.demand.internal.DemandProperties;
import nl.buitenin.journey.Channel;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/** Contact counts in the database, one row per channel, location and interval. */
@Repository
public class JdbcContactVolumes implements ContactVolumes {

    /** Declared so that a null needs no parameter metadata lookup (which halves the time of a large import on H2). */
    private static final int[] COLUMN_TYPES = {Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.INTEGER,
            Types.BIGINT, Types.BIGINT, Types.DOUBLE, Types.BIGINT, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Organisations organisations;
    private final DemandProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcContactVolumes(JdbcClient jdbc, JdbcTemplate batch, Organisations organisations, DemandProperties properties, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.organisations = organisations;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** One stored count, as read back. */
    public record Stored(Channel channel, String location, Instant intervalStart, long offered, Long handled, Double ahtSeconds,
            Long abandoned) {
    }

    @Override
    @Transactional
    public Recorded record(List<ContactVolume> volumes) {
        ZoneId zone = organisations.current().timeZone();
        int minutes = properties.intervalMinutes();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < volumes.size(); i++) {
            ZonedDateTime local = volumes.get(i).intervalStart().atZone(zone);
            if (!Intervals.floor(local, minutes).equals(local)) {
                errors.add(FieldError.of("volumes[" + i + "].intervalStart", "demand.invalid.intervalStart",
                        local.toOffsetDateTime().toString(), minutes, zone.toString()));
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(intervalTotalsTooHigh(volumes));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>(volumes.size());
        for (ContactVolume v : volumes) {
            rows.add(new Object[] {UUID.randomUUID(), v.channel().name(), v.location(), OffsetDateTime.ofInstant(v.intervalStart(),
                    ZoneOffset.UTC), minutes, v.offered(), v.handled(), v.ahtSeconds(), v.abandoned(), v.sourceId(), now});
        }
        // A batch, because imports and the demo send tens of thousands; a row already present counts 0.
        int inserted = 0;
        for (int count : batch.batchUpdate("""
                insert into demand_volume (id, channel, location, interval_start, interval_minutes, offered, handled, aht_seconds,
                    abandoned, source_id, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""", rows, COLUMN_TYPES)) {
            inserted += Math.max(count, 0);
        }
        if (inserted > 0) {
            Instant from = volumes.stream().map(ContactVolume::intervalStart).min(Comparator.naturalOrder()).orElseThrow();
            Instant to = volumes.stream().map(ContactVolume::intervalStart).max(Comparator.naturalOrder()).orElseThrow();
            events.publishEvent(new VolumesRecorded(inserted, from, to));
        }
        return new Recorded(volumes.size(), inserted, volumes.size() - inserted);
    }

    private record IntervalKey(String channel, String location, Instant start) {
    }

    /**
     * Each item whose interval (channel, location, start) would count more than {@link ContactVolume#MAX_PER_INTERVAL}
     * together with the counts already stored for it and the batch's other items for it: so no sum of one interval
     * ever overflows, whatever reads it. Each row is already at most that limit, so these sums fit in a long.
     */
    private List<FieldError> intervalTotalsTooHigh(List<ContactVolume> volumes) {
        Map<IntervalKey, BigDecimal> totals = new HashMap<>();
        Instant from = volumes.stream().map(ContactVolume::intervalStart).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = volumes.stream().map(ContactVolume::intervalStart).max(Comparator.naturalOrder()).orElseThrow();
        jdbc.sql("""
                select channel, location, interval_start, sum(offered) from demand_volume
                where source = 'reported' and interval_start >= :from and interval_start <= :to
                group by channel, location, interval_start""")
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC)).param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query(rs -> {
                    totals.put(new IntervalKey(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()),
                            rs.getBigDecimal(4));
                });
        List<FieldError> errors = new ArrayList<>();
        BigDecimal max = BigDecimal.valueOf(ContactVolume.MAX_PER_INTERVAL);
        for (int i = 0; i < volumes.size(); i++) {
            ContactVolume v = volumes.get(i);
            BigDecimal total = totals.merge(new IntervalKey(v.channel().name(), v.location(), v.intervalStart()),
                    BigDecimal.valueOf(v.offered()), BigDecimal::add);
            if (total.compareTo(max) > 0) {
                errors.add(FieldError.of("volumes[" + i + "].offered", "demand.invalid.intervalTotal", total.toPlainString(),
                        ContactVolume.MAX_PER_INTERVAL));
            }
        }
        return errors;
    }

    /** Every series that has counts, by channel and location. */
    public List<SeriesKey> series() {
        return jdbc.sql("select distinct channel, location from demand_volume order by channel, location")
                .query((rs, n) -> new SeriesKey(Channel.valueOf(rs.getString(1)), rs.getString(2))).list();
    }

    /** The source whose counts the series uses (see {@link VolumeSource#preferred}). */
    public VolumeSource sourceOf(SeriesKey series) {
        List<VolumeSource> present = jdbc.sql("select distinct source from demand_volume where channel = :channel and location = :location")
                .param("channel", series.channel().name()).param("location", series.location())
                .query((rs, n) -> VolumeSource.ofColumn(rs.getString(1))).list();
        return VolumeSource.preferred(present);
    }

    /** The counts of a series from {@code from} (inclusive) to {@code to} (exclusive), oldest first, from the source it uses. */
    public List<Stored> counts(SeriesKey series, Instant from, Instant to) {
        return jdbc.sql("""
                select channel, location, interval_start, offered, handled, aht_seconds, abandoned from demand_volume
                where channel = :channel and location = :location and source = :source
                  and interval_start >= :from and interval_start < :to
                order by interval_start""")
                .param("channel", series.channel().name()).param("location", series.location()).param("source", sourceOf(series).column())
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC)).param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query((rs, n) -> new Stored(Channel.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getLong(4), (Long) rs.getObject(5, Long.class),
                        (Double) rs.getObject(6, Double.class), (Long) rs.getObject(7, Long.class)))
                .list();
    }

    /** The last moment with a count in the source the series uses, or null when there are none. */
    public Instant latest(SeriesKey series) {
        return jdbc.sql("select max(interval_start) from demand_volume where channel = :channel and location = :location and source = :source")
                .param("channel", series.channel().name()).param("location", series.location()).param("source", sourceOf(series).column())
                .query((rs, n) -> {
                    OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                    return t == null ? null : t.toInstant();
                }).optional().orElse(null);
    }

    public void addClosure(LocalDate day, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw InvalidInputException.of("reason", "demand.invalid.reason");
        }
        if (day == null) {
            throw InvalidInputException.of("day", "demand.invalid.required");
        }
        jdbc.sql("delete from demand_closure where closed_on = :day").param("day", day).update();
        jdbc.sql("insert into demand_closure (closed_on, reason) values (:day, :reason)").param("day", day).param("reason", reason.trim()).update();
    }

    public void removeClosure(LocalDate day) {
        jdbc.sql("delete from demand_closure where closed_on = :day").param("day", day).update();
    }

    public java.util.Map<LocalDate, String> closures() {
        java.util.Map<LocalDate, String> result = new java.util.TreeMap<>();
        jdbc.sql("select closed_on, reason from demand_closure order by closed_on")
                .query((rs, n) -> result.put(rs.getObject(1, LocalDate.class), rs.getString(2))).list();
        return result;
    }
}
