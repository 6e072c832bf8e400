package nl.buitenin.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * A job under a cluster lock (ShedLock) runs on one node at a time: while another node holds the lock the job does
 * nothing here, and once that lock has ended (its node finished, or died and the lock ran out) it runs and takes the
 * lock itself for at least its {@code lockAtLeastFor}.
 */
@DatabaseTest
class ClusterJobsTest {

    private static final String LOCK = "platform-spent-tokens";

    @Autowired
    JdbcOneTimeTokens tokens;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCleanUpWaitsForAnotherNodesLockAndThenRunsUnderItsOwn() {
        String fingerprint = Unique.name("expired").replace(' ', '-');
        OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2);
        jdbc.sql("insert into spent_token (fingerprint, spent_at, expires_at) values (:f, :at, :at)")
                .param("f", fingerprint).param("at", past).update();
        holdLock("other-node", Duration.ofMinutes(10));

        tokens.forgetExpired();
        assertThat(stored(fingerprint)).as("left alone while another node holds the lock").isTrue();

        holdLock("other-node", Duration.ofSeconds(-1));
        tokens.forgetExpired();
        assertThat(stored(fingerprint)).as("deleted once the other node's lock has ended").isFalse();
        assertThat(jdbc.sql("select locked_by from shedlock where name = :n").param("n", LOCK).query(String.class).single())
                .isNotEqualTo("other-node");
        assertThat(jdbc.sql("select count(*) from shedlock where name = :n and lock_until > locked_at + interval '50' second")
                .param("n", LOCK).query(Long.class).single())
                .as("held for at least its lockAtLeastFor (one minute) after a short run").isEqualTo(1);
    }

    /** Another node's lock, ending {@code lasting} from now (UTC, as ShedLock writes it with the database's time). */
    private void holdLock(String node, Duration lasting) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.sql("delete from shedlock where name = :n").param("n", LOCK).update();
        jdbc.sql("insert into shedlock (name, lock_until, locked_at, locked_by) values (:n, :until, :at, :by)")
                .param("n", LOCK).param("until", now.plus(lasting)).param("at", now).param("by", node).update();
    }

    private boolean stored(String fingerprint) {
        return jdbc.sql("select count(*) from spent_token where fingerprint = :f").param("f", fingerprint).query(Long.class).single() > 0;
    }
}
