package nl.buitenin.platform.internal;

import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariConfig;

/**
 * Every PostgreSQL connection of the application plans each statement for its own values
 * ({@code plan_cache_mode = force_custom_plan}, sent as the driver's {@code options} when the connection opens).
 * <p>
 * Why: the driver prepares a statement on the server once it ran five times, and PostgreSQL then switches to a generic
 * plan when that one looks no dearer than the custom ones. For the reads by a list of ids ({@code where id in (:ids)},
 * hundreds of values at once) over the monthly partitions that generic plan is estimated for unknown values and was
 * measured 30 times slower than a plan for the values themselves: a slice of 1 000 responses' comments took 200–400 ms
 * instead of 6–20 ms (docs/scaling.md, <i>Plans for the values at hand</i>). Planning anew costs well under a
 * millisecond for this application's statements, and lets PostgreSQL prune partitions when it plans.
 * <p>
 * A URL or pool that sets {@code options} itself keeps its own (the driver takes the URL's over ours anyway), with a
 * note in the log; H2 and other databases are left alone.
 * <p>
 * Set on the pools rather than in the URL (as {@link H2Durability} does for H2): a URL can arrive after the environment
 * is prepared (tests, {@code DynamicPropertySource}), and the replica's pool is built by hand ({@code ReplicaPools}),
 * while every pool passes here or through {@link #apply} before it opens a connection.
 */
@Component
public class PostgresCustomPlans implements BeanPostProcessor {

    static final String OPTIONS = "-c plan_cache_mode=force_custom_plan";
    private static final Log LOG = LogFactory.getLog(PostgresCustomPlans.class);

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariConfig pool) {
            apply(pool);
        }
        return bean;
    }

    /** Adds the setting to a pool not yet started, if it connects to PostgreSQL and sets no options of its own. */
    public static void apply(HikariConfig pool) {
        String url = pool.getJdbcUrl();
        if (url == null || !url.regionMatches(true, 0, "jdbc:postgresql:", 0, 16)) {
            return;
        }
        if (setsOptions(url) || pool.getDataSourceProperties().containsKey("options")) {
            LOG.info("PostgreSQL connection options are set in the configuration; Buitenin leaves them as they are. "
                    + "Add '" + OPTIONS + "' to them unless you chose otherwise (docs/scaling.md).");
            return;
        }
        pool.addDataSourceProperty("options", OPTIONS);
    }

    static boolean setsOptions(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return false;
        }
        for (String parameter : url.substring(query + 1).split("&")) {
            if (parameter.toLowerCase(Locale.ROOT).startsWith("options=")) {
                return true;
            }
        }
        return false;
    }
}
