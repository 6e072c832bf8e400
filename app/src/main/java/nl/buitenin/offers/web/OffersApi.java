package nl.buitenin.offers.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.contact.ContactDecision;
import nl.buitenin.contact.Outreach;
import nl.buitenin.contact.OutreachRequest;
import nl.buitenin.journey.Channel;
import nl.buitenin.offers.internal.InterestBook;
import nl.buitenin.offers.internal.InterestSettingsFile;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.privacy.PersonKey;

/**
 * Offer decisions for marketing and CRM systems: "may we offer this topic to this person on this channel now?", decided by
 * the one contact policy (contact's {@link Outreach}, kind OFFER) and stored with every reason; "the offer went out", so
 * that it counts in the shared budget; and the interest settings.
 */
@RestController
@RequestMapping("/api/v1/offers")
class OffersApi {

    static final int MAX_TOPIC = 100;

    private final Outreach outreach;
    private final InterestBook interests;
    private final Clock clock;

    OffersApi(Outreach outreach, InterestBook interests, Clock clock) {
        this.outreach = outreach;
        this.interests = interests;
        this.clock = clock;
    }

    /**
     * @param person  the person's key (p_…)
     * @param topic   what the offer is about, such as Cuba
     * @param channel how it would reach the person: email, phone, web, app, …
     * @param at      the moment asked about, ISO-8601 with offset; now when left out
     */
    record OfferQuestion(@Nullable String person, @Nullable String topic, @Nullable String channel, @Nullable String at) {
    }

    /** One reason of a refusal: its stable code and the explanation in the reader's language. */
    record OfferReasonJson(String code, String text) {
    }

    /**
     * The answer: allowed only when no rule objects; {@code reasons} lists every objection.
     *
     * @param retryAfter when the only objections are quiet hours or a quiet day: the first moment after {@code at} at which
     *                   they no longer hold (ask again then; the other rules are weighed afresh); null otherwise
     */
    record OfferDecisionJson(UUID id, String person, String topic, String channel, Instant at, boolean allowed, List<OfferReasonJson> reasons,
            @Nullable Instant retryAfter) {
    }

    /** An offer that went out; {@code at} is now when left out. */
    record OfferSentJson(@Nullable String person, @Nullable String topic, @Nullable String channel, @Nullable String at) {
    }

    @PostMapping("/decisions")
    @Allow(value = Role.ADMIN, scopes = Scope.INGEST)
    @Operation(summary = "May we make this offer to this person on this channel now? Allow or deny with every reason",
            description = "Body: person (p_…), topic (1 to 100 characters, such as Cuba), channel (email, phone, web, app, …) and at "
                    + "(ISO-8601 with offset; now when left out). Decided by the contact policy with consent for the purpose offers, "
                    + "\"don't contact me\", the channel preference, an open case, a recent survey, quiet hours and days, the cap per "
                    + "topic, the shared contact budget and the person's interest in the topic (faded below the threshold or closed: "
                    + "refused). Each reason has a stable code and a text in the language of Accept-Language. Refused only by quiet "
                    + "hours or a quiet day, the answer's retryAfter is the next moment they no longer hold (null otherwise): the offer "
                    + "stays refused, ask again then. The decision is stored; record the offer with POST /api/v1/offers/sent once it "
                    + "went out.")
    OfferDecisionJson decide(@RequestBody @Nullable OfferQuestion question) {
        if (question == null) {
            throw InvalidInputException.of("person", "offers.invalid.required");
        }
        Valid valid = validate(question.person(), question.topic(), question.channel(), question.at());
        ContactDecision decision = outreach.ask(OutreachRequest.offer(valid.person(), valid.topic(), valid.channel(), valid.at()));
        String language = LocaleContextHolder.getLocale().getLanguage();
        return new OfferDecisionJson(decision.id(), valid.person().value(), valid.topic(), valid.channel().name().toLowerCase(java.util.Locale.ROOT),
                decision.at(), decision.allowed(),
                decision.reasons().stream().map(r -> new OfferReasonJson(r.code().name(), r.text(language))).toList(), decision.deferredUntil());
    }

    @PostMapping("/sent")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allow(value = Role.ADMIN, scopes = Scope.INGEST)
    @Operation(summary = "Record that an offer went out, so that it counts in the shared contact budget and the topic's cap",
            description = "Body: person, topic, channel and at (now when left out), as for a decision.")
    void sent(@RequestBody @Nullable OfferSentJson sent) {
        if (sent == null) {
            throw InvalidInputException.of("person", "offers.invalid.required");
        }
        Valid valid = validate(sent.person(), sent.topic(), sent.channel(), sent.at());
        outreach.offerSent(valid.person(), valid.topic(), valid.channel(), valid.at());
    }

    @GetMapping("/settings")
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "How interactions make interests: per kind weight and half-life in days, the threshold, whether a purchase closes")
    InterestSettingsFile settings() {
        return InterestSettingsFile.of(interests.settings());
    }

    @PutMapping("/settings")
    @Allow(Role.ADMIN)
    @Operation(summary = "Change the interest settings; fields left out take their default")
    InterestSettingsFile change(@RequestBody InterestSettingsFile file) {
        return InterestSettingsFile.of(interests.change(file));
    }

    private record Valid(PersonKey person, String topic, Channel channel, Instant at) {
    }

    /** Every wrong field at once. */
    private Valid validate(@Nullable String person, @Nullable String topic, @Nullable String channel, @Nullable String at) {
        List<FieldError> errors = new ArrayList<>();
        PersonKey key = null;
        if (person == null || person.isBlank()) {
            errors.add(FieldError.of("person", "offers.invalid.required"));
        } else if (!PersonKey.isValid(person.strip())) {
            errors.add(FieldError.of("person", "offers.invalid.person"));
        } else {
            key = new PersonKey(person.strip());
        }
        String subject = topic == null ? "" : topic.strip().replaceAll("\\s+", " ");
        if (subject.isEmpty() || subject.length() > MAX_TOPIC) {
            errors.add(FieldError.of("topic", "offers.invalid.topic", MAX_TOPIC));
        }
        Channel via = null;
        if (channel == null || channel.isBlank()) {
            errors.add(FieldError.of("channel", "offers.invalid.required"));
        } else {
            try {
                via = Channel.valueOf(channel.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("channel", "offers.invalid.channel", channel.strip(),
                        List.of(Channel.values()).toString().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        Instant moment = clock.instant();
        if (at != null && !at.isBlank()) {
            try {
                moment = OffsetDateTime.parse(at.strip()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("at", "offers.invalid.at", at.strip()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Valid(key, subject, via, moment);
    }
}
