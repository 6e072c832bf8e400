package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import nl.buitenin.testing.DatabaseTest;

/**
 * The connection pool retires its connections (after {@code maxLifetime}, 30 minutes by default), among them the one
 * the migrations ran on. Writes must go on afterwards. H2 2.4.240 kept the session that created a
 * {@code check (x in (...))} constraint inside the constraint, so once that connection was closed every insert into
 * the table failed with "Check constraint invalid … The database has been closed" until the application restarted: on
 * the embedded default, creating a survey failed half an hour after the first start (seen in a long test run).
 */
@DatabaseTest
class ConnectionsRenewedTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTableWithAnInListCheckTakesRowsAfterThePoolRenewedEveryConnection() {
        HikariDataSource pool = (HikariDataSource) dataSource;
        pool.getHikariPoolMXBean().softEvictConnections();

        UUID id = UUID.randomUUID();
        jdbc.update("insert into listening_survey (id, lineage, version, status, title_nl, title_en, definition, created_at)"
                + " values (?, ?, 1, 'DRAFT', 'Proef', 'Probe', '{}', ?)", id, UUID.randomUUID(), OffsetDateTime.now());

        assertThat(jdbc.queryForObject("select status from listening_survey where id = ?", String.class, id)).isEqualTo("DRAFT");
        jdbc.update("delete from listening_survey where id = ?", id);
    }
}
