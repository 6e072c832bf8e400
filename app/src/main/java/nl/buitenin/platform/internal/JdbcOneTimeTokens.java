package nl.buitenin.platform.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import nl.buitenin.platform.OneTimeTokens;
import nl.buitenin.platform.Secrets;
import nl.buitenin.platform.SignedTokens;
import nl.buitenin.platform.SignedTokens.Refusal;
import nl.buitenin.platform.SignedTokens.Verification;

/** Remembers spent tokens by fingerprint until they would have expired anyway. */
@Component
class JdbcOneTimeTokens implements OneTimeTokens {

    private final SignedTokens tokens;
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcOneTimeTokens(Secrets secrets, JdbcClient jdbc, Clock clock) {
        this.tokens = new SignedTokens(secrets);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String issue(String purpose, String subject, java.time.Instant expiresAt) {
        return tokens.issue(purpose, subject, expiresAt);
    }

    @Override
    public Verification check(String token, String purpose) {
        Verification verification = tokens.verify(token, purpose, clock.instant());
        if (verification.valid() && spent(token)) {
            return new Verification(java.util.Optional.empty(), Refusal.USED);
        }
        return verification;
    }

    @Override
    public boolean spend(String token, String purpose) {
        Verification verification = tokens.verify(token, purpose, clock.instant());
        if (!verification.valid()) {
            return false;
        }
        try {
            jdbc.sql("insert into spent_token (fingerprint, spent_at, expires_at) values (:fingerprint, :now, :expires)")
                    .param("fingerprint", SignedTokens.fingerprint(token))
                    .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .param("expires", OffsetDateTime.ofInstant(verification.claims().get().expiresAt(), ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private boolean spent(String token) {
        return jdbc.sql("select count(*) from spent_token where fingerprint = :fingerprint")
                .param("fingerprint", SignedTokens.fingerprint(token)).query(Long.class).single() > 0;
    }

    /** An expired token is refused on its expiry alone, so its fingerprint is no longer needed. */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
    @SchedulerLock(name = "platform-spent-tokens", lockAtLeastFor = "PT1M", lockAtMostFor = "PT10M")
    void forgetExpired() {
        jdbc.sql("delete from spent_token where expires_at < :now")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }
}
