package nl.buitenin.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Writes many rows of one table at once, the way each database is fastest at it. On PostgreSQL the whole batch is
 * one statement that reads its rows from {@code unnest} of one text array per column: this, not a JDBC batch, is
 * what keeps the HTTP ingestion near a raw COPY. Other databases (H2, in process) get a JDBC batch and its update
 * counts. Three kinds of write:
 * <ul>
 * <li>{@link Builder#plain()}: insert every row;</li>
 * <li>{@link Builder#ifAbsent(String)}: insert the rows that conflict with nothing ({@code on conflict do nothing}) and
 * tell which ones went in, by a key column whose value is unique within the batch; with
 * {@link Builder#claimedIn(String, String...)} a row goes in only when its key is new in a small key table, claimed
 * first in the same statement (a partitioned table cannot hold a unique key without its partition column), in the order
 * of the claim's first column, so that concurrent batches over the same keys never deadlock;</li>
 * <li>{@link Builder#adding(String, String, String...)}: add a count to an existing row or create it (an upsert that
 * sums). On PostgreSQL the rows are written in the order given, so two batches that list their rows in one fixed order
 * wait for each other instead of deadlocking; elsewhere each row is an update, or an insert when it is new.</li>
 * </ul>
 * Define one per table as a constant and call {@link #write} inside the caller's transaction.
 *
 * @param <T> the record a row is made from
 */
public final class BulkInsert<T> {

    /** The SQL type of a column; values are sent as text to PostgreSQL and cast there. */
    public enum Type {
        TEXT("text", Types.VARCHAR), UUID("uuid", Types.OTHER), INTEGER("integer", Types.INTEGER), BIGINT("bigint", Types.BIGINT),
        /** An {@link Instant} or {@link OffsetDateTime}, stored in UTC. */
        TIMESTAMP("timestamp with time zone", Types.TIMESTAMP_WITH_TIMEZONE),
        /** A {@link Double}; its decimal text (also in E notation) casts back exactly on PostgreSQL. */
        DOUBLE("double precision", Types.DOUBLE),
        DATE("date", Types.DATE),
        BOOLEAN("boolean", Types.BOOLEAN);

        private final String sql;
        private final int jdbc;

        Type(String sql, int jdbc) {
            this.sql = sql;
            this.jdbc = jdbc;
        }
    }

    private record Column<T>(String name, Type type, Function<? super T, ?> value) {
    }

    private enum Kind {
        PLAIN, IF_ABSENT, ADDING
    }

    private final String table;
    private final List<Column<T>> columns;
    private final Kind kind;
    private final int key;
    private final String constraint;
    private final int sum;
    private final int[] matchOn;
    private final String postgres;
    private final String portable;
    private final String portableUpdate;
    private final String claimTable;
    private final int[] claimColumns;
    private final String portableClaim;

    private BulkInsert(String table, List<Column<T>> columns, Kind kind, String key, String constraint, String sum,
            List<String> matchOn, String claimTable, List<String> claimColumns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a bulk insert into " + table + " needs columns");
        }
        this.table = table;
        this.columns = List.copyOf(columns);
        this.kind = kind;
        this.key = key == null ? -1 : indexOf(key);
        this.constraint = constraint;
        this.sum = sum == null ? -1 : indexOf(sum);
        this.matchOn = matchOn.stream().mapToInt(this::indexOf).toArray();
        this.claimTable = claimTable;
        this.claimColumns = claimColumns.stream().mapToInt(this::indexOf).toArray();
        if (claimTable != null && (kind != Kind.IF_ABSENT || !claimColumns.contains(key))) {
            throw new IllegalArgumentException("a claim in " + claimTable + " goes with an insert-if-absent whose key it holds");
        }
        if (kind == Kind.IF_ABSENT && this.columns.get(this.key).type() != Type.TEXT && this.columns.get(this.key).type() != Type.UUID) {
            throw new IllegalArgumentException("the key of a bulk insert is a text or uuid column, not " + key);
        }
        if (kind == Kind.ADDING && (this.matchOn.length == 0 || this.columns.get(this.sum).type() != Type.INTEGER
                && this.columns.get(this.sum).type() != Type.BIGINT)) {
            throw new IllegalArgumentException("an adding bulk insert names its key columns and a number column to add to");
        }
        String names = this.columns.stream().map(Column::name).collect(Collectors.joining(", "));
        this.postgres = postgresStatement(names);
        this.portable = "insert into " + table + " (" + names + ") values ("
                + String.join(", ", Collections.nCopies(this.columns.size(), "?")) + ")" + (kind == Kind.PLAIN ? "" : " on conflict do nothing");
        this.portableClaim = claimTable == null ? null : "insert into " + claimTable + " (" + claimColumnNames() + ") values ("
                + String.join(", ", Collections.nCopies(this.claimColumns.length, "?")) + ") on conflict do nothing";
        this.portableUpdate = kind != Kind.ADDING ? null : "update " + table + " set " + this.columns.get(this.sum).name() + " = "
                + this.columns.get(this.sum).name() + " + ? where " + this.matchOnSql();
    }

    /** Starts the definition of a bulk insert into {@code table}. */
    public static <T> Builder<T> into(String table) {
        return new Builder<>(table);
    }

    /** Columns in the order they are given; end with {@link #plain()}, {@link #ifAbsent(String)} or {@link #adding}. */
    public static final class Builder<T> {

        private final String table;
        private final List<Column<T>> columns = new ArrayList<>();
        private String claimTable;
        private List<String> claimColumns = List.of();

        private Builder(String table) {
            this.table = table;
        }

        /** A column and how a row's value is read from the record (null stores null). */
        public Builder<T> column(String name, Type type, Function<? super T, ?> value) {
            columns.add(new Column<>(name, type, value));
            return this;
        }

        /** Every row is inserted; a conflict fails the statement. */
        public BulkInsert<T> plain() {
            return new BulkInsert<>(table, columns, Kind.PLAIN, null, null, null, List.of(), null, List.of());
        }

        /**
         * Before a row goes in, its {@code columns} (the {@link #ifAbsent} key among them) are inserted into
         * {@code keyTable}, whose unique key is that key; only the rows whose claim was new are inserted. On PostgreSQL
         * claim and insert are one statement. For a table partitioned by a column that may differ between two
         * deliveries of the same row, where the table's own key can only be unique together with that column.
         */
        public Builder<T> claimedIn(String keyTable, String... columns) {
            this.claimTable = keyTable;
            this.claimColumns = List.of(columns);
            return this;
        }

        /**
         * A row that conflicts with a stored one (any unique constraint) is left out; {@link #write} returns the rows
         * that went in, told apart by {@code keyColumn} (text or uuid), whose values are distinct within a batch.
         */
        public BulkInsert<T> ifAbsent(String keyColumn) {
            return new BulkInsert<>(table, columns, Kind.IF_ABSENT, keyColumn, null, null, List.of(), claimTable, claimColumns);
        }

        /**
         * A row whose {@code matchOn} columns name a stored row adds its {@code sumColumn} to that row's; otherwise it is
         * inserted. {@code constraint} is the unique constraint over {@code matchOn} (PostgreSQL names it in the upsert).
         */
        public BulkInsert<T> adding(String constraint, String sumColumn, String... matchOn) {
            return new BulkInsert<>(table, columns, Kind.ADDING, null, constraint, sumColumn, List.of(matchOn), null, List.of());
        }
    }

    /**
     * Writes the rows in the current transaction of {@code jdbc} and returns those written: all of them, except for
     * {@link Builder#ifAbsent} the ones that were stored already (in the order given).
     */
    public List<T> write(JdbcOperations jdbc, List<? extends T> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<T> given = List.copyOf(rows);
        // A claimed batch goes in in the order of its claims' key (a stable sort: of a key given twice the first still goes
        // in). Two batches that share keys, sent at the same time in different orders, then wait for each other on the
        // key table instead of each holding a key the other needs: a deadlock, seen on PostgreSQL with four senders of
        // overlapping batches.
        List<T> ordered = claimTable == null ? given : inClaimOrder(given);
        List<T> written = jdbc.execute((ConnectionCallback<List<T>>) connection -> isPostgres(connection)
                ? withUnnest(connection, ordered) : portably(connection, ordered));
        if (ordered == given) {
            return written;
        }
        // Told back in the order given.
        Set<T> went = Collections.newSetFromMap(new IdentityHashMap<>());
        went.addAll(written);
        return given.stream().filter(went::contains).toList();
    }

    private List<T> inClaimOrder(List<T> given) {
        Function<? super T, ?> claimKey = columns.get(claimColumns[0]).value();
        List<T> ordered = new ArrayList<>(given);
        ordered.sort(Comparator.comparing((T row) -> text(claimKey.apply(row)), Comparator.nullsFirst(Comparator.naturalOrder())));
        return ordered;
    }

    /**
     * Rows from which a batch is written with the plan cache on {@code auto} (see {@link #withUnnest}); a smaller one has
     * few foreign-key checks to plan and is not worth the two extra round trips.
     */
    static final int CACHED_CHECKS_FROM = 50;

    /**
     * On PostgreSQL the connection plans each statement for its values ({@code plan_cache_mode = force_custom_plan},
     * {@code PostgresCustomPlans}, for reads by lists of ids over monthly partitions). A foreign key's check is a statement
     * too, run once per inserted row, and that setting made PostgreSQL plan it anew for every row: 49 ms of checks for
     * 5 000 interactions against 19 ms on a plan kept for the connection (explain analyze, docs/scaling.md). So a batch of
     * {@link #CACHED_CHECKS_FROM} rows or more is written with {@code auto} for this statement only: set for the
     * transaction before it and set back after it. With {@code auto} the statement itself is planned for its values for
     * its first five runs on a connection and then, once prepared on the server, on a generic plan when that looks no
     * dearer: for these statements a hash join of the claims, as fast as the values' plan (a merge join) or faster.
     */
    private List<T> withUnnest(Connection connection, List<T> rows) throws SQLException {
        String before = rows.size() >= CACHED_CHECKS_FROM ? planCache(connection, "auto") : null;
        List<T> written = withUnnestAsPlanned(connection, rows);
        // Not after a failure: the transaction is aborted then, and a setting made for it ends with it.
        if (before != null && !before.equals("auto")) {
            planCache(connection, before);
        }
        return written;
    }

    /** Sets the plan cache mode for the rest of the transaction and returns the one before. */
    private static String planCache(Connection connection, String mode) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(
                "select current_setting('plan_cache_mode'), set_config('plan_cache_mode', ?, true)")) {
            set.setString(1, mode);
            try (ResultSet result = set.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    private List<T> withUnnestAsPlanned(Connection connection, List<T> rows) throws SQLException {
        int size = rows.size();
        try (PreparedStatement statement = connection.prepareStatement(postgres)) {
            for (int c = 0; c < columns.size(); c++) {
                String[] values = new String[size];
                Function<? super T, ?> value = columns.get(c).value();
                for (int r = 0; r < size; r++) {
                    values[r] = text(value.apply(rows.get(r)));
                }
                statement.setArray(c + 1, connection.createArrayOf("text", values));
            }
            if (kind != Kind.IF_ABSENT) {
                statement.executeUpdate();
                return rows;
            }
            Set<String> inserted = new HashSet<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    inserted.add(result.getString(1));
                }
            }
            List<T> written = new ArrayList<>(inserted.size());
            Function<? super T, ?> keyOf = columns.get(key).value();
            for (T row : rows) {
                if (inserted.contains(text(keyOf.apply(row)))) {
                    written.add(row);
                }
            }
            return written;
        }
    }

    private List<T> portably(Connection connection, List<T> rows) throws SQLException {
        if (kind == Kind.ADDING) {
            for (T row : rows) {
                add(connection, row);
            }
            return rows;
        }
        if (claimTable != null) {
            rows = claimed(connection, rows);
        }
        try (PreparedStatement statement = connection.prepareStatement(portable)) {
            for (T row : rows) {
                for (int c = 0; c < columns.size(); c++) {
                    bind(statement, c + 1, columns.get(c), row);
                }
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            if (kind == Kind.PLAIN) {
                return rows;
            }
            List<T> written = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    written.add(rows.get(i));
                }
            }
            return written;
        }
    }

    /** The rows whose claim in the key table was new, portably: a batch of inserts-if-absent and its update counts. */
    private List<T> claimed(Connection connection, List<T> rows) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(portableClaim)) {
            for (T row : rows) {
                for (int c = 0; c < claimColumns.length; c++) {
                    bind(claim, c + 1, columns.get(claimColumns[c]), row);
                }
                claim.addBatch();
            }
            int[] counts = claim.executeBatch();
            List<T> claimed = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    claimed.add(rows.get(i));
                }
            }
            return claimed;
        }
    }

    /** One row, portably: the update alone is the common case; the insert only for a new row. */
    private void add(Connection connection, T row) throws SQLException {
        // The insert does nothing when another transaction created the row in between, after which the update finds it.
        if (update(connection, row) > 0) {
            return;
        }
        int created;
        try (PreparedStatement insert = connection.prepareStatement(portable)) {
            for (int c = 0; c < columns.size(); c++) {
                bind(insert, c + 1, columns.get(c), row);
            }
            created = insert.executeUpdate();
        }
        if (created == 0 && update(connection, row) == 0) {
            throw new IllegalStateException("could not add to a row of " + table + " nor insert it: "
                    + Map.copyOf(keyValues(row)));
        }
    }

    private int update(Connection connection, T row) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(portableUpdate)) {
            bind(update, 1, columns.get(sum), row);
            for (int m = 0; m < matchOn.length; m++) {
                bind(update, m + 2, columns.get(matchOn[m]), row);
            }
            return update.executeUpdate();
        }
    }

    private Map<String, String> keyValues(T row) {
        Map<String, String> values = new HashMap<>();
        for (int m : matchOn) {
            values.put(columns.get(m).name(), String.valueOf(columns.get(m).value().apply(row)));
        }
        return values;
    }

    private String postgresStatement(String names) {
        StringBuilder select = new StringBuilder();
        StringBuilder arrays = new StringBuilder();
        StringBuilder aliases = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            String alias = "c" + c;
            Type type = columns.get(c).type();
            select.append(c == 0 ? "" : ", ").append(type == Type.TEXT ? alias : "cast(" + alias + " as " + type.sql + ")");
            arrays.append(c == 0 ? "" : ", ").append("?::text[]");
            aliases.append(c == 0 ? "" : ", ").append(alias);
        }
        String insert = "insert into " + table + " (" + names + ") select " + select + " from unnest(" + arrays + ")";
        if (claimTable != null) {
            // One statement: the claims go in first (a data-modifying CTE), the rows follow for the claims that were new.
            List<String> claimed = new ArrayList<>();
            for (int c : claimColumns) {
                claimed.add(columns.get(c).type() == Type.TEXT ? "c" + c : "cast(c" + c + " as " + columns.get(c).type().sql + ")");
            }
            String keyName = columns.get(key).name();
            String keyValue = columns.get(key).type() == Type.TEXT ? "u.c" + key : "cast(u.c" + key + " as " + columns.get(key).type().sql + ")";
            // The claims "with ordinality ... order by": in the order given, which write makes the order of the keys.
            return "with u as (select * from unnest(" + arrays + ") with ordinality as u(" + aliases + ", ordinal)), claimed as (insert into "
                    + claimTable + " (" + claimColumnNames() + ") select " + String.join(", ", claimed)
                    + " from u order by ordinal on conflict do nothing returning "
                    + keyName + ") insert into " + table + " (" + names + ") select " + select + " from u join claimed k on k."
                    + keyName + " = " + keyValue + " returning " + keyName;
        }
        return switch (kind) {
            case PLAIN -> insert + " as u(" + aliases + ")";
            case IF_ABSENT -> insert + " as u(" + aliases + ") on conflict do nothing returning " + columns.get(key).name();
            // "with ordinality ... order by" writes (and so locks) the rows in the order given.
            case ADDING -> insert + " with ordinality as u(" + aliases + ", ordinal) order by ordinal on conflict on constraint "
                    + constraint + " do update set " + columns.get(sum).name() + " = " + table + "." + columns.get(sum).name()
                    + " + excluded." + columns.get(sum).name();
        };
    }

    private String claimColumnNames() {
        List<String> names = new ArrayList<>();
        for (int c : claimColumns) {
            names.add(columns.get(c).name());
        }
        return String.join(", ", names);
    }

    private String matchOnSql() {
        List<String> conditions = new ArrayList<>();
        for (int m : matchOn) {
            conditions.add(columns.get(m).name() + " = ?");
        }
        return String.join(" and ", conditions);
    }

    private int indexOf(String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no column " + name + " in the bulk insert into " + table);
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        // Both drivers answer from memory: no round trip.
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** A value as PostgreSQL reads it back with a cast from text. */
    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void bind(PreparedStatement statement, int index, Column<?> column, Object row) throws SQLException {
        @SuppressWarnings("unchecked")
        Object value = ((Function<Object, ?>) column.value()).apply(row);
        if (value == null) {
            statement.setNull(index, column.type().jdbc);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else {
            statement.setObject(index, value);
        }
    }
}
