package nl.buitenin.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scrubs a forgotten person from the free text of a module's table with the shared {@link FreeTextScrubber}, for
 * the module's {@link PersonErased} handler: the person's own rows lose every direct identifier (theirs in any
 * notation, and any e-mail address, phone number, IBAN or address), and any other row that mentions them loses
 * only their identifiers, so somebody else's own details stay. Rows that may mention them are found with the
 * scrubber's search terms, so a phone number written "06 12 34 56 78" is found as well as "+31612345678".
 * Table and column names come from the module's code, never from input.
 */
public final class ErasedText {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String SEPARATORS_REMOVED = "replace(replace(replace(replace(replace(replace(replace(%s, ' ', ''), '-', ''), "
            + "'(', ''), ')', ''), '.', ''), '/', ''), '+', '')";

    private final JdbcClient jdbc;
    private final PersonErased erased;
    private final FreeTextScrubber scrubber = new FreeTextScrubber();

    public ErasedText(JdbcClient jdbc, PersonErased erased) {
        this.jdbc = Objects.requireNonNull(jdbc);
        this.erased = Objects.requireNonNull(erased);
    }

    /**
     * Every direct identifier goes from {@code column} in the rows that are the person's own: those that
     * {@code condition} (SQL over the table, with {@code :person} for the key) selects.
     */
    public int scrubOwn(String table, List<String> keyColumns, String column, String condition) {
        return scrub(table, keyColumns, column, "(" + condition + ")", Map.of("person", erased.person().value()),
                scrubber::scrub);
    }

    /** The person's identifiers go from {@code column} in every row that mentions them. */
    public int scrubMentions(String table, List<String> keyColumns, String column) {
        FreeTextScrubber.SearchTerms terms = scrubber.searchTerms(erased.identifiers());
        if (terms.isEmpty()) {
            return 0;
        }
        List<String> tests = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        for (String word : terms.words()) {
            tests.add("lower(" + column + ") like :w" + params.size());
            params.put("w" + params.size(), "%" + escapeLike(word) + "%");
        }
        for (String digits : terms.digits()) {
            tests.add(SEPARATORS_REMOVED.formatted(column) + " like :d" + params.size());
            params.put("d" + params.size(), "%" + escapeLike(digits) + "%");
        }
        return scrub(table, keyColumns, column, "(" + String.join(" or ", tests) + ")", params, scrubber::scrubOnly);
    }

    private int scrub(String table, List<String> keyColumns, String column, String condition, Map<String, Object> params,
            BiFunction<String, List<String>, String> scrub) {
        check(table);
        check(column);
        keyColumns.forEach(ErasedText::check);
        String keys = String.join(", ", keyColumns);
        List<Object[]> rows = jdbc.sql("select " + keys + ", " + column + " from " + table + " where " + column
                        + " is not null and " + condition)
                .params(params)
                .query((rs, n) -> {
                    Object[] row = new Object[keyColumns.size() + 1];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = i < keyColumns.size() ? rs.getObject(i + 1) : rs.getString(i + 1);
                    }
                    return row;
                }).list();
        String where = String.join(" and ", keyColumns.stream().map(k -> k + " = :k_" + k).toList());
        int changed = 0;
        for (Object[] row : rows) {
            String text = (String) row[keyColumns.size()];
            String scrubbed = scrub.apply(text, erased.identifiers());
            if (scrubbed.equals(text)) {
                continue;
            }
            JdbcClient.StatementSpec update = jdbc.sql("update " + table + " set " + column + " = :text where " + where)
                    .param("text", scrubbed);
            for (int i = 0; i < keyColumns.size(); i++) {
                update = update.param("k_" + keyColumns.get(i), row[i]);
            }
            changed += update.update();
        }
        return changed;
    }

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void check(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a table or column name: " + name);
        }
    }
}
