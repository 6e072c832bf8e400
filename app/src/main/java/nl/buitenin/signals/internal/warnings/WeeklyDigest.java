package nl.buitenin.signals.internal.warnings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import nl.buitenin.access.User;
import nl.buitenin.access.UserId;
import nl.buitenin.access.Users;
import nl.buitenin.messaging.Outbox;
import nl.buitenin.messaging.OutgoingMessage;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.BuiteninProperties;
import nl.buitenin.platform.Secrets;
import nl.buitenin.platform.SignedTokens;

/**
 * The weekly digest of early warnings: each subscriber gets, once per ISO week, the warnings they chose and no others,
 * in their language, with a link to unsubscribe. Once per week also across restarts: the message's reference names the
 * user and the week, and the outbox queues a reference only once.
 */
@Component
public class WeeklyDigest {

    static final String UNSUBSCRIBE = "signals-digest-unsubscribe";
    private static final Logger LOG = LoggerFactory.getLogger(WeeklyDigest.class);

    private final DigestSubscriptions subscriptions;
    private final EarlyWarnings warnings;
    private final WarningTexts texts;
    private final Users users;
    private final Outbox outbox;
    private final MessageSource messages;
    private final Organisations organisations;
    private final TransactionTemplate transactions;
    private final SignedTokens tokens;
    private final BuiteninProperties properties;
    private final Environment environment;
    private final Clock clock;

    WeeklyDigest(DigestSubscriptions subscriptions, EarlyWarnings warnings, WarningTexts texts, Users users, Outbox outbox,
            MessageSource messages, Organisations organisations, TransactionTemplate transactions, Secrets secrets,
            BuiteninProperties properties, Environment environment, Clock clock) {
        this.subscriptions = subscriptions;
        this.warnings = warnings;
        this.texts = texts;
        this.users = users;
        this.outbox = outbox;
        this.messages = messages;
        this.organisations = organisations;
        this.transactions = transactions;
        this.tokens = new SignedTokens(secrets);
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
    }

    /**
     * On one node at a time (docs/scaling.md). Apart from {@link #sendDue()}: a node that finds the lock taken skips the
     * run, and a skipped method answers nothing, which an {@code int} cannot hold.
     */
    @Scheduled(fixedDelayString = "${buitenin.signals.digest-poll:PT1H}", initialDelayString = "${buitenin.signals.digest-delay:PT3M}")
    @SchedulerLock(name = "signals-weekly-digest", lockAtMostFor = "PT30M")
    void onSchedule() {
        sendDue();
    }

    /** Queues this week's digest for every subscriber who has none yet; returns how many were queued. */
    public int sendDue() {
        List<DigestSubscriptions.Subscription> all = subscriptions.all();
        if (all.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, organisations.current().timeZone());
        String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format(Locale.ROOT, "%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        List<Warning> current = warnings.now();
        int queued = 0;
        for (DigestSubscriptions.Subscription s : all) {
            Optional<User> user = users.byId(s.user()).filter(User::enabled);
            if (user.isEmpty()) {
                continue;
            }
            OutgoingMessage message = message(s, user.get(), current, week, now);
            Boolean added = transactions.execute(t -> outbox.queue(message));
            queued += Boolean.TRUE.equals(added) ? 1 : 0;
        }
        LOG.info("Weekly digest of early warnings for week {}: {} queued", week, queued);
        return queued;
    }

    OutgoingMessage message(DigestSubscriptions.Subscription s, User user, List<Warning> current, String week, Instant now) {
        Locale locale = Locale.forLanguageTag("en".equals(user.language()) ? "en" : "nl");
        List<WarningTexts.Shown> chosen = current.stream().filter(w -> s.kinds().contains(w.kind())).map(w -> texts.show(w, locale)).toList();
        long active = chosen.stream().filter(WarningTexts.Shown::active).count();
        StringBuilder text = new StringBuilder();
        text.append(messages.getMessage("signals.digest.greeting", new Object[] {user.displayName()}, locale)).append("\n\n");
        text.append(messages.getMessage(active == 0 ? "signals.digest.noneActive" : "signals.digest.active",
                new Object[] {active, chosen.size()}, locale)).append("\n");
        for (WarningTexts.Shown w : chosen) {
            text.append("\n").append(w.active() ? "⚠ " : "· ").append(w.title()).append(" — ")
                    .append(messages.getMessage("signals.warnings.state." + stateKey(w.state()), null, locale)).append("\n");
            text.append(w.explanation()).append("\n");
            if (!w.figures().isEmpty()) {
                text.append(w.figures()).append("\n");
            }
            if (!w.seriesText().isEmpty()) {
                text.append(w.seriesText()).append("\n");
            }
        }
        String base = baseUrl();
        text.append("\n").append(messages.getMessage("signals.digest.page", new Object[] {base + "/warnings"}, locale)).append("\n");
        String token = tokens.issue(UNSUBSCRIBE, s.user().toString(), now.plus(Duration.ofDays(90)));
        text.append(messages.getMessage("signals.digest.unsubscribe", new Object[] {base + "/warnings/digest/unsubscribe?token=" + token}, locale))
                .append("\n");
        String subject = messages.getMessage("signals.digest.subject", new Object[] {active, week}, locale);
        return new OutgoingMessage("signals-digest:" + s.user() + ":" + week, null, s.email(), subject, text.toString(), null);
    }

    /** The user an unsubscribe link was made for, when it is genuine and not expired. */
    public Optional<UserId> unsubscriber(String token) {
        return tokens.verify(token, UNSUBSCRIBE, clock.instant()).claims()
                .flatMap(c -> {
                    try {
                        return Optional.of(new UserId(java.util.UUID.fromString(c.subject())));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                });
    }

    static String stateKey(String state) {
        return switch (state) {
            case "ACTIVE" -> "active";
            case "QUIET" -> "quiet";
            case "TOO_LITTLE" -> "tooLittle";
            default -> "unavailable";
        };
    }

    private String baseUrl() {
        String configured = properties.baseUrl();
        if (!configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
