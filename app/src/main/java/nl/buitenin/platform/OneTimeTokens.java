package nl.buitenin.platform;

import java.time.Instant;

/**
 * Signed tokens that can be spent once: an invitation link keeps working while the person fills in
 * the survey (partial answers are saved), and stops working once they have sent it.
 */
public interface OneTimeTokens {

    String issue(String purpose, String subject, Instant expiresAt);

    /** Checks signature, purpose, expiry and whether the token was already spent; does not spend it. */
    SignedTokens.Verification check(String token, String purpose);

    /**
     * Spends the token; returns false when it was already spent (so a double submit does nothing twice).
     * Call inside the transaction that does what the token was for.
     */
    boolean spend(String token, String purpose);
}
