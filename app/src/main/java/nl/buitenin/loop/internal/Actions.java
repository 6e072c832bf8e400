package nl.buitenin.loop.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.loop.ActionId;
import nl.buitenin.loop.ThemeId;

/** The improvement actions. */
@Repository
public class Actions {

    private final JdbcClient jdbc;

    Actions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ImprovementAction a) {
        jdbc.sql("insert into loop_action (id, title_nl, title_en, description_nl, description_en, owner_user_id, status, due_on, "
                        + "created_at, started_at, completed_at) values (:id, :tnl, :ten, :dnl, :den, :owner, :status, :due, :created, "
                        + ":started, :completed)")
                .param("id", a.id().value()).param("tnl", a.titleNl()).param("ten", a.titleEn()).param("dnl", a.descriptionNl())
                .param("den", a.descriptionEn()).param("owner", a.owner()).param("status", a.status().name())
                .param("due", a.dueOn()).param("created", CaseFiles.utc(a.createdAt()))
                .param("started", CaseFiles.utc(a.startedAt())).param("completed", CaseFiles.utc(a.completedAt())).update();
        for (ThemeId theme : a.themes()) {
            jdbc.sql("insert into loop_action_theme (action_id, theme_id) values (:a, :t)")
                    .param("a", a.id().value()).param("t", theme.value()).update();
        }
    }

    /** Saves a change of status; refused (false) when the stored status is no longer {@code from}. */
    boolean changeStatus(ImprovementAction a, ActionStatus from) {
        return jdbc.sql("update loop_action set status = :status, started_at = :started, completed_at = :completed "
                        + "where id = :id and status = :from")
                .param("status", a.status().name()).param("started", CaseFiles.utc(a.startedAt()))
                .param("completed", CaseFiles.utc(a.completedAt())).param("id", a.id().value()).param("from", from.name())
                .update() == 1;
    }

    public Optional<ImprovementAction> byId(ActionId id) {
        return list("where a.id = :id", id.value()).stream().findFirst();
    }

    public List<ImprovementAction> all() {
        return list("", null);
    }

    /** Done actions, newest first, optionally completed within [from, to). */
    public List<ImprovementAction> completed(Instant from, Instant to) {
        return all().stream().filter(a -> a.status() == ActionStatus.DONE)
                .filter(a -> from == null || !a.completedAt().isBefore(from))
                .filter(a -> to == null || a.completedAt().isBefore(to))
                .sorted((x, y) -> y.completedAt().compareTo(x.completedAt()))
                .toList();
    }

    private List<ImprovementAction> list(String where, UUID id) {
        var statement = jdbc.sql("select a.id, a.title_nl, a.title_en, a.description_nl, a.description_en, a.owner_user_id, "
                + "a.status, a.due_on, a.created_at, a.started_at, a.completed_at from loop_action a " + where
                + " order by a.created_at desc, a.id");
        if (id != null) {
            statement = statement.param("id", id);
        }
        return statement.query(this::map).list();
    }

    private ImprovementAction map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        Set<ThemeId> themes = new HashSet<>(jdbc.sql("select theme_id from loop_action_theme where action_id = :a")
                .param("a", id).query((r, n) -> new ThemeId(r.getObject(1, UUID.class))).list());
        return new ImprovementAction(new ActionId(id), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, UUID.class), ActionStatus.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class), themes,
                CaseFiles.instant(rs, 9), CaseFiles.instant(rs, 10), CaseFiles.instant(rs, 11));
    }
}
