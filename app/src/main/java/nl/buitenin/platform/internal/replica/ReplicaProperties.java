package nl.buitenin.platform.internal.replica;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The read replica's settings.
 *
 * @param url           JDBC URL of a PostgreSQL streaming replica ({@code BUITENIN_DB_REPLICA_URL}); empty: no replica
 * @param username      its user ({@code BUITENIN_DB_REPLICA_USER}, default the primary's {@code BUITENIN_DB_USER})
 * @param password      its password ({@code BUITENIN_DB_REPLICA_PASSWORD}, default the primary's)
 * @param maxLag        the largest staleness a read may have ({@code BUITENIN_DB_REPLICA_MAX_LAG}, default 30 s); a
 *                      replica further behind is not read until it has caught up
 * @param checkInterval how often the lag is measured ({@code BUITENIN_DB_REPLICA_CHECK}, default 5 s)
 * @param poolSize      connections to the replica ({@code BUITENIN_DB_REPLICA_POOL}, default 10)
 */
@ConfigurationProperties("buitenin.db.replica")
public record ReplicaProperties(@Nullable String url, @Nullable String username, @Nullable String password, Duration maxLag,
        Duration checkInterval, Integer poolSize) {

    public ReplicaProperties {
        if (maxLag == null || maxLag.isNegative()) {
            maxLag = Duration.ofSeconds(30);
        }
        if (checkInterval == null || checkInterval.isNegative() || checkInterval.isZero()) {
            checkInterval = Duration.ofSeconds(5);
        }
        if (poolSize == null || poolSize < 1) {
            poolSize = 10;
        }
    }

    public boolean configured() {
        return url != null && !url.isBlank();
    }
}
