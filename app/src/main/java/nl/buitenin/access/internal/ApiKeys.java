package nl.buitenin.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.access.Scope;
import nl.buitenin.access.UserId;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;

/**
 * API keys for machine-to-machine calls. A key reads {@code bk_<prefix>_<secret>}; only the prefix
 * and a SHA-256 of the whole key are stored, so a database dump yields no usable key. (A fast hash
 * is right here: the key has 192 random bits, unlike a password.)
 */
@Repository
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record ApiKey(UUID id, String name, String prefix, Set<Scope> scopes, Instant createdAt, Instant lastUsedAt,
            Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A key just created: the plain text is shown once and never again. */
    public record IssuedKey(ApiKey key, String plainText) {
    }

    public IssuedKey issue(String name, Set<Scope> scopes, UserId createdBy) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw InvalidInputException.of("name", "access.invalid.keyName");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw InvalidInputException.of("scopes", "access.invalid.scopes");
        }
        String prefix = randomHex(4);
        String plain = "bk_" + prefix + "_" + randomHex(24);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into api_key (id, name, key_prefix, secret_hash, scopes, created_by, created_at) "
                        + "values (:id, :name, :prefix, :hash, :scopes, :createdBy, :now)")
                .param("id", id).param("name", name.trim()).param("prefix", prefix).param("hash", sha256(plain))
                .param("scopes", scopes.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("createdBy", createdBy == null ? null : createdBy.value())
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        return new IssuedKey(byId(id).orElseThrow(), plain);
    }

    /** A key that signed a request, and whether it is bound to resources ({@code ApiKeyBindings}). */
    public record Authenticated(ApiKey key, boolean bound) {
    }

    public Optional<Authenticated> authenticate(String presented) {
        String[] parts = presented == null ? new String[0] : presented.split("_");
        if (parts.length != 3 || !parts[0].equals("bk") || parts[1].length() != 8) {
            return Optional.empty();
        }
        // One statement per request signed with a key (it runs on every API call): the key, its hash and whether it is bound.
        Optional<StoredKey> stored = jdbc.sql("select k.*, exists (select 1 from api_key_binding b where b.key_id = k.id) bound "
                        + "from api_key k where k.key_prefix = :prefix and k.revoked_at is null")
                .param("prefix", parts[1])
                .query((rs, n) -> new StoredKey(read(rs), rs.getString("secret_hash"), rs.getBoolean("bound")))
                .optional();
        if (stored.isEmpty() || !MessageDigest.isEqual(HEX.parseHex(stored.get().hash()), HEX.parseHex(sha256(presented)))) {
            return Optional.empty();
        }
        touch(stored.get().key());
        return Optional.of(new Authenticated(stored.get().key(), stored.get().bound()));
    }

    private void touch(ApiKey key) {
        Instant now = clock.instant();
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
            jdbc.sql("update api_key set last_used_at = :now where id = :id")
                    .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("id", key.id()).update();
        }
    }

    public void revoke(UUID id) {
        int changed = jdbc.sql("update api_key set revoked_at = :now where id = :id and revoked_at is null")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", id).update();
        if (changed == 0 && byId(id).isEmpty()) {
            throw new NotFoundException("access.thing.apiKey", id);
        }
    }

    public List<ApiKey> all() {
        return jdbc.sql("select * from api_key order by created_at desc").query((rs, n) -> read(rs)).list();
    }

    /** How many things each bound key is bound to (see {@code ApiKeyBindings}); keys bound to nothing are absent. */
    public java.util.Map<UUID, Integer> bindingCounts() {
        java.util.Map<UUID, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("select key_id, count(*) from api_key_binding group by key_id")
                .query(rs -> {
                    counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        return counts;
    }

    public Optional<ApiKey> byId(UUID id) {
        return jdbc.sql("select * from api_key where id = :id").param("id", id).query((rs, n) -> read(rs)).optional();
    }

    private static ApiKey read(java.sql.ResultSet rs) throws java.sql.SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(rs.getString("scopes").split(",")).map(Scope::valueOf).forEach(scopes::add);
        return new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("key_prefix"), scopes,
                instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HEX.formatHex(random);
    }

    static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record StoredKey(ApiKey key, String hash, boolean bound) {
    }
}
