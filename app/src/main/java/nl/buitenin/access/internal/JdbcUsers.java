package nl.buitenin.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.access.Role;
import nl.buitenin.access.User;
import nl.buitenin.access.UserId;
import nl.buitenin.access.Users;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

@Repository
public class JdbcUsers implements Users, UserDetailsService {

    static final int MAX_TEAM = 100;

    private static final String SELECT = "select u.id, u.username, u.display_name, u.password_hash, u.team, u.language, "
            + "u.enabled, u.must_change_password, u.failed_logins, u.locked_until, r.role "
            + "from app_user u left join app_user_role r on r.user_id = u.id ";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    JdbcUsers(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    public Optional<User> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StoredUser principal)) {
            return Optional.empty();
        }
        return byId(principal.id());
    }

    @Override
    public Optional<User> byId(UserId id) {
        return stored("where u.id = :id", Map.of("id", id.value())).stream().findFirst().map(StoredUser::toUser);
    }

    @Override
    public Optional<User> byUsername(String username) {
        return storedByUsername(username).map(StoredUser::toUser);
    }

    public Optional<StoredUser> storedByUsername(String username) {
        return stored("where u.username = :username", Map.of("username", normalise(username))).stream().findFirst();
    }

    public Optional<StoredUser> storedById(UserId id) {
        return stored("where u.id = :id", Map.of("id", id.value())).stream().findFirst();
    }

    @Override
    public List<User> all() {
        return stored("", Map.of()).stream().map(StoredUser::toUser).toList();
    }

    @Override
    public List<User> withRole(Role role) {
        return all().stream().filter(u -> u.has(role)).toList();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return storedByUsername(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Override
    @Transactional
    public User create(NewUser user) {
        String username = normalise(user.username());
        List<FieldError> errors = new ArrayList<>();
        if (!username.matches("[a-z0-9._@-]{2,100}")) {
            errors.add(FieldError.of("username", "access.invalid.username"));
        }
        if (user.displayName() == null || user.displayName().isBlank() || user.displayName().length() > 200) {
            errors.add(FieldError.of("displayName", "access.invalid.displayName"));
        }
        if (user.roles() == null || user.roles().isEmpty()) {
            errors.add(FieldError.of("roles", "access.invalid.roles"));
        }
        teamTooLong(user.team()).ifPresent(errors::add);
        PasswordPolicy.check(user.password(), username).ifPresent(errors::add);
        String language = user.language() == null ? "nl" : user.language();
        if (!language.equals("nl") && !language.equals("en")) {
            errors.add(FieldError.of("language", "access.invalid.language"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (storedByUsername(username).isPresent()) {
            throw new ConflictException("access.conflict.username", username);
        }
        UserId id = UserId.random();
        jdbc.sql("insert into app_user (id, username, display_name, password_hash, team, language, enabled, "
                        + "must_change_password, failed_logins, created_at) values (:id, :username, :displayName, :hash, "
                        + ":team, :language, true, :mustChange, 0, :now)")
                .param("id", id.value()).param("username", username).param("displayName", user.displayName().trim())
                .param("hash", passwordEncoder.encode(user.password())).param("team", blankToNull(user.team()))
                .param("language", language).param("mustChange", user.mustChangePassword())
                .param("now", now())
                .update();
        replaceRoles(id, user.roles());
        return byId(id).orElseThrow();
    }

    /** The team column holds 100 characters: a longer name is refused by name, before the database. */
    private static java.util.Optional<FieldError> teamTooLong(String team) {
        return team != null && team.strip().length() > MAX_TEAM
                ? java.util.Optional.of(FieldError.of("team", "access.invalid.team", MAX_TEAM)) : java.util.Optional.empty();
    }

    @Transactional
    public void replaceRoles(UserId id, Set<Role> roles) {
        jdbc.sql("delete from app_user_role where user_id = :id").param("id", id.value()).update();
        for (Role role : roles) {
            jdbc.sql("insert into app_user_role (user_id, role) values (:id, :role)")
                    .param("id", id.value()).param("role", role.name()).update();
        }
    }

    @Transactional
    public void update(UserId id, String displayName, Set<Role> roles, String team, boolean enabled) {
        List<FieldError> errors = new ArrayList<>();
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            errors.add(FieldError.of("displayName", "access.invalid.displayName"));
        }
        teamTooLong(team).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int changed = jdbc.sql("update app_user set display_name = :displayName, team = :team, enabled = :enabled where id = :id")
                .param("displayName", displayName).param("team", blankToNull(team)).param("enabled", enabled)
                .param("id", id.value()).update();
        if (changed == 0) {
            throw new nl.buitenin.platform.NotFoundException("access.thing.user", id);
        }
        replaceRoles(id, roles);
    }

    public void changePassword(UserId id, String newPassword, boolean mustChangeAgain) {
        StoredUser user = storedById(id).orElseThrow(() -> new nl.buitenin.platform.NotFoundException("access.thing.user", id));
        PasswordPolicy.check(newPassword, user.username()).ifPresent(error -> {
            throw new InvalidInputException(java.util.List.of(error));
        });
        jdbc.sql("update app_user set password_hash = :hash, must_change_password = :mustChange where id = :id")
                .param("hash", passwordEncoder.encode(newPassword)).param("mustChange", mustChangeAgain)
                .param("id", id.value()).update();
    }

    public boolean passwordMatches(UserId id, String password) {
        return storedById(id).map(u -> passwordEncoder.matches(password, u.passwordHash())).orElse(false);
    }

    public void setLanguage(UserId id, String language) {
        jdbc.sql("update app_user set language = :language where id = :id")
                .param("language", language).param("id", id.value()).update();
    }

    /** Counts a failed sign-in; the account locks for {@code lockout} when the count reaches {@code max}. */
    public void recordFailure(String username, int max, Duration lockout) {
        storedByUsername(username).ifPresent(user -> {
            int failures = user.failedLogins() + 1;
            if (failures >= max) {
                jdbc.sql("update app_user set failed_logins = 0, locked_until = :until where id = :id")
                        .param("until", OffsetDateTime.ofInstant(clock.instant().plus(lockout), ZoneOffset.UTC))
                        .param("id", user.id().value()).update();
            } else {
                jdbc.sql("update app_user set failed_logins = :failures where id = :id")
                        .param("failures", failures).param("id", user.id().value()).update();
            }
        });
    }

    public void recordSuccess(UserId id) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = :id").param("id", id.value()).update();
    }

    public void unlock(UserId id) {
        recordSuccess(id);
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single() == 0;
    }

    private List<StoredUser> stored(String where, Map<String, ?> params) {
        Map<UUID, StoredUser> users = new LinkedHashMap<>();
        Map<UUID, Set<Role>> roles = new LinkedHashMap<>();
        jdbc.sql(SELECT + where + " order by u.username").params(params).query((ResultSet rs) -> {
            UUID id = rs.getObject("id", UUID.class);
            Set<Role> userRoles = roles.computeIfAbsent(id, k -> EnumSet.noneOf(Role.class));
            users.computeIfAbsent(id, k -> read(rs, userRoles));
            String role = rs.getString("role");
            if (role != null) {
                userRoles.add(Role.valueOf(role));
            }
        });
        return users.values().stream()
                .map(u -> new StoredUser(u.id(), u.username(), u.displayName(), u.passwordHash(), roles.get(u.id().value()),
                        u.team(), u.language(), u.enabled(), u.mustChangePassword(), u.failedLogins(), u.lockedUntil()))
                .toList();
    }

    private static StoredUser read(ResultSet rs, Set<Role> roles) {
        try {
            OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
            return new StoredUser(new UserId(rs.getObject("id", UUID.class)), rs.getString("username"),
                    rs.getString("display_name"), rs.getString("password_hash"), roles, rs.getString("team"),
                    rs.getString("language"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                    rs.getInt("failed_logins"), locked == null ? null : locked.toInstant());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
