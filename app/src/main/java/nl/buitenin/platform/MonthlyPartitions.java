package nl.buitenin.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly partitions of the big tables on PostgreSQL (docs/scaling.md, "Partitions"): a partitioned table
 * {@code t} has one partition {@code t_pYYYYMM} per calendar month in UTC of its partition column (a time set once at
 * the insert) and a default partition {@code t_default} for rows of a month without one, so an insert never fails.
 * The months are made ahead of time ({@link #createAhead}, by the platform's partition job) with the database
 * function {@code buitenin_month_partition} that the migration made them with. On H2 the tables are plain and every
 * method does nothing.
 */
@Component
public class MonthlyPartitions {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM", Locale.ROOT);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private volatile @Nullable Boolean postgres;

    public MonthlyPartitions(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** Whether {@code table} is partitioned (always false on H2). */
    public boolean partitioned(String table) {
        return postgres() && jdbc.sql("select count(*) from pg_partitioned_table p join pg_class c on c.oid = p.partrelid "
                + "where c.relname = :t and c.relnamespace = cast(current_schema() as regnamespace)")
                .param("t", checked(table)).query(Long.class).single() > 0;
    }

    /**
     * Makes sure every partitioned table has a partition for this month and the {@code monthsAhead} after it, and for
     * every month that rows in its default partition fall in (a late or back-filled delivery, moved into it), and
     * returns the partitions it created (none when they all exist: running it again changes nothing).
     */
    public List<String> createAhead(int monthsAhead) {
        List<String> created = new ArrayList<>();
        if (!postgres()) {
            return created;
        }
        YearMonth now = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC));
        for (String table : tables()) {
            Set<YearMonth> months = new TreeSet<>();
            for (int m = 0; m <= monthsAhead; m++) {
                months.add(now.plusMonths(m));
            }
            if (partitions(table).contains(table + "_default")) {
                String column = jdbc.sql("select a.attname from pg_partitioned_table p join pg_attribute a on a.attrelid = p.partrelid "
                        + "and a.attnum = p.partattrs[0] where p.partrelid = cast(:t as regclass)").param("t", table).query(String.class).single();
                jdbc.sql("select distinct cast(date_trunc('month', " + checked(column) + " at time zone 'UTC') as date) from "
                                + checked(table + "_default"))
                        .query(LocalDate.class).list().forEach(day -> months.add(YearMonth.from(day)));
            }
            for (YearMonth month : months) {
                if (jdbc.sql("select buitenin_month_partition(:t, :m)").param("t", table).param("m", month.atDay(1))
                        .query(Boolean.class).single()) {
                    created.add(table + "_p" + month.format(MONTH));
                }
            }
        }
        return created;
    }

    /**
     * Drops the partitions of {@code table} that hold only rows from before {@code cutoff} (their month ends at or
     * before it) and returns how many rows went with them. The caller decides that every row of such a month may go:
     * the purposes its rows are kept for have all expired before {@code cutoff}. The default partition is never
     * dropped; its old rows go with the caller's row-wise delete.
     */
    public long dropBefore(String table, Instant cutoff) {
        if (!partitioned(table)) {
            return 0;
        }
        Pattern partition = Pattern.compile(Pattern.quote(table) + "_p(\\d{6})");
        long rows = 0;
        for (String name : partitions(table)) {
            Matcher matcher = partition.matcher(name);
            if (!matcher.matches()) {
                continue;
            }
            Instant end = YearMonth.parse(matcher.group(1), MONTH).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!end.isAfter(cutoff)) {
                rows += jdbc.sql("select count(*) from " + checked(name)).query(Long.class).single();
                jdbc.sql("drop table " + checked(name)).update();
            }
        }
        return rows;
    }

    /** The partitions of {@code table}, by name (none on H2). */
    public List<String> partitions(String table) {
        if (!postgres()) {
            return List.of();
        }
        return jdbc.sql("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                + "where i.inhparent = cast(:t as regclass) order by c.relname").param("t", checked(table)).query(String.class).list();
    }

    /** The first day of the month, in UTC, of {@code at}: the month whose partition holds it. */
    public static LocalDate monthOf(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC)).atDay(1);
    }

    private List<String> tables() {
        return jdbc.sql("select c.relname from pg_partitioned_table p join pg_class c on c.oid = p.partrelid "
                + "where c.relnamespace = cast(current_schema() as regnamespace) and not c.relispartition order by c.relname")
                .query(String.class).list();
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            // The driver answers from memory; asked once.
            known = Boolean.TRUE.equals(template.execute((ConnectionCallback<Boolean>) connection ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
            postgres = known;
        }
        return known;
    }

    /** Table names are the code's own constants or read from the catalogue; checked anyway, as they go into SQL. */
    private static String checked(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a table name: " + name);
        }
        return name;
    }
}
