package nl.buitenin.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database a test context runs on. The system property {@code buitenin.test.db} chooses
 * {@code h2} (the default) or {@code postgres}; the build runs every {@link DatabaseTest} once on
 * each. PostgreSQL is a real server: the one named by {@code BUITENIN_TEST_PG_URL} (with
 * {@code BUITENIN_TEST_PG_USER}/{@code _PASSWORD}), or embedded PostgreSQL binaries started once per JVM.
 * Each Spring context gets a fresh, empty database of its own.
 */
public final class TestDatabases {

    public enum Kind { H2, POSTGRES }

    private static final Set<String> SPRING_SHUTDOWN_HOOKS = Set.of("SpringApplicationShutdownHook", "SpringContextShutdownHook");

    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    public static Kind current() {
        return Kind.valueOf(System.getProperty("buitenin.test.db", "h2").toUpperCase(Locale.ROOT));
    }

    /** A fresh database: JDBC URL, user, password. */
    public record Database(String url, String user, String password) {
    }

    public static Database fresh() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (current() == Kind.H2) {
            return new Database("jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        }
        return freshPostgres(name);
    }

    /** A fresh PostgreSQL database whatever {@code buitenin.test.db} says, for tests that need both. */
    public static Database freshPostgres() {
        return freshPostgres("t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    private static synchronized Database freshPostgres(String name) {
        String external = System.getenv("BUITENIN_TEST_PG_URL");
        String adminUrl;
        String user;
        String password;
        if (external != null && !external.isBlank()) {
            adminUrl = external;
            user = envOr("BUITENIN_TEST_PG_USER", "postgres");
            password = envOr("BUITENIN_TEST_PG_PASSWORD", "");
        } else {
            adminUrl = embedded().getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        }
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database on " + adminUrl, e);
        }
        String url = adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        return new Database(url, user, password);
    }

    private static EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new IllegalStateException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitSpringContextsClosed();
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            }, "stop-embedded-postgresql"));
        }
        return embedded;
    }

    /**
     * At the end of the JVM the cached Spring test contexts close in shutdown hooks of their own, at the same time as
     * this one. Stopping the server first left their pools and jobs (Spring Session's clean-up, every minute) waiting
     * for connections to a server that was gone, 30 s each, and surefire killed the fork after 30 s of that. So the
     * server waits until those hooks are done (at most 20 s): Spring Boot's one hook, which closes every context in turn,
     * and a plain Spring context's own. The embedded server's own hook is off (it stopped the server at once); this one
     * stops it.
     */
    private static void awaitSpringContextsClosed() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try {
            // The JVM starts the hooks one after the other: give Spring's a moment to appear.
            List<Thread> hooks = springShutdownHooks();
            for (int i = 0; i < 20 && hooks.isEmpty(); i++) {
                Thread.sleep(50);
                hooks = springShutdownHooks();
            }
            for (Thread hook : hooks) {
                hook.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Thread> springShutdownHooks() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t != Thread.currentThread() && t.isAlive() && SPRING_SHUTDOWN_HOOKS.contains(t.getName())).toList();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
