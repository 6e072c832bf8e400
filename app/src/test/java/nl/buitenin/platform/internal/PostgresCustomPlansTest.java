package nl.buitenin.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;

import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.TestDatabases;

/**
 * PostgreSQL plans every statement for its values ({@link PostgresCustomPlans}): a read by a list of ids, run more
 * often than the driver's threshold for preparing it on the server, never runs on a generic plan. Which pools get the
 * setting is checked without a database.
 */
@DatabaseTest
class PostgresCustomPlansTest {

    /** As the comments of a gaming reading are read: a join over both partitioned tables, by a slice of ids. */
    private static final String BY_IDS = "select r.id, a.question_key, a.text_value from listening_answer a "
            + "join listening_response r on r.id = a.response_id where r.status = 'COMPLETED' and a.text_value is not null "
            + "and r.id in (:ids) order by r.id, a.question_key";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aReadByManyIdsRunTenTimesOnOneConnectionIsPlannedForItsValuesEachTime() {
        assumeThat(TestDatabases.current()).as("plan caching is PostgreSQL's").isEqualTo(TestDatabases.Kind.POSTGRES);
        List<UUID> ids = IntStream.range(0, 1000).mapToObj(i -> UUID.randomUUID()).toList();
        long[] plans = transactions.execute(status -> {
            // One transaction: one connection, whose prepared statements pg_prepared_statements lists.
            for (int i = 0; i < 10; i++) {
                jdbc.sql(BY_IDS).param("ids", ids).query((rs, n) -> rs.getString(2)).list();
            }
            return jdbc.sql("select coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0) from pg_prepared_statements "
                            + "where statement like '%from listening_answer a join listening_response r%'")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        });
        assertThat(plans[0]).as("runs on a generic plan").isZero();
        assertThat(plans[1]).as("runs prepared on the server, each planned for its values").isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
    }

    @Test
    void onlyPostgresPoolsWithoutOptionsOfTheirOwnGetTheSetting() {
        assertThat(options("jdbc:postgresql://db.local/buitenin")).isEqualTo(PostgresCustomPlans.OPTIONS);
        assertThat(options("jdbc:postgresql://db.local/buitenin?sslmode=require")).isEqualTo(PostgresCustomPlans.OPTIONS);
        assertThat(options("jdbc:postgresql://db.local/buitenin?sslmode=require&options=-c%20search_path%3Dcx")).isNull();
        assertThat(options("jdbc:h2:file:./data/buitenin;MODE=PostgreSQL")).isNull();

        HikariConfig own = new HikariConfig();
        own.setJdbcUrl("jdbc:postgresql://db.local/buitenin");
        own.addDataSourceProperty("options", "-c statement_timeout=5000");
        PostgresCustomPlans.apply(own);
        assertThat(own.getDataSourceProperties().getProperty("options")).isEqualTo("-c statement_timeout=5000");
    }

    private static String options(String url) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        PostgresCustomPlans.apply(pool);
        return pool.getDataSourceProperties().getProperty("options");
    }
}
