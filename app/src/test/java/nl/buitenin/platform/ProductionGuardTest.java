package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import nl.buitenin.BuiteninApplication;

/** The prod profile refuses the embedded database and a missing secret, saying what to set. */
class ProductionGuardTest {

    @Test
    void refusesH2InProduction() {
        assertThatThrownBy(() -> start("jdbc:h2:mem:prodguard", "a-secret-that-is-long-enough-for-production-use"))
                .hasStackTraceContaining("BUITENIN_DB_URL");
    }

    @Test
    void refusesAMissingSecretInProduction() {
        assertThatThrownBy(() -> start("jdbc:postgresql://localhost:1/none", ""))
                .hasStackTraceContaining("BUITENIN_SECRET");
    }

    private static void start(String url, String secret) {
        new SpringApplicationBuilder(BuiteninApplication.class)
                .profiles("prod")
                .run("--spring.datasource.url=" + url, "--buitenin.secret=" + secret,
                        "--buitenin.test.keep-datasource=true", "--server.port=0")
                .close();
    }
}
