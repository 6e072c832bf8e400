package nl.buitenin.listening.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.ApiKeyBindings.KeyInfo;
import nl.buitenin.access.ApiKeyBindings.NewKey;
import nl.buitenin.access.Users;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.listening.internal.widget.WidgetSite;
import nl.buitenin.listening.internal.widget.WidgetSiteKeys;
import nl.buitenin.listening.internal.widget.WidgetSites;
import nl.buitenin.listening.internal.widget.WidgetSites.Ticket;
import nl.buitenin.listening.internal.widget.WidgetSites.TicketRequest;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;

/**
 * Widget sites over REST. ADMIN and ANALYST register sites, as they write surveys. A site's server asks
 * for a one-time link with an API key of scope INGEST: it sends in answers, which is what that scope is for.
 * Admins make and bind the keys of a site (they manage all keys); a key bound to sites gets only their links.
 */
@RestController
@RequestMapping("/api/v1/widget-sites")
@Allow({Role.ADMIN, Role.ANALYST})
class WidgetSitesApi {

    private final WidgetSites sites;
    private final WidgetSiteKeys keys;
    private final Users users;

    WidgetSitesApi(WidgetSites sites, WidgetSiteKeys keys, Users users) {
        this.sites = sites;
        this.keys = keys;
        this.users = users;
    }

    record KeyRequest(String name) {
    }

    /** A key of a site; {@code key} (the plain text) only in the answer that made it. */
    record KeyView(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt, String key) {
        static KeyView of(KeyInfo key, String plainText) {
            return new KeyView(key.id(), key.name(), "bk_" + key.prefix(), key.createdAt(), key.lastUsedAt(), plainText);
        }
    }

    record SiteRequest(String name, String survey, String touchpoint, List<String> origins) {
    }

    record SiteView(UUID id, String name, UUID survey, UUID touchpoint, List<String> origins, Instant createdAt) {
        static SiteView of(WidgetSite site) {
            return new SiteView(site.id(), site.name(), site.surveyLineage(), site.touchpoint().value(), site.origins(), site.createdAt());
        }
    }

    @GetMapping
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "The registered widget sites")
    PageResult<SiteView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        List<WidgetSite> all = sites.all();
        return new PageResult<>(all.stream().skip(request.offset()).limit(request.size()).map(SiteView::of).toList(),
                request.page(), request.size(), all.size());
    }

    @GetMapping("/{id}")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "One widget site")
    SiteView one(@PathVariable UUID id) {
        return sites.byId(id).map(SiteView::of).orElseThrow(() -> new NotFoundException("listening.thing.widgetSite", id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a site (origins like https://www.example.nl) that shows a survey at a touchpoint")
    SiteView register(@RequestBody SiteRequest request) {
        return SiteView.of(sites.register(request.name(), request.survey(), request.touchpoint(), request.origins()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a site; its links stop being frameable")
    void remove(@PathVariable UUID id) {
        sites.remove(id);
    }

    @GetMapping("/{id}/keys")
    @Operation(summary = "The API keys bound to a site (never their secrets)")
    List<KeyView> keys(@PathVariable UUID id) {
        existing(id);
        return keys.keysOf(id).stream().map(k -> KeyView.of(k, null)).toList();
    }

    @PostMapping("/{id}/keys")
    @Allow(Role.ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new API key of scope INGEST bound to this site only; the answer holds its plain text, shown only now")
    KeyView newKey(@PathVariable UUID id, @RequestBody KeyRequest request) {
        NewKey issued = keys.newKey(id, request == null ? null : request.name(), users.current().map(u -> u.id()).orElse(null));
        return KeyView.of(issued.key(), issued.plainText());
    }

    @PutMapping("/{id}/keys/{key}")
    @Allow(Role.ADMIN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Bind an existing INGEST key to this site too; a key bound to nothing is from then on limited to its sites")
    void bind(@PathVariable UUID id, @PathVariable UUID key) {
        keys.bind(id, key);
    }

    @DeleteMapping("/{id}/keys/{key}")
    @Allow(Role.ADMIN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take this site from a key; 409 when it is the key's only site (revoke the key instead)")
    void unbind(@PathVariable UUID id, @PathVariable UUID key) {
        keys.unbind(id, key);
    }

    private void existing(UUID id) {
        sites.byId(id).orElseThrow(() -> new NotFoundException("listening.thing.widgetSite", id));
    }

    @PostMapping("/{id}/tokens")
    // A key bound to widget sites is made for this call; WidgetSites checks that the site is one of its own.
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.INGEST, boundKeys = true)
    @Operation(summary = "A one-time link to show the site's survey in an iframe; with a person key the contact policy decides")
    Ticket ticket(@PathVariable UUID id, @RequestBody(required = false) TicketRequest request) {
        return sites.ticket(id, request == null ? new TicketRequest(null, null, null) : request);
    }
}
