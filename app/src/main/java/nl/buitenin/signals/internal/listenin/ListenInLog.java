package nl.buitenin.signals.internal.listenin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.access.User;
import nl.buitenin.organisation.Organisations;

/**
 * The listen-in log: managers record the days and hours they spent with customers. A manager's entries are theirs
 * (personal data of staff, exported and erased by {@link ListenInStaffData}); the early warning reads only the hours
 * summed over all managers per month, never per manager.
 */
@Repository
public class ListenInLog {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Clock clock;

    ListenInLog(JdbcClient jdbc, Organisations organisations, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Today in the organisation's time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), organisations.current().timeZone());
    }

    /** Records an entry for the manager; refused with every wrong field named. */
    @Transactional
    public ListenIn record(User manager, ListenInForm form) {
        ListenInForm.Checked checked = form.check(today());
        return insert(manager.username(), manager.team(), checked.day(), checked.kind(), checked.hours(), checked.note(), clock.instant());
    }

    /** Stores an entry as given: for the demo's history. */
    public ListenIn insert(String staffRef, @Nullable String team, LocalDate day, ListenInKind kind, double hours, @Nullable String note,
            Instant at) {
        ListenIn entry = new ListenIn(UUID.randomUUID(), staffRef, team == null || team.isBlank() ? null : team, day, kind, hours, note, at);
        jdbc.sql("insert into signals_listen_in (id, staff_ref, team, listened_on, kind, hours, note, recorded_at) "
                        + "values (:id, :staff, :team, :day, :kind, :hours, :note, :at)")
                .param("id", entry.id()).param("staff", entry.staffRef()).param("team", entry.team()).param("day", day)
                .param("kind", kind.name()).param("hours", hours).param("note", note)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
        return entry;
    }

    /** The manager's own entries, newest day first. */
    public List<ListenIn> of(String staffRef) {
        return jdbc.sql(SELECT + "where staff_ref = :s order by listened_on desc, recorded_at desc").param("s", staffRef).query(this::row).list();
    }

    /** Every entry of the days {@code from}..{@code to}, newest first: for administrators. */
    public List<ListenIn> between(LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + "where listened_on >= :from and listened_on <= :to order by listened_on desc, recorded_at desc")
                .param("from", from).param("to", to).query(this::row).list();
    }

    /** The hours per month of {@code from}..{@code to} (months without entries are 0), summed over all managers. */
    public Map<YearMonth, Double> hoursPerMonth(YearMonth from, YearMonth to) {
        Map<YearMonth, Double> hours = new TreeMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            hours.put(m, 0.0);
        }
        jdbc.sql("select listened_on, hours from signals_listen_in where listened_on >= :from and listened_on <= :to")
                .param("from", from.atDay(1)).param("to", to.atEndOfMonth())
                .query((rs, n) -> hours.merge(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getDouble(2), Double::sum))
                .list();
        return hours;
    }

    /** How many managers recorded anything in {@code from}..{@code to}: the denominator of hours per manager. */
    public int managers(YearMonth from, YearMonth to) {
        return jdbc.sql("select count(distinct coalesce(staff_ref, cast(id as varchar(40)))) from signals_listen_in where listened_on >= :from and listened_on <= :to")
                .param("from", from.atDay(1)).param("to", to.atEndOfMonth()).query(Integer.class).single();
    }

    private static final String SELECT = "select id, staff_ref, team, listened_on, kind, hours, note, recorded_at from signals_listen_in ";

    private ListenIn row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ListenIn(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                ListenInKind.valueOf(rs.getString(5)), rs.getDouble(6), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class).toInstant());
    }
}
