package nl.buitenin.platform.internal;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses a production start on the embedded database or without a secret, before anything touches
 * the database. H2 is for trying Buitenin out; silently falling back to it in production would lose
 * data at the first move of a disk.
 */
class ProductionGuard implements EnvironmentPostProcessor {

    static final String MISSING_SECRET =
            "the prod profile needs BUITENIN_SECRET (at least 32 characters, e.g. `openssl rand -base64 48`); it encrypts contact details and signs links.";
    static final String EMBEDDED_DATABASE =
            "the prod profile does not run on the embedded H2 database. Set BUITENIN_DB_URL (jdbc:postgresql://host:5432/buitenin), BUITENIN_DB_USER and BUITENIN_DB_PASSWORD.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles("prod")) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ProductionMisconfiguredException(EMBEDDED_DATABASE + " Found: " + url.replaceAll("password=[^;&]*", "password=***"));
        }
        if (environment.getProperty("buitenin.secret", "").isBlank()) {
            throw new ProductionMisconfiguredException(MISSING_SECRET);
        }
    }
}
