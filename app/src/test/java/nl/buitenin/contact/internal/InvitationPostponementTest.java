package nl.buitenin.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.buitenin.contact.PersonFacts;
import nl.buitenin.contact.Reason;
import nl.buitenin.contact.ReasonCode;
import nl.buitenin.platform.InvalidInputException;

/**
 * The rule that lets an invitation after a contact wait for the quiet time to pass, at most the policy's maximum delay
 * after the contact (default 24 hours): quiet 20:00–09:00 and on Sunday, as the default policy.
 */
class InvitationPostponementTest {

    final PolicyEngine engine = new PolicyEngine(new Sampler("a sampling key for tests only".getBytes(StandardCharsets.UTF_8)));
    final Policy policy = PolicyEngineTest.askEveryone();

    static Instant at(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2025, month, day, hour, minute, 0, 0, PolicyEngineTest.AMSTERDAM).toInstant();
    }

    PolicyEngine.Postponement askAt(Policy p, Instant contactAt) {
        List<Reason> reasons = engine.decide(p, PersonFacts.consentedWithoutHistory(), PolicyEngineTest.ANNA, PolicyEngineTest.PHONE, contactAt);
        return engine.postponeInvitation(p, reasons, contactAt, contactAt);
    }

    @Test
    void anEveningContactWaitsForNineTheNextMorning() {
        // Tuesday 14 October 2025, 21:30: quiet hours until Wednesday 09:00, 11.5 hours later.
        PolicyEngine.Postponement evening = askAt(policy, at(10, 14, 21, 30));
        assertThat(evening.postponed()).isTrue();
        assertThat(evening.until()).isEqualTo(at(10, 15, 9, 0));
        assertThat(PolicyEngineTest.codes(evening.reasons())).containsExactly(ReasonCode.QUIET_HOURS);
        // Asked again at that moment, nothing objects.
        assertThat(engine.decide(policy, PersonFacts.consentedWithoutHistory(), PolicyEngineTest.ANNA, PolicyEngineTest.PHONE,
                evening.until())).isEmpty();
    }

    @Test
    void aContactWhoseNextAllowedMomentIsPastTheMaximumDelayIsRefusedAsTooLongAfterIt() {
        // Saturday 18 October 21:30: Sunday is a quiet day, so the next allowed moment is Monday 09:00, 35.5 hours later.
        PolicyEngine.Postponement saturday = askAt(policy, at(10, 18, 21, 30));
        assertThat(saturday.postponed()).isFalse();
        assertThat(PolicyEngineTest.codes(saturday.reasons())).containsExactly(ReasonCode.QUIET_HOURS, ReasonCode.TOO_LONG_AFTER_CONTACT);
        assertThat(saturday.reasons().get(1).nl()).startsWith("Te lang na het contact").contains("24 uur");
        assertThat(saturday.reasons().get(1).en()).startsWith("Too long after the contact").contains("24 hours");
        // With 36 hours allowed it waits until Monday morning.
        PolicyEngine.Postponement longer = askAt(policy.withMaxInvitationDelay(Duration.ofHours(36)), at(10, 18, 21, 30));
        assertThat(longer.until()).isEqualTo(at(10, 20, 9, 0));
    }

    @Test
    void theMaximumIsMeasuredFromTheContactNotFromTheDecision() {
        // Asked at 21:30 about a contact of 08:00 the day before: 09:00 is 25 hours after the contact.
        Instant contact = at(10, 13, 8, 0);
        Instant now = at(10, 14, 21, 30);
        List<Reason> reasons = engine.decide(policy, PersonFacts.consentedWithoutHistory(), PolicyEngineTest.ANNA, PolicyEngineTest.PHONE, now);
        assertThat(PolicyEngineTest.codes(engine.postponeInvitation(policy, reasons, now, contact).reasons()))
                .contains(ReasonCode.TOO_LONG_AFTER_CONTACT);
        // Exactly at the maximum it still waits.
        assertThat(engine.postponeInvitation(policy, reasons, now, at(10, 14, 9, 0)).until()).isEqualTo(at(10, 15, 9, 0));
    }

    @Test
    void otherRefusalsAndAllowedInvitationsAreLeftAsTheyAre() {
        Instant evening = at(10, 14, 21, 30);
        List<Reason> noConsent = engine.decide(policy, PersonFacts.consentedWithoutHistory().withConsent(false), PolicyEngineTest.ANNA,
                PolicyEngineTest.PHONE, evening);
        PolicyEngine.Postponement refused = engine.postponeInvitation(policy, noConsent, evening, evening);
        assertThat(refused.postponed()).isFalse();
        assertThat(PolicyEngineTest.codes(refused.reasons())).containsExactly(ReasonCode.NO_CONSENT, ReasonCode.QUIET_HOURS);
        PolicyEngine.Postponement allowed = askAt(policy, at(10, 14, 14, 0));
        assertThat(allowed.postponed()).isFalse();
        assertThat(allowed.reasons()).isEmpty();
    }

    @Test
    void zeroHoursMeansNeverWait() {
        PolicyEngine.Postponement none = askAt(policy.withMaxInvitationDelay(Duration.ZERO), at(10, 14, 21, 30));
        assertThat(none.postponed()).isFalse();
        assertThat(PolicyEngineTest.codes(none.reasons())).containsExactly(ReasonCode.QUIET_HOURS, ReasonCode.TOO_LONG_AFTER_CONTACT);
    }

    @Test
    void theMaximumDelayIsReadFromThePolicyFileAndANegativeOrTooLongOneIsNamed() {
        assertThat(PolicyFile.read("{}").toPolicy(PolicyEngineTest.AMSTERDAM).maxInvitationDelay()).isEqualTo(Duration.ofHours(24));
        assertThat(PolicyFile.read("{\"maxInvitationDelayHours\": 36}").toPolicy(PolicyEngineTest.AMSTERDAM).maxInvitationDelay())
                .isEqualTo(Duration.ofHours(36));
        assertThat(PolicyFile.of(policy.withMaxInvitationDelay(Duration.ofHours(12))).write()).contains("\"maxInvitationDelayHours\" : 12");
        for (String json : List.of("{\"maxInvitationDelayHours\": -1}", "{\"maxInvitationDelayHours\": 169}")) {
            assertThatThrownBy(() -> PolicyFile.read(json).toPolicy(PolicyEngineTest.AMSTERDAM))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .anySatisfy(error -> assertThat(error.field()).isEqualTo("maxInvitationDelayHours")));
        }
    }
}
