package nl.buitenin.signals.internal.warnings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.access.UserId;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/** Who wants which warnings in the weekly digest, at which address. Unsubscribing deletes the row, address and all. */
@Repository
public class DigestSubscriptions {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** One user's choice. */
    public record Subscription(UserId user, String email, Set<WarningKind> kinds) {

        public Subscription {
            kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DigestSubscriptions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores the user's choice: the warnings (codes such as "listen-in") and the address; no warnings at all unsubscribes.
     * Refused with the field named when the address or a code is wrong.
     */
    @Transactional
    public Optional<Subscription> choose(UserId user, String email, List<String> codes) {
        List<FieldError> errors = new ArrayList<>();
        Set<WarningKind> kinds = EnumSet.noneOf(WarningKind.class);
        for (String code : codes) {
            WarningKind kind = code == null ? null : WarningKind.byCode(code);
            if (kind == null) {
                errors.add(FieldError.of("warnings", "signals.invalid.digest.warning", code == null ? "" : code));
            } else {
                kinds.add(kind);
            }
        }
        String address = email == null ? "" : email.strip();
        if (!kinds.isEmpty() && (!ADDRESS.matcher(address).matches() || address.length() > 320)) {
            errors.add(FieldError.of("email", "signals.invalid.digest.email"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        unsubscribe(user);
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("insert into signals_digest_subscription (user_id, email, kinds, created_at) values (:u, :e, :k, :at)")
                .param("u", user.value()).param("e", address)
                .param("k", kinds.stream().map(WarningKind::code).collect(Collectors.joining(",")))
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        return Optional.of(new Subscription(user, address, kinds));
    }

    @Transactional
    public boolean unsubscribe(UserId user) {
        return jdbc.sql("delete from signals_digest_subscription where user_id = :u").param("u", user.value()).update() > 0;
    }

    public Optional<Subscription> of(UserId user) {
        return jdbc.sql("select user_id, email, kinds from signals_digest_subscription where user_id = :u").param("u", user.value())
                .query(this::row).optional();
    }

    public List<Subscription> all() {
        return jdbc.sql("select user_id, email, kinds from signals_digest_subscription order by created_at, user_id").query(this::row).list();
    }

    private Subscription row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Set<WarningKind> kinds = EnumSet.noneOf(WarningKind.class);
        for (String code : rs.getString(3).split(",")) {
            WarningKind kind = WarningKind.byCode(code);
            if (kind != null) {
                kinds.add(kind);
            }
        }
        return new Subscription(new UserId(rs.getObject(1, UUID.class)), rs.getString(2), kinds);
    }
}
