package nl.buitenin.textinsight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;

/**
 * A listener asks whether it may read a person's text inside its own transaction, on the connection it holds. The
 * question must not need a second connection: with every pool connection held by a listener waiting for another one,
 * the pool runs dry (seen in CI: "Failed to obtain JDBC Connection" after 30 s). Here the pool has two connections (the
 * fewest Flyway starts with) and the test holds one of them, so any transaction of its own, for the check or for logging
 * a refusal, times out.
 */
@SpringBootTest(properties = { "spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=10000" })
class PurposeReadsOnOneConnectionTest {

    @Autowired
    PurposeReads reads;
    @Autowired
    Persons persons;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void aReadAndARefusalAreAnsweredAndLoggedOnTheCallersConnection() throws Exception {
        PersonKey person = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Lotte", null, null));
        String what = "a text, asked on one connection " + UUID.randomUUID();

        List<Boolean> answers;
        try (Connection heldByAnotherListener = dataSource.getConnection()) {
            answers = new TransactionTemplate(transactions).execute(status -> List.of(
                    reads.mayRead(person, what, Instant.now()),
                    // Written long past the purpose's retention: refused, and the refusal logged.
                    reads.mayRead(person, what, Instant.parse("2001-01-01T00:00:00Z"))));
        }

        assertThat(answers).containsExactly(true, false);
        List<String> logged = jdbc.sql("select coalesce(refusal, 'read') from privacy_access_log where what = :what order by read_at, refusal")
                .param("what", what).query(String.class).list();
        assertThat(logged).containsExactlyInAnyOrder("read", "RETENTION_PASSED");
    }
}
