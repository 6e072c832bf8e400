package nl.buitenin.platform.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions are kept in the database (Spring Session JDBC, tables of {@code V1_6_0}), so every node knows every sign-in
 * (docs/scaling.md).
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

    /**
     * Two requests of one browser at once (htmx loads parts of a page side by side) may both add the same attribute
     * to a session; Spring Session's plain insert then fails one of them on the attribute's key. On PostgreSQL the
     * attribute is written with an upsert instead. H2 (one process) keeps the plain insert, as it knows no upsert of
     * that form.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributesUpsertOnPostgres(Environment environment) {
        boolean postgres = environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
        PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsert = new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        return repository -> {
            if (postgres) {
                upsert.customize(repository);
            }
        };
    }
}
