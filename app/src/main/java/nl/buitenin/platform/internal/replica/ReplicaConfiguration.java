package nl.buitenin.platform.internal.replica;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import nl.buitenin.platform.ReplicaReads;
import nl.buitenin.platform.StartupNotes;

/**
 * Without {@code BUITENIN_DB_REPLICA_URL} nothing changes: Spring Boot's own data source, and {@link ReplicaReads} runs
 * the work in a read-only transaction on it. With it, the application's one {@code DataSource} becomes Spring's
 * {@link LazyConnectionDataSourceProxy} over the primary pool, whose read-only transactions take their connection from
 * {@link ReplicaRouting}; the {@link ReplicaMonitor} checks the lag and says where reads go in the health details,
 * {@code /actuator/info} and the gauge {@code buitenin.db.replica.lag}.
 */
@Configuration(proxyBeanMethods = false)
class ReplicaConfiguration {

    @Bean
    ReplicaReads replicaReads(PlatformTransactionManager transactions, ObjectProvider<ReplicaMonitor> monitor) {
        ReplicaMonitor replica = monitor.getIfAvailable();
        return replica == null ? new PrimaryReads(transactions) : new RoutedReplicaReads(transactions, replica);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${buitenin.db.replica.url:}'.isBlank()")
    static class WithReplica {

        @Bean(destroyMethod = "close")
        ReplicaPools replicaPools(DataSourceProperties primary, Environment environment, ReplicaProperties settings) {
            return new ReplicaPools(primary, environment, settings);
        }

        @Bean
        ReplicaMonitor replicaMonitor(ReplicaPools pools, ReplicaProperties settings, ObjectProvider<MeterRegistry> meters,
                StartupNotes notes) {
            ReplicaMonitor monitor = new ReplicaMonitor(pools.primary(), pools.replica(), settings.maxLag(), Clock.systemUTC());
            ReplicaMonitor.Status first = monitor.check();
            notes.add("Replica:   " + settings.url() + " for the journey map, scores and search, at most "
                    + settings.maxLag().toSeconds() + " s behind (now: " + (first.use() == ReplicaMonitor.Use.REPLICA
                            ? "in use, " + first.lag().toMillis() + " ms behind" : first.use() + ", reads go to the primary") + ")");
            meters.ifAvailable(registry -> Gauge.builder("buitenin.db.replica.lag", monitor,
                            m -> m.status().lag() == null ? Double.NaN : m.status().lag().toMillis() / 1000.0)
                    .description("Seconds the read replica is behind the primary at the last check (NaN: not measured)")
                    .baseUnit("seconds").register(registry));
            return monitor;
        }

        @Bean
        DataSource dataSource(ReplicaPools pools, ReplicaMonitor monitor) {
            LazyConnectionDataSourceProxy routing = new LazyConnectionDataSourceProxy(pools.primary());
            routing.setReadOnlyDataSource(new ReplicaRouting(pools.primary(), pools.replica(), monitor));
            return routing;
        }

        /** Always up (reads fall back to the primary); the details say where reads go and why. */
        @Bean
        HealthIndicator replicaHealthIndicator(ReplicaMonitor monitor) {
            return () -> Health.up().withDetails(details(monitor)).build();
        }

        @Bean
        InfoContributor replicaInfoContributor(ReplicaMonitor monitor) {
            return builder -> builder.withDetail("replica", details(monitor));
        }

        static Map<String, Object> details(ReplicaMonitor monitor) {
            ReplicaMonitor.Status status = monitor.status();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reads", status.use() == ReplicaMonitor.Use.REPLICA ? "replica" : "primary");
            details.put("state", status.use().name());
            details.put("lagMs", status.lag() == null ? null : status.lag().toMillis());
            details.put("maxLagMs", monitor.maxLag().toMillis());
            details.put("checkedAt", status.checkedAt().toString());
            if (status.reason() != null) {
                details.put("reason", status.reason());
            }
            details.put("readsOnReplica", monitor.readsOnReplica());
            details.put("readsOnPrimary", monitor.readsOnPrimary());
            return details;
        }
    }
}
