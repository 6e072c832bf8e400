package nl.buitenin.listening.internal.widget;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import nl.buitenin.access.ApiKeyBindings;
import nl.buitenin.access.ApiKeyBindings.KeyInfo;
import nl.buitenin.access.ApiKeyBindings.NewKey;
import nl.buitenin.access.Scope;
import nl.buitenin.access.UserId;
import nl.buitenin.platform.NotFoundException;

/**
 * Which API keys may ask for a site's links. A key made for a site (here) is bound to it from the start and gets
 * links for its own sites only. A key of scope INGEST bound to nothing — every key made before keys could be
 * bound — still gets links for every site, so existing sites keep working; the sites page warns about each one.
 * Signed-in admins and analysts are not limited by bindings.
 */
@Service
public class WidgetSiteKeys {

    private final ApiKeyBindings bindings;
    private final WidgetSites sites;

    WidgetSiteKeys(ApiKeyBindings bindings, WidgetSites sites) {
        this.bindings = bindings;
        this.sites = sites;
    }

    /** The name a site has in a key's bindings. */
    static String resource(UUID site) {
        return "widget-site:" + site;
    }

    /** The active keys bound to the site. */
    public List<KeyInfo> keysOf(UUID site) {
        String resource = resource(site);
        return bindings.active(Scope.INGEST).stream().filter(k -> k.resources().contains(resource)).toList();
    }

    /** Every active INGEST key, to choose one to bind. */
    public List<KeyInfo> ingestKeys() {
        return bindings.active(Scope.INGEST);
    }

    /** Active INGEST keys bound to nothing: they can get links for every site. */
    public List<KeyInfo> unbound() {
        return bindings.active(Scope.INGEST).stream().filter(k -> !k.bound()).toList();
    }

    /** A new key of scope INGEST, bound to this site only; its plain text is shown once. */
    public NewKey newKey(UUID site, String name, UserId createdBy) {
        existing(site);
        return bindings.issueBound(name, EnumSet.of(Scope.INGEST), resource(site), createdBy);
    }

    /** Lets an existing key ask for this site's links; a key bound to nothing is from then on limited to this site. */
    public void bind(UUID site, UUID key) {
        existing(site);
        if (bindings.active(Scope.INGEST).stream().noneMatch(k -> k.id().equals(key))) {
            throw new NotFoundException("listening.thing.ingestKey", key);
        }
        bindings.bind(key, resource(site));
    }

    /** Takes the site from a key; refused when it is the key's only site (revoke the key instead). */
    public void unbind(UUID site, UUID key) {
        bindings.unbind(key, resource(site));
    }

    private void existing(UUID site) {
        sites.byId(site).orElseThrow(() -> new NotFoundException("listening.thing.widgetSite", site));
    }
}
