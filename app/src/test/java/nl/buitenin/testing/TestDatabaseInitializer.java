package nl.buitenin.testing;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring test context at a fresh database of the kind chosen by
 * {@code buitenin.test.db}, with a fixed test secret so no file is written under ./data, and without the jobs that
 * run at a time of day.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String TEST_SECRET = "test-secret-test-secret-test-secret-0123456789";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // The jobs that run at a time of day are off: at 03:30 the retention job of every live test context would
        // erase and publish in the middle of whatever test runs then (seen in CI). A test of such a job calls it.
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("buitenin-test-no-daily-jobs",
                Map.of("buitenin.privacy.retention-cron", "-", "buitenin.partitions.cron", "-",
                        "buitenin.textinsight.discovery-cron", "-")));
        if (context.getEnvironment().getProperty("buitenin.test.keep-datasource", Boolean.class, false)) {
            return;
        }
        TestDatabases.Database database = TestDatabases.fresh();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        properties.put("buitenin.secret", TEST_SECRET);
        properties.put("buitenin.data-dir", System.getProperty("java.io.tmpdir") + "/buitenin-test");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("buitenin-test-database", properties));
        // Tests send many anonymous requests from one address; a test of the limit sets its own.
        if (context.getEnvironment().getProperty("buitenin.test.public-rate") == null) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("buitenin-test-rate",
                    Map.of("buitenin.access.public-requests-per-minute", 1_000_000)));
        } else {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("buitenin-test-rate",
                    Map.of("buitenin.access.public-requests-per-minute",
                            context.getEnvironment().getProperty("buitenin.test.public-rate"))));
        }
    }
}
