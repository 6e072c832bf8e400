package nl.buitenin.platform.internal;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * Jobs that work on the whole database at once (retention, theme discovery, the weekly digest, clean-ups) run on one
 * node at a time: a method annotated with {@code @SchedulerLock} takes a row of the {@code shedlock} table first and
 * is skipped on the other nodes while that lock holds. The lock ends when the run ends (but not before its
 * {@code lockAtLeastFor}, so a node whose clock is a little behind does not start the same run again) or, when its
 * node died mid-run, after {@code lockAtMostFor}. Jobs that handle rows one by one (mail, webhooks, reminders,
 * told-back messages, escalation) claim each row instead, so all nodes share their work (docs/scaling.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ClusterJobs {

    /** The database's clock decides when a lock ends, so the nodes' clocks need not agree. */
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
