package nl.buitenin.access.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.access.ApiKeyBindings;
import nl.buitenin.access.Scope;
import nl.buitenin.access.UserId;
import nl.buitenin.access.internal.ApiKeyAuthenticationFilter.ApiKeyAuthentication;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;

/** API key bindings in {@code api_key_binding}; the keys themselves stay in {@link ApiKeys}. */
@Service
class JdbcApiKeyBindings implements ApiKeyBindings {

    static final int MAX_RESOURCE = 100;

    private final JdbcClient jdbc;
    private final ApiKeys keys;

    JdbcApiKeyBindings(JdbcClient jdbc, ApiKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @Override
    public Optional<KeyInfo> callingKey() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiKeyAuthentication authentication) {
            return Optional.of(info(authentication.key()));
        }
        return Optional.empty();
    }

    @Override
    public List<KeyInfo> active(Scope scope) {
        Map<UUID, Set<String>> bindings = new HashMap<>();
        jdbc.sql("select b.key_id, b.resource from api_key_binding b join api_key k on k.id = b.key_id where k.revoked_at is null")
                .query(rs -> {
                    bindings.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getString(2));
                });
        return keys.all().stream().filter(k -> k.active() && k.scopes().contains(scope))
                .map(k -> info(k, bindings.getOrDefault(k.id(), Set.of()))).toList();
    }

    @Override
    @Transactional
    public NewKey issueBound(String name, Set<Scope> scopes, String resource, UserId createdBy) {
        check(resource);
        ApiKeys.IssuedKey issued = keys.issue(name, scopes, createdBy);
        insert(issued.key().id(), resource);
        return new NewKey(info(issued.key()), issued.plainText());
    }

    @Override
    @Transactional
    public void bind(UUID key, String resource) {
        check(resource);
        activeKey(key);
        insert(key, resource);
    }

    @Override
    @Transactional
    public void unbind(UUID key, String resource) {
        ApiKeys.ApiKey stored = activeKey(key);
        Set<String> bound = resourcesOf(key);
        if (!bound.contains(resource)) {
            return;
        }
        if (bound.size() == 1) {
            throw new ConflictException("access.conflict.lastBinding", stored.name());
        }
        jdbc.sql("delete from api_key_binding where key_id = :key and resource = :resource").param("key", key).param("resource", resource)
                .update();
    }

    private ApiKeys.ApiKey activeKey(UUID key) {
        return keys.byId(key).filter(ApiKeys.ApiKey::active).orElseThrow(() -> new NotFoundException("access.thing.apiKey", key));
    }

    private void insert(UUID key, String resource) {
        jdbc.sql("insert into api_key_binding (key_id, resource) values (:key, :resource) on conflict do nothing")
                .param("key", key).param("resource", resource).update();
    }

    private static void check(String resource) {
        if (resource == null || resource.isBlank() || resource.length() > MAX_RESOURCE) {
            throw InvalidInputException.of("resource", "access.invalid.resource", MAX_RESOURCE);
        }
    }

    Set<String> resourcesOf(UUID key) {
        return Set.copyOf(jdbc.sql("select resource from api_key_binding where key_id = :key").param("key", key).query(String.class).list());
    }

    private KeyInfo info(ApiKeys.ApiKey key) {
        return info(key, resourcesOf(key.id()));
    }

    private static KeyInfo info(ApiKeys.ApiKey key, Set<String> resources) {
        return new KeyInfo(key.id(), key.name(), key.prefix(), key.scopes(), key.createdAt(), key.lastUsedAt(), resources);
    }
}
