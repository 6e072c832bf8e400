package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import nl.buitenin.platform.internal.replica.ReplicaMonitor;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.TestDatabases;
import nl.buitenin.testing.Unique;

/**
 * Without BUITENIN_DB_REPLICA_URL nothing of the replica exists: Spring Boot's own pool is the data source, and
 * {@link ReplicaReads} runs its work in a read-only transaction on it, or inside the caller's transaction when one is open.
 */
@DatabaseTest
class ReplicaOffTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Autowired
    ReplicaReads replicaReads;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theDataSourceIsTheOnePoolAndNoMonitorRuns() {
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        assertThat(context.getBeanNamesForType(ReplicaMonitor.class)).isEmpty();
    }

    @Test
    void readsRunReadOnlyOnTheirOwnAndJoinAnOpenTransaction() {
        assertThat(replicaReads.read(TransactionSynchronizationManager::isCurrentTransactionReadOnly)).isTrue();
        // On its own the work may not write: PostgreSQL refuses a write in a read-only transaction (H2 takes it as a hint).
        String name = Unique.name("replica-off");
        if (TestDatabases.current() == TestDatabases.Kind.POSTGRES) {
            assertThatThrownBy(() -> replicaReads.read(() -> write(name))).isInstanceOf(DataAccessException.class);
        }
        // Inside a read-write transaction it reads what that transaction wrote.
        Long seen = new TransactionTemplate(transactions).execute(status -> {
            write(name);
            return replicaReads.read(() -> jdbc.sql("select count(*) from spent_token where fingerprint = :f").param("f", name)
                    .query(Long.class).single());
        });
        assertThat(seen).isEqualTo(1L);
    }

    private int write(String name) {
        return jdbc.sql("insert into spent_token (fingerprint, spent_at, expires_at) values (:f, current_timestamp, current_timestamp)")
                .param("f", name).update();
    }
}
