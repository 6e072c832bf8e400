package nl.buitenin.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads every value of every column of every table of the schema, as listed by INFORMATION_SCHEMA (the
 * same query on H2 and PostgreSQL), so tables that other modules add later are covered without change.
 * Binary values are read as UTF-8 text and as hex, so a plain value stored in a bytea is found too.
 */
final class DatabaseScan {

    private final JdbcTemplate jdbc;

    DatabaseScan(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Hit(String table, String column, String identifier) {
    }

    /**
     * The tables, each partitioned table once: its partitions (PostgreSQL's monthly partitions, docs/scaling.md) are
     * read through it, and are covered by the contract it is under.
     */
    List<String> tables() {
        Set<String> partitions = partitions(jdbc);
        return jdbc.queryForList("select table_name from information_schema.tables where lower(table_schema) = 'public' "
                + "and table_type = 'BASE TABLE' order by table_name", String.class).stream().filter(t -> !partitions.contains(t)).toList();
    }

    /** The partitions of partitioned tables (none on H2). */
    static Set<String> partitions(JdbcTemplate jdbc) {
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c ->
                c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
        return postgres ? Set.copyOf(jdbc.queryForList("select relname from pg_class where relispartition", String.class)) : Set.of();
    }

    List<String> columns(String table) {
        return jdbc.queryForList("select column_name from information_schema.columns where lower(table_schema) = 'public' "
                + "and table_name = ? order by ordinal_position", String.class, table);
    }

    /** Every place where one of the identifiers occurs, compared without regard to case. */
    List<Hit> find(Collection<String> identifiers) {
        List<Hit> hits = new ArrayList<>();
        for (String table : tables()) {
            List<String> columns = columns(table);
            for (Map<String, Object> row : jdbc.queryForList("select * from \"" + table + "\"")) {
                for (String column : columns) {
                    String text = asText(row.get(column));
                    if (text == null) {
                        continue;
                    }
                    String lower = text.toLowerCase(Locale.ROOT);
                    for (String identifier : identifiers) {
                        if (lower.contains(identifier.toLowerCase(Locale.ROOT))) {
                            hits.add(new Hit(table, column, identifier));
                        }
                    }
                }
            }
        }
        return hits;
    }

    static String asText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8) + " " + new String(bytes, StandardCharsets.ISO_8859_1) + " "
                    + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return value.toString();
    }
}
