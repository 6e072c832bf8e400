package nl.buitenin.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import nl.buitenin.BuiteninApplication;
import nl.buitenin.testing.TestDatabases;

/** An instance tried out on H2, with the demo loaded, moves to a real PostgreSQL with every row. */
class MigrateToPostgresTest {

    @Test
    void copiesEveryTableOfADemoInstanceAndRefusesATargetThatHoldsData() throws Exception {
        String h2 = "jdbc:h2:mem:m" + UUID.randomUUID().toString().substring(0, 8)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(BuiteninApplication.class)
                .profiles("demo")
                .run("--spring.datasource.url=" + h2, "--buitenin.test.keep-datasource=true",
                        "--buitenin.secret=" + nl.buitenin.testing.TestDatabaseInitializer.TEST_SECRET,
                        "--server.port=0", "--buitenin.demo.people=50")) {
            TestDatabases.Database target = TestDatabases.freshPostgres();

            MigrateToPostgres.Report report = MigrateToPostgres.migrate(h2, "sa", "", target.url(), target.user(), target.password());

            assertThat(report.matches()).isTrue();
            assertThat(report.copied("app_user")).isEqualTo(6);
            assertThat(report.copied("organisation")).isEqualTo(1);
            try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password());
                    ResultSet rs = connection.createStatement().executeQuery("select name from organisation")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("Buitenpad Wandelreizen");
            }
            assertThatThrownBy(() -> MigrateToPostgres.migrate(h2, "sa", "", target.url(), target.user(), target.password()))
                    .hasMessageContaining("already holds data");
        }
    }
}
