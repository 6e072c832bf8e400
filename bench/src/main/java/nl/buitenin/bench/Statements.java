package nl.buitenin.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database's own account of where a phase's time went ({@code pg_stat_statements}, which the scale benchmark loads
 * only with {@code --statements N}): reset before a phase, and after it the {@code N} statements with the most execution
 * time, with their calls, rows and buffers, logged and written to a file. A profile of the application shows the time it
 * waited for a statement; this shows what the server spent on it, which on two shared cores is where ingestion's time goes.
 */
final class Statements {

    private final JdbcTemplate jdbc;
    private final int top;

    Statements(JdbcTemplate jdbc, int top) {
        this.jdbc = jdbc;
        this.top = top;
        if (top > 0) {
            jdbc.execute("create extension if not exists pg_stat_statements");
        }
    }

    void reset() {
        if (top > 0) {
            jdbc.execute("select pg_stat_statements_reset()");
        }
    }

    void report(String phase, Path file) throws Exception {
        if (top == 0) {
            return;
        }
        double total = jdbc.queryForObject("select coalesce(sum(total_exec_time), 0) from pg_stat_statements", Double.class);
        List<String> lines = jdbc.query("select calls, total_exec_time, rows, shared_blks_hit, shared_blks_read, "
                + "regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements order by total_exec_time desc limit ?",
                (rs, n) -> String.format(Locale.ROOT, "%9.1f s %5.1f %% %8d calls %9.2f ms/call %10d rows %12d hit %10d read  %s",
                        rs.getDouble(2) / 1000, 100 * rs.getDouble(2) / Math.max(total, 1e-9), rs.getLong(1),
                        rs.getDouble(2) / Math.max(rs.getLong(1), 1), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        abbreviate(rs.getString(6))), top);
        ScaleBenchmark.log("statements by execution time in %s (%.1f s in all):%n%s", phase, total / 1000, String.join("\n", lines));
        Files.write(file, lines);
    }

    private static String abbreviate(String query) {
        return query.length() > 300 ? query.substring(0, 300) + " ..." : query;
    }
}
