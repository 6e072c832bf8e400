package nl.buitenin.platform.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes a transaction committed on an H2 file database survive a killed process. H2 2.x (MVStore) writes
 * committed changes to its file in the background, by default every 500 ms ({@code WRITE_DELAY}): a
 * {@code kill -9}, an out-of-memory kill or a JVM crash lost the writes acknowledged since the last one.
 * With {@code WRITE_DELAY=0} H2 writes the store at the end of every transaction that changed something,
 * before the commit returns (TransactionStore.endTransaction), so a 200 is only sent for data in the file.
 * H2 does not fsync on commit: the data is in the operating system's cache, which survives the process
 * but not necessarily a power cut or an operating-system crash; that is what PostgreSQL is for.
 * <p>
 * The setting is read from the URL each time the database is opened, so it is added to any H2 URL that
 * names a file (or a server) and does not set it; an explicit other value is kept, with a warning.
 */
class H2Durability implements EnvironmentPostProcessor {

    static final String PROPERTY = "spring.datasource.url";
    static final String SETTING = "WRITE_DELAY=0";
    private static final Pattern WRITE_DELAY = Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=\\s*([^;]*)");

    private final Log log;

    H2Durability(DeferredLogFactory logs) {
        this.log = logs.getLog(H2Durability.class);
    }

    /** What to do with a datasource URL. */
    sealed interface Verdict {
        /** Not an H2 file database, or already durable: use as it is. */
        record Keep() implements Verdict {
        }

        /** Use this URL instead (the setting added). */
        record Add(String url) implements Verdict {
        }

        /** The URL sets another write delay: the last {@code delay} of commits may be lost on a crash. */
        record Delayed(String delay) implements Verdict {
        }
    }

    static Verdict judge(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8) || inMemory(url)) {
            return new Verdict.Keep();
        }
        Matcher setting = WRITE_DELAY.matcher(url);
        if (!setting.find()) {
            return new Verdict.Add(url.replaceFirst(";+\\s*$", "") + ";" + SETTING);
        }
        String value = setting.group(1).strip();
        return value.equals("0") ? new Verdict.Keep() : new Verdict.Delayed(value);
    }

    private static boolean inMemory(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:mem:") || lower.contains("/mem:");
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Verdict verdict = judge(environment.getProperty(PROPERTY));
        if (verdict instanceof Verdict.Add add) {
            environment.getPropertySources().addFirst(new MapPropertySource("buitenin-h2-durability", Map.of(PROPERTY, add.url())));
            log.info("H2 file database: " + SETTING + " added to the URL, so that every committed transaction is in the file before it is acknowledged.");
        } else if (verdict instanceof Verdict.Delayed delayed) {
            log.warn("H2 file database with WRITE_DELAY=" + delayed.delay()
                    + ": transactions committed in the last " + delayed.delay() + " ms before the process is killed are lost, "
                    + "although they were acknowledged. Remove WRITE_DELAY from the URL (Buitenin then sets 0) or use PostgreSQL.");
        }
    }
}
