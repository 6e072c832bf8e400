package nl.buitenin.platform;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where this instance is reached from outside, for the links it hands out (answer links, the person's own page, staff
 * questionnaire links, the widget snippet): {@code BUITENIN_BASE_URL} when set, else this machine's port. The one
 * place that decides it, so that every link of one instance starts the same.
 */
@Component
public class PublicAddress {

    private final BuiteninProperties properties;
    private final Environment environment;

    public PublicAddress(BuiteninProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** The public address, without a trailing slash. */
    public String baseUrl() {
        String configured = properties.baseUrl();
        if (!configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
