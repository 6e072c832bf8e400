package nl.buitenin.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

import com.zaxxer.hikari.HikariDataSource;

/**
 * After the embedded H2 database was not closed cleanly (the process killed, the machine lost power), repairs what H2
 * left of the transactions that were running ({@link H2Leftovers}) before the connection pool opens the database:
 * then no other session exists yet. A clean stop marks the file, so a normal start costs one read of its header.
 * <p>
 * Spring Boot's Hikari pool opens its first connection when it is first asked for one, which is after this runs.
 */
public class H2CrashRecovery implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(H2CrashRecovery.class);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && !pool.isRunning()) {
            file(pool.getJdbcUrl()).ifPresent(file -> recover(file, pool.getJdbcUrl(), pool.getUsername(), pool.getPassword()));
        }
        return bean;
    }

    /**
     * Repairs the leftovers in the H2 file database at {@code url} if its file ({@code file}) was not closed
     * cleanly; does nothing for a file that was, or that does not exist yet. The database must not be open elsewhere.
     */
    public static void recover(Path file, String url, String user, String password) {
        try {
            if (!Files.isRegularFile(file) || H2Leftovers.closedCleanly(file) || inUse(file)) {
                return;
            }
            log.warn("The embedded database {} was not closed cleanly (the process was stopped without closing it): "
                    + "repairing what the transactions running at that moment left in its tables.", file);
            H2Leftovers.Report report;
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                report = H2Leftovers.repair(connection);
            }
            if (report.total() == 0 && report.transactionsCommitted() == 0) {
                log.info("Nothing was left behind: {} tables read in {} ms.", report.tablesRead(), report.millis());
            } else {
                log.warn("Repaired {} entries: rolled back, of transactions that had not committed, per table {}; committed, of {} "
                        + "transactions that had committed, per table {}. {} tables read in {} ms.", report.total(), report.rolledBack(),
                        report.transactionsCommitted(), report.committed(), report.tablesRead(), report.millis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedded database's file " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the embedded database " + file + " to repair what a stopped process left in it: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Whether another process (or this one) has the file open: H2 locks it while the database is open, and its header
     * then lacks the clean mark too. Left to the pool, whose opening fails with H2's own "already in use".
     */
    static boolean inUse(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ); FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true)) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            // Cannot tell (no lock support on this file system): look, as if it were free.
            return false;
        }
    }

    /**
     * The {@code .mv.db} file of an embedded H2 file database URL ({@code jdbc:h2:file:path;...} or {@code jdbc:h2:path}),
     * or nothing for another database, an in-memory one or an H2 server.
     */
    static Optional<Path> file(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return Optional.empty();
        }
        String rest = url.substring(8);
        int settings = rest.indexOf(';');
        String name = settings < 0 ? rest : rest.substring(0, settings);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:")) {
            name = name.substring(5);
        } else if (lower.matches("^[a-z0-9]+:.*") && !lower.matches("^[a-z]:[\\\\/].*")) {
            // mem:, tcp:, ssl:, zip:, nio..., split:: not a plain file this process opens alone.
            return Optional.empty();
        }
        if (name.isBlank()) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name + ".mv.db").toAbsolutePath().normalize());
    }
}
