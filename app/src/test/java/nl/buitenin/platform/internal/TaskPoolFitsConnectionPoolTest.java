package nl.buitenin.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped defaults leave the database pool room for every event thread to hold one connection and wait for a
 * second (Boot's own default of 8 threads against 10 connections did not: CI saw a listener pile-up time out).
 */
class TaskPoolFitsConnectionPoolTest {

    @Test
    void theDefaultPoolIsLargeEnoughForTheDefaultEventThreads() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        int pool = defaultOf(properties.getProperty("spring.datasource.hikari.maximum-pool-size"), "BUITENIN_DB_POOL");
        int threads = defaultOf(properties.getProperty("spring.task.execution.pool.core-size"), "BUITENIN_EVENTS_THREADS");

        assertThat(ConnectionBudget.shortfall(pool, threads)).isEmpty();
        assertThat(pool).isGreaterThanOrEqualTo(2 * threads + 2);
    }

    @Test
    void bootsDefaultOfEightThreadsOnTenConnectionsIsWarnedAbout() {
        assertThat(ConnectionBudget.shortfall(10, 8)).hasValueSatisfying(warning -> assertThat(warning)
                .contains("BUITENIN_DB_POOL is 10").contains("at least 18").contains("at most 4 event threads"));
        assertThat(ConnectionBudget.shortfall(10, 4)).isEmpty();
        assertThat(ConnectionBudget.shortfall(9, 4)).isPresent();
    }

    private static int defaultOf(String placeholder, String variable) {
        Matcher m = Pattern.compile("\\$\\{" + variable + ":(\\d+)}").matcher(placeholder);
        assertThat(m.matches()).as(placeholder).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
