package nl.buitenin.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import nl.buitenin.platform.BuiteninProperties;
import nl.buitenin.platform.Secrets;
import nl.buitenin.platform.StartupNotes;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

    /** Rolls back what a killed process left in the embedded H2 database, before the pool opens it. */
    @Bean
    static H2CrashRecovery h2CrashRecovery() {
        return new H2CrashRecovery();
    }

    @Bean
    StartupNotes startupNotes() {
        return new StartupNotes();
    }

    /**
     * The instance secret. In production it must come from {@code BUITENIN_SECRET} (checked by
     * {@link ProductionGuard}); on a laptop one is generated once and kept under the data directory, so
     * encrypted data survives a restart.
     */
    @Bean
    Secrets secrets(BuiteninProperties properties, Environment environment) throws IOException {
        if (!properties.secret().isBlank()) {
            byte[] material = properties.secret().getBytes(StandardCharsets.UTF_8);
            if (material.length < 32) {
                throw new ProductionMisconfiguredException(
                        "BUITENIN_SECRET is too short: give at least 32 characters, for example the output of `openssl rand -base64 48`.");
            }
            return new Secrets(material);
        }
        if (environment.matchesProfiles("prod")) {
            throw new ProductionMisconfiguredException(ProductionGuard.MISSING_SECRET);
        }
        Path file = properties.dataDir().resolve("instance-secret");
        if (!Files.exists(file)) {
            byte[] fresh = new byte[48];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            log.warn("No BUITENIN_SECRET set: generated a development secret in {}. Set BUITENIN_SECRET in production.", file);
        }
        return new Secrets(Base64.getDecoder().decode(Files.readString(file).trim()));
    }
}
