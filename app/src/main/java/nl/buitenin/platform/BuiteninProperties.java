package nl.buitenin.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Instance-wide settings.
 *
 * @param dataDir where the embedded database and the generated development secret live ({@code BUITENIN_DATA_DIR})
 * @param secret  the instance secret ({@code BUITENIN_SECRET}); required in production
 * @param baseUrl the public address used in links in messages ({@code BUITENIN_BASE_URL}); derived from the port when empty
 */
@ConfigurationProperties("buitenin")
public record BuiteninProperties(Path dataDir, String secret, String baseUrl) {

    public BuiteninProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        secret = secret == null ? "" : secret;
        baseUrl = baseUrl == null ? "" : baseUrl;
    }
}
