package nl.buitenin.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

import nl.buitenin.platform.internal.H2Durability.Verdict;

/** Which database URLs get H2's WRITE_DELAY=0, and that H2 takes it from the URL (KillDuringIngestIT shows the effect). */
class H2DurabilityTest {

    private static final String DEFAULT = "jdbc:h2:file:./data/buitenin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Test
    void anH2FileUrlWithoutTheSettingGetsIt() {
        assertThat(H2Durability.judge(DEFAULT)).isEqualTo(new Verdict.Add(DEFAULT + ";WRITE_DELAY=0"));
        assertThat(H2Durability.judge("jdbc:h2:/srv/buitenin/db")).isEqualTo(new Verdict.Add("jdbc:h2:/srv/buitenin/db;WRITE_DELAY=0"));
        assertThat(H2Durability.judge("jdbc:h2:./data/buitenin;MODE=PostgreSQL;")).isEqualTo(new Verdict.Add("jdbc:h2:./data/buitenin;MODE=PostgreSQL;WRITE_DELAY=0"));
        assertThat(H2Durability.judge("jdbc:h2:tcp://db.local/buitenin")).isEqualTo(new Verdict.Add("jdbc:h2:tcp://db.local/buitenin;WRITE_DELAY=0"));
    }

    @Test
    void aUrlThatIsAlreadyDurableOrNotAnH2FileIsKept() {
        assertThat(H2Durability.judge(DEFAULT + ";WRITE_DELAY=0")).isEqualTo(new Verdict.Keep());
        assertThat(H2Durability.judge("jdbc:h2:file:./data/x;write_delay = 0;MODE=PostgreSQL")).isEqualTo(new Verdict.Keep());
        assertThat(H2Durability.judge("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEqualTo(new Verdict.Keep());
        assertThat(H2Durability.judge("jdbc:h2:tcp://localhost/mem:test")).isEqualTo(new Verdict.Keep());
        assertThat(H2Durability.judge("jdbc:postgresql://localhost:5432/buitenin")).isEqualTo(new Verdict.Keep());
        assertThat(H2Durability.judge(null)).isEqualTo(new Verdict.Keep());
    }

    @Test
    void anExplicitOtherDelayIsKeptAndNamed() {
        assertThat(H2Durability.judge(DEFAULT + ";WRITE_DELAY=500")).isEqualTo(new Verdict.Delayed("500"));
    }

    @Test
    void theApplicationStartsWithTheDurableUrl() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", Map.of("spring.datasource.url", "jdbc:h2:file:/srv/b")));
        List<EnvironmentPostProcessor> registered = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(EnvironmentPostProcessor.class, SpringFactoriesLoader.ArgumentResolver.of(DeferredLogFactory.class, new DeferredLogs()));
        assertThat(registered).hasAtLeastOneElementOfType(H2Durability.class);
        registered.stream().filter(H2Durability.class::isInstance)
                .forEach(processor -> processor.postProcessEnvironment(environment, new SpringApplication()));
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:/srv/b;WRITE_DELAY=0");
    }

    @Test
    void h2TakesTheWriteDelayFromTheUrl(@TempDir Path dir) throws Exception {
        assertThat(writeDelay("jdbc:h2:file:" + dir.resolve("plain"))).isEqualTo("500");
        String durable = ((Verdict.Add) H2Durability.judge("jdbc:h2:file:" + dir.resolve("durable"))).url();
        assertThat(writeDelay(durable)).isEqualTo("0");
    }

    private static String writeDelay(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
