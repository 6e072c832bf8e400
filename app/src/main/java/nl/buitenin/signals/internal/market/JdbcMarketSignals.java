package nl.buitenin.signals.internal.market;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Market signals in {@code signals_market_signal} and the missed sales they group in {@code signals_signal_missed}. */
@Repository
public class JdbcMarketSignals {

    private static final String COLUMNS = "id, kind, title, source, noticed_on, description, owner_user_id, decision, decision_reason, "
            + "action_id, decided_at, decided_by, created_at";

    private final JdbcClient jdbc;

    JdbcMarketSignals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(MarketSignal s) {
        jdbc.sql("insert into signals_market_signal (" + COLUMNS + ") values (:id, :kind, :title, :source, :noticed, :description, :owner, "
                + ":decision, :reason, :action, :decidedAt, :decidedBy, :created)")
                .param("id", s.id()).param("kind", s.kind().name()).param("title", s.title()).param("source", s.source())
                .param("noticed", s.noticedOn()).param("description", s.description()).param("owner", s.owner())
                .param("decision", s.decision().name()).param("reason", s.reason()).param("action", s.action())
                .param("decidedAt", utc(s.decidedAt())).param("decidedBy", s.decidedBy()).param("created", utc(s.createdAt())).update();
    }

    public void change(UUID id, SignalKind kind, String title, String source, LocalDate noticedOn, String description) {
        jdbc.sql("update signals_market_signal set kind = :kind, title = :title, source = :source, noticed_on = :noticed, "
                + "description = :description where id = :id")
                .param("id", id).param("kind", kind.name()).param("title", title).param("source", source).param("noticed", noticedOn)
                .param("description", description).update();
    }

    public void decide(UUID id, Decision decision, @Nullable String reason, @Nullable UUID action, @Nullable Instant at, @Nullable UUID by) {
        jdbc.sql("update signals_market_signal set decision = :decision, decision_reason = :reason, action_id = :action, "
                + "decided_at = :at, decided_by = :by where id = :id")
                .param("id", id).param("decision", decision.name()).param("reason", reason).param("action", action)
                .param("at", utc(at)).param("by", by).update();
    }

    public Optional<MarketSignal> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from signals_market_signal where id = :id").param("id", id)
                .query((rs, n) -> signal(rs)).optional();
    }

    /** Open signals first, then newest noticed first. */
    public List<MarketSignal> all() {
        return jdbc.sql("select " + COLUMNS + " from signals_market_signal order by case when decision = 'OPEN' then 0 else 1 end, "
                + "noticed_on desc, created_at desc").query((rs, n) -> signal(rs)).list();
    }

    public void remove(UUID id) {
        jdbc.sql("delete from signals_signal_missed where signal_id = :id").param("id", id).update();
        jdbc.sql("delete from signals_signal_theme where signal_id = :id").param("id", id).update();
        jdbc.sql("delete from signals_market_signal where id = :id").param("id", id).update();
    }

    /** The normal forms of the missed sales the signal groups, alphabetically. */
    public List<String> groupedKeys(UUID signal) {
        return jdbc.sql("select asked_key from signals_signal_missed where signal_id = :id order by asked_key").param("id", signal)
                .query(String.class).list();
    }

    public void group(UUID signal, String askedKey) {
        jdbc.sql("insert into signals_signal_missed (signal_id, asked_key) values (:id, :key) on conflict do nothing")
                .param("id", signal).param("key", askedKey).update();
    }

    public void ungroup(UUID signal, String askedKey) {
        jdbc.sql("delete from signals_signal_missed where signal_id = :id and asked_key = :key").param("id", signal).param("key", askedKey)
                .update();
    }

    /** The ids of the themes linked to the signal. */
    public List<UUID> themes(UUID signal) {
        return jdbc.sql("select theme_id from signals_signal_theme where signal_id = :id order by theme_id").param("id", signal)
                .query(UUID.class).list();
    }

    public void linkTheme(UUID signal, UUID theme) {
        jdbc.sql("insert into signals_signal_theme (signal_id, theme_id) values (:id, :theme) on conflict do nothing")
                .param("id", signal).param("theme", theme).update();
    }

    public void unlinkTheme(UUID signal, UUID theme) {
        jdbc.sql("delete from signals_signal_theme where signal_id = :id and theme_id = :theme").param("id", signal).param("theme", theme)
                .update();
    }

    private static MarketSignal signal(ResultSet rs) throws SQLException {
        OffsetDateTime decidedAt = rs.getObject(11, OffsetDateTime.class);
        return new MarketSignal(rs.getObject(1, UUID.class), SignalKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getObject(7, UUID.class), Decision.valueOf(rs.getString(8)),
                rs.getString(9), rs.getObject(10, UUID.class), decidedAt == null ? null : decidedAt.toInstant(),
                rs.getObject(12, UUID.class), rs.getObject(13, OffsetDateTime.class).toInstant());
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
