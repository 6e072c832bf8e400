package nl.buitenin.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Least privilege for API keys beyond their scopes: a key can be bound to the things it is for, named by the
 * module that owns them ({@code "widget-site:<id>"}). A module that checks a binding asks
 * {@link #callingKey()} and {@link KeyInfo#allows(String)}. A key without any binding is limited by its scopes
 * alone (as keys made before bindings existed are); once bound, a key stays bound: removing its last binding is
 * refused, revoke the key instead.
 */
public interface ApiKeyBindings {

    /** An active API key as other modules see it, never its secret; {@code resources} is what it is bound to. */
    record KeyInfo(UUID id, String name, String prefix, Set<Scope> scopes, Instant createdAt, Instant lastUsedAt, Set<String> resources) {

        public KeyInfo {
            scopes = Set.copyOf(scopes);
            resources = Set.copyOf(resources);
        }

        public boolean bound() {
            return !resources.isEmpty();
        }

        /** Whether the key may be used for the resource: it is bound to it, or bound to nothing at all. */
        public boolean allows(String resource) {
            return resources.isEmpty() || resources.contains(resource);
        }
    }

    /** A key just made: the plain text is shown once and never again. */
    record NewKey(KeyInfo key, String plainText) {
    }

    /** The API key that signed the current request; empty for a signed-in user or an anonymous caller. */
    Optional<KeyInfo> callingKey();

    /** The active (not revoked) keys that have the scope, newest first. */
    List<KeyInfo> active(Scope scope);

    /** Makes a key bound to one resource from the start; the name is checked as for any key. */
    NewKey issueBound(String name, Set<Scope> scopes, String resource, UserId createdBy);

    /** Binds an active key to a resource too; nothing happens when it already is. */
    void bind(UUID key, String resource);

    /** Takes a resource from a key; refused (409) when it is the key's last one, which would free the key. */
    void unbind(UUID key, String resource);
}
