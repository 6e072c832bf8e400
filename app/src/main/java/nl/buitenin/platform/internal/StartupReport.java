package nl.buitenin.platform.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Arrays;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import nl.buitenin.platform.StartupNotes;

/** Tells the operator, once the server is ready, where it runs, on which database and profile, and how to log in. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final DataSource dataSource;
    private final Environment environment;
    private final StartupNotes notes;

    StartupReport(DataSource dataSource, Environment environment, StartupNotes notes) {
        this.dataSource = dataSource;
        this.environment = environment;
        this.notes = notes;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        StringBuilder text = new StringBuilder("\n\n  Buitenin is ready.\n");
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            text.append("  Open:      http://localhost:").append(web.getWebServer().getPort()).append("/\n");
        }
        text.append("  Database:  ").append(describeDatabase()).append('\n');
        String[] profiles = environment.getActiveProfiles();
        text.append("  Profiles:  ").append(profiles.length == 0 ? "default" : String.join(", ", Arrays.asList(profiles))).append('\n');
        notes.lines().forEach(line -> text.append("  ").append(line).append('\n'));
        log.info(text.toString());
    }

    private String describeDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String description = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at " + meta.getURL();
            if ("H2".equals(meta.getDatabaseProductName())) {
                description += "  (embedded: for trying out; use PostgreSQL in production)";
            }
            return description;
        } catch (SQLException e) {
            return "unreachable: " + e.getMessage();
        }
    }
}
