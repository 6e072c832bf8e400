package nl.buitenin.platform.internal.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Whether reads may go to the replica now. Every {@code check-interval} it measures the replica's lag: zero when the
 * replica has replayed the primary's WAL up to the position the primary reported just before, else the time since
 * the last transaction it replayed ({@code now() - pg_last_xact_replay_timestamp()}), an upper bound of how old its
 * data is. Reads go to the replica while that lag is at most {@code max-lag}; they go to the primary while it is
 * further behind, unreachable or no longer in recovery (promoted, so no longer receiving the primary's writes), and
 * return to the replica at the first check that finds it caught up.
 */
public final class ReplicaMonitor {

    /** Where reads go and why. */
    public enum Use {
        /** Reads go to the replica. */
        REPLICA,
        /** The replica is further behind than allowed: reads go to the primary. */
        BEHIND,
        /** The replica does not answer: reads go to the primary. */
        UNREACHABLE,
        /** The server named as replica is not in recovery: reads go to the primary. */
        NOT_A_REPLICA
    }

    /** The last measurement; {@code lag} null when it could not be measured. */
    public record Status(Use use, @Nullable Duration lag, Instant checkedAt, @Nullable String reason) {
    }

    private static final Logger log = LoggerFactory.getLogger(ReplicaMonitor.class);

    private final DataSource primary;
    private final DataSource replica;
    private final Duration maxLag;
    private final Clock clock;
    private final AtomicLong onReplica = new AtomicLong();
    private final AtomicLong onPrimary = new AtomicLong();
    private volatile Status status;

    ReplicaMonitor(DataSource primary, DataSource replica, Duration maxLag, Clock clock) {
        this.primary = primary;
        this.replica = replica;
        this.maxLag = maxLag;
        this.clock = clock;
        this.status = new Status(Use.UNREACHABLE, null, clock.instant(), "not checked yet");
    }

    public Status status() {
        return status;
    }

    public Duration maxLag() {
        return maxLag;
    }

    /** Reads served by the replica and by the primary in its place, since start. */
    public long readsOnReplica() {
        return onReplica.get();
    }

    public long readsOnPrimary() {
        return onPrimary.get();
    }

    boolean usable() {
        return status.use() == Use.REPLICA;
    }

    void served(boolean byReplica) {
        (byReplica ? onReplica : onPrimary).incrementAndGet();
    }

    /** A read could not get a replica connection: the next reads go to the primary until a check finds it back. */
    void unreachable(Exception cause) {
        change(new Status(Use.UNREACHABLE, null, clock.instant(), cause.getMessage()));
    }

    @Scheduled(fixedDelayString = "${buitenin.db.replica.check-interval:5s}", initialDelayString = "${buitenin.db.replica.check-interval:5s}")
    public Status check() {
        change(measure());
        return status;
    }

    private Status measure() {
        Instant now = clock.instant();
        @Nullable String primaryLsn = primaryPosition();
        try (Connection connection = replica.getConnection();
                PreparedStatement statement = connection.prepareStatement("select pg_is_in_recovery(), "
                        + "coalesce(cast(? as pg_lsn) <= pg_last_wal_replay_lsn(), false), "
                        + "extract(epoch from (now() - pg_last_xact_replay_timestamp()))")) {
            statement.setString(1, primaryLsn);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    return new Status(Use.NOT_A_REPLICA, null, now, "the replica's server is not in recovery");
                }
                if (row.getBoolean(2)) {
                    return new Status(Use.REPLICA, Duration.ZERO, now, null);
                }
                double seconds = row.getDouble(3);
                if (row.wasNull()) {
                    return new Status(Use.BEHIND, null, now, "the replica has replayed no transaction yet");
                }
                Duration lag = Duration.ofMillis(Math.max(0, Math.round(seconds * 1000)));
                return lag.compareTo(maxLag) <= 0 ? new Status(Use.REPLICA, lag, now, null)
                        : new Status(Use.BEHIND, lag, now, "lag " + lag.toMillis() + " ms is more than " + maxLag.toMillis() + " ms");
            }
        } catch (SQLException e) {
            return new Status(Use.UNREACHABLE, null, now, e.getMessage());
        }
    }

    /** The primary's current WAL position, null when the primary does not answer (then only the replay time counts). */
    private @Nullable String primaryPosition() {
        try (Connection connection = primary.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select cast(pg_current_wal_lsn() as text)")) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            log.warn("Read replica check: the primary's WAL position could not be read: {}", e.getMessage());
            return null;
        }
    }

    private void change(Status next) {
        Status before = status;
        status = next;
        if (before.use() != next.use()) {
            if (next.use() == Use.REPLICA) {
                log.info("Read replica in use again (lag {} ms, at most {} ms).", next.lag() == null ? "?" : next.lag().toMillis(),
                        maxLag.toMillis());
            } else {
                log.warn("Read replica not used, reads go to the primary: {} ({}).", next.use(), next.reason());
            }
        }
    }
}
