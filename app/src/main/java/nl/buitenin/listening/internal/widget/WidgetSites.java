package nl.buitenin.listening.internal.widget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.access.ApiKeyBindings;
import nl.buitenin.contact.ContactDecision;
import nl.buitenin.contact.Outreach;
import nl.buitenin.contact.OutreachRequest;
import nl.buitenin.contact.Reason;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyStatus;
import nl.buitenin.listening.internal.answers.AnswerLinks;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.Response;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.ResponseStatus;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.ForbiddenException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.LanguagePreference;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.Preferences;

/**
 * Widget sites and the one-time links they show. The site's own server asks for a link just before it
 * shows the question; the link is for one new response of the site's survey at the site's touchpoint.
 * Named people go through contact's {@link Outreach} exactly as invitations do (the decision is stored, an
 * allowed question counts against the caps); anonymous visitors are not looked up at all.
 */
@Service
public class WidgetSites {

    /** Long enough to answer after the booking is done, short enough that a leaked link soon is worthless. */
    static final Duration VALIDITY = Duration.ofHours(24);
    /** The action on the page that the question is about is itself a contact; it must not count against asking. */
    static final Duration THIS_VISIT = Duration.ofHours(1);
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** A request for a link; every field may be null. */
    public record TicketRequest(String person, String reference, String language) {
    }

    /**
     * The answer to a site's server: ask (with a link to frame) or do not ask, with the policy's reasons.
     *
     * @param frameUrl the address to put in the iframe (or give to {@code widget.js} as its token)
     */
    public record Ticket(boolean ask, String token, String frameUrl, Instant expiresAt, List<String> reasons) {
    }

    private final JdbcWidgetSites sites;
    private final JdbcSurveys surveys;
    private final JdbcResponses responses;
    private final AnswerLinks links;
    private final Outreach outreach;
    private final Persons persons;
    private final Touchpoints touchpoints;
    private final ApiKeyBindings keys;
    private final Clock clock;

    WidgetSites(JdbcWidgetSites sites, JdbcSurveys surveys, JdbcResponses responses, AnswerLinks links, Outreach outreach,
            Persons persons, Touchpoints touchpoints, ApiKeyBindings keys, Clock clock) {
        this.sites = sites;
        this.surveys = surveys;
        this.responses = responses;
        this.links = links;
        this.outreach = outreach;
        this.persons = persons;
        this.touchpoints = touchpoints;
        this.keys = keys;
        this.clock = clock;
    }

    @Transactional
    public WidgetSite register(String name, String survey, String touchpoint, List<String> origins) {
        List<FieldError> errors = new ArrayList<>();
        String trimmedName = name == null ? "" : name.strip();
        if (trimmedName.isEmpty() || trimmedName.length() > 100) {
            errors.add(FieldError.of("name", "listening.invalid.site.name"));
        }
        UUID lineage = uuid(survey, "survey", errors);
        if (lineage != null && surveys.versions(lineage).isEmpty()) {
            errors.add(FieldError.of("survey", "listening.invalid.site.survey"));
        }
        UUID touchpointId = uuid(touchpoint, "touchpoint", errors);
        if (touchpointId != null) {
            var found = touchpoints.byId(new TouchpointId(touchpointId));
            if (found.isEmpty()) {
                errors.add(FieldError.of("touchpoint", "listening.invalid.site.touchpoint"));
            } else if (found.get().archived()) {
                errors.add(FieldError.of("touchpoint", "listening.invalid.site.archived", found.get().nameNl(), found.get().nameEn()));
            }
        }
        List<String> parsedOrigins = List.of();
        try {
            parsedOrigins = SiteOrigins.parse(origins);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        WidgetSite site = new WidgetSite(UUID.randomUUID(), trimmedName, lineage, new TouchpointId(touchpointId), parsedOrigins,
                clock.instant());
        sites.add(site);
        return site;
    }

    public List<WidgetSite> all() {
        return sites.all();
    }

    public Optional<WidgetSite> byId(UUID id) {
        return sites.byId(id);
    }

    @Transactional
    public void remove(UUID id) {
        if (!sites.remove(id)) {
            throw new NotFoundException("listening.thing.widgetSite", id);
        }
    }

    /** The site a widget response came through, if it still exists. */
    public Optional<WidgetSite> siteOf(UUID response) {
        return responses.siteOf(response).flatMap(sites::byId);
    }

    /**
     * A one-time link for one response at the site. The same reference (e.g. the booking number) gives a fresh
     * link to the same response, so a retry or a reload keeps what was filled in.
     */
    @Transactional
    public Ticket ticket(UUID siteId, TicketRequest request) {
        WidgetSite site = sites.byId(siteId).orElseThrow(() -> new NotFoundException("listening.thing.widgetSite", siteId));
        checkCaller(siteId);
        List<FieldError> errors = new ArrayList<>();
        PersonKey person = null;
        if (request.person() != null && !request.person().isBlank()) {
            try {
                person = new PersonKey(request.person().strip());
                if (!persons.exists(person)) {
                    errors.add(FieldError.of("person", "listening.invalid.site.person"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("person", "listening.invalid.person", request.person().strip()));
            }
        }
        if (request.reference() != null && !REFERENCE.matcher(request.reference()).matches()) {
            errors.add(FieldError.of("reference", "listening.invalid.site.reference"));
        }
        if (request.language() != null && LanguagePreference.supportedOrNull(request.language()) == null) {
            errors.add(FieldError.of("language", "listening.invalid.language"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Survey survey = publishedSurvey(site);
        Instant now = clock.instant();
        String sourceRef = "widget:" + site.id() + ":" + (request.reference() == null ? UUID.randomUUID() : request.reference());
        Optional<UUID> earlier = responses.bySource(sourceRef);
        if (earlier.isPresent()) {
            return again(earlier.get(), now);
        }
        OutreachRequest question = person == null ? null
                : OutreachRequest.invitationDuringVisit(person, site.touchpoint(), now.minus(THIS_VISIT), Channel.WEB, now);
        if (question != null) {
            ContactDecision decision = outreach.ask(question);
            if (!decision.allowed()) {
                return new Ticket(false, null, null, null, decision.reasons().stream().map(Reason::code).map(Enum::name).toList());
            }
        }
        Preferences preferences = person == null ? null : persons.preferences(person);
        String language = request.language() != null ? LanguagePreference.supportedOrNull(request.language()).getLanguage()
                : preferences != null ? preferences.language() : "nl";
        Instant expires = now.plus(VALIDITY);
        UUID response = responses.create(survey.id(), site.touchpoint(), person, sourceRef, ResponseChannel.WIDGET, language,
                ResponseStatus.INVITED, now, expires).orElseThrow(() -> new ConflictException("listening.conflict.site.referenceRace"));
        responses.cameThrough(response, site.id());
        if (question != null) {
            outreach.sent(question, now);
        }
        return issue(response, language, expires);
    }

    /** Refuses (403) a calling API key that is bound, but not to this site; see {@link WidgetSiteKeys}. */
    private void checkCaller(UUID site) {
        keys.callingKey().filter(key -> !key.allows(WidgetSiteKeys.resource(site))).ifPresent(key -> {
            throw new ForbiddenException("API key '" + key.name() + "' (bk_" + key.prefix() + "_…) is bound to other widget sites, "
                    + "not to " + site + "; use the key made for this site, or bind this key to it on the widget sites page");
        });
    }

    private Ticket again(UUID responseId, Instant now) {
        Response response = responses.byId(responseId).orElseThrow();
        if (response.isCompleted()) {
            return new Ticket(false, null, null, null, List.of("ALREADY_ANSWERED"));
        }
        if (!response.expiresAt().isAfter(now)) {
            return new Ticket(false, null, null, null, List.of("EXPIRED"));
        }
        return issue(responseId, response.language(), response.expiresAt());
    }

    private Ticket issue(UUID response, String language, Instant expires) {
        String token = links.widgetTokenFor(response, expires);
        return new Ticket(true, token, links.baseUrl() + "/w/" + token + "?lang=" + language, expires, List.of());
    }

    /** Where this instance is reached, for the snippet a site copies. */
    public String baseUrl() {
        return links.baseUrl();
    }

    private Survey publishedSurvey(WidgetSite site) {
        return surveys.versions(site.surveyLineage()).stream()
                .filter(v -> v.status() == SurveyStatus.PUBLISHED)
                .max(Comparator.comparingInt(JdbcSurveys.Summary::version))
                .flatMap(v -> surveys.byId(v.id()))
                .orElseThrow(() -> new ConflictException("listening.conflict.site.unpublished"));
    }

    private static UUID uuid(String value, String field, List<FieldError> errors) {
        try {
            return UUID.fromString(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(field, "listening.invalid.notAnId"));
            return null;
        }
    }
}
