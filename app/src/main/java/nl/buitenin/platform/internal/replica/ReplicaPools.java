package nl.buitenin.platform.internal.replica;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariDataSource;

import nl.buitenin.platform.internal.PostgresCustomPlans;

/**
 * The two connection pools: the primary's, configured exactly as Spring Boot would ({@code spring.datasource.*},
 * {@code spring.datasource.hikari.*}), and the replica's, read-only. Held here rather than as two {@code DataSource}
 * beans, so that the one {@code DataSource} bean the application sees stays the routing proxy.
 */
final class ReplicaPools implements AutoCloseable {

    /** How long a read waits for a replica connection before it falls back to the primary. */
    static final long REPLICA_CONNECTION_TIMEOUT_MS = 1_000;

    private final HikariDataSource primary;
    private final HikariDataSource replica;

    ReplicaPools(DataSourceProperties primaryProperties, Environment environment, ReplicaProperties settings) {
        this.primary = primaryProperties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(primary));
        PostgresCustomPlans.apply(primary);
        if (primary.getPoolName() == null) {
            primary.setPoolName("primary");
        }
        this.replica = new HikariDataSource();
        replica.setPoolName("replica");
        replica.setJdbcUrl(settings.url());
        replica.setUsername(settings.username() == null || settings.username().isBlank() ? primaryProperties.determineUsername()
                : settings.username());
        replica.setPassword(settings.password() == null || settings.password().isBlank() ? primaryProperties.determinePassword()
                : settings.password());
        replica.setMaximumPoolSize(settings.poolSize());
        replica.setReadOnly(true);
        replica.setConnectionTimeout(REPLICA_CONNECTION_TIMEOUT_MS);
        // The application starts with the replica down: the reads go to the primary until it answers.
        replica.setInitializationFailTimeout(-1);
        PostgresCustomPlans.apply(replica);
    }

    HikariDataSource primary() {
        return primary;
    }

    HikariDataSource replica() {
        return replica;
    }

    @Override
    public void close() {
        replica.close();
        primary.close();
    }
}
