package nl.buitenin.listening.internal.answers;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.buitenin.platform.OneTimeTokens;
import nl.buitenin.platform.PublicAddress;
import nl.buitenin.platform.Secrets;
import nl.buitenin.platform.SignedTokens;
import nl.buitenin.platform.SignedTokens.Verification;

/**
 * The personal link to answer a survey: a signed token for one response, spent when the answers are sent, and
 * the public address the links start with.
 */
@Component
public class AnswerLinks {

    static final String PURPOSE = "survey-response";
    /** A widget link is another purpose, so that a link from an e-mail can never be shown in someone's frame, nor the reverse. */
    static final String WIDGET_PURPOSE = "survey-widget";

    private final OneTimeTokens tokens;
    private final SignedTokens signatures;
    private final Clock clock;
    private final PublicAddress address;

    AnswerLinks(OneTimeTokens tokens, Secrets secrets, Clock clock, PublicAddress address) {
        this.tokens = tokens;
        this.signatures = new SignedTokens(secrets);
        this.clock = clock;
        this.address = address;
    }

    /** The link an e-mail carries to answer one response, valid until {@code expiresAt}. */
    public String answerUrl(UUID response, Instant expiresAt) {
        return baseUrl() + "/a/" + tokenFor(response, expiresAt);
    }

    /** The public address for links, without a trailing slash. */
    public String baseUrl() {
        return address.baseUrl();
    }

    public String tokenFor(UUID response, Instant expiresAt) {
        return tokens.issue(PURPOSE, response.toString(), expiresAt);
    }

    public Verification check(String token) {
        return tokens.check(token, PURPOSE);
    }

    /** Spends the token in the caller's transaction; false when it was spent already. */
    public boolean spend(String token) {
        return tokens.spend(token, PURPOSE);
    }

    public String widgetTokenFor(UUID response, Instant expiresAt) {
        return tokens.issue(WIDGET_PURPOSE, response.toString(), expiresAt);
    }

    public Verification checkWidget(String token) {
        return tokens.check(token, WIDGET_PURPOSE);
    }

    /**
     * The response of a genuine, unexpired widget link, whether or not it was spent: so that the page saying
     * "you already answered" may still be shown in the frame of the site the link belongs to.
     */
    public Optional<UUID> widgetResponseEvenIfSpent(String token) {
        SignedTokens.Verification verification = signatures.verify(token, WIDGET_PURPOSE, clock.instant());
        return verification.valid() ? Optional.of(responseOf(verification)) : Optional.empty();
    }

    public boolean spendWidget(String token) {
        return tokens.spend(token, WIDGET_PURPOSE);
    }

    public static UUID responseOf(Verification verification) {
        return UUID.fromString(verification.claims().orElseThrow().subject());
    }
}
