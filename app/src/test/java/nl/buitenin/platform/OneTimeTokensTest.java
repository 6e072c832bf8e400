package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.buitenin.testing.DatabaseTest;

@DatabaseTest
class OneTimeTokensTest {

    @Autowired
    OneTimeTokens tokens;

    @Test
    void aTokenCanBeSpentOnlyOnceEvenByTwoRequestsAtTheSameTime() throws Exception {
        String token = tokens.issue("survey-invitation", "inv-7", Instant.now().plusSeconds(600));
        assertThat(tokens.check(token, "survey-invitation").valid()).isTrue();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        Callable<Boolean> spend = () -> tokens.spend(token, "survey-invitation");
        Future<Boolean> first = pool.submit(spend);
        Future<Boolean> second = pool.submit(spend);
        assertThat(first.get() ^ second.get()).as("exactly one spend succeeds").isTrue();
        pool.shutdown();

        assertThat(tokens.check(token, "survey-invitation").refusal()).isEqualTo(SignedTokens.Refusal.USED);
    }

    @Test
    void anExpiredTokenCannotBeSpent() {
        String token = tokens.issue("survey-invitation", "inv-8", Instant.now().minusSeconds(1));
        assertThat(tokens.spend(token, "survey-invitation")).isFalse();
        assertThat(tokens.check(token, "survey-invitation").refusal()).isEqualTo(SignedTokens.Refusal.EXPIRED);
    }
}
