package nl.buitenin.loop.internal;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.PersonErased;

/**
 * Forgets a person in this module: the key goes from their cases, answer tags and told-back rows, and every listed
 * identifier is replaced by {@value #REPLACEMENT} in the free text of all cases, notes and call-backs
 * (a name may also appear in a note on somebody else's case). Counts stay.
 */
@Component
class Erasure {

    static final String REPLACEMENT = "[verwijderd]";

    private record TextColumn(String table, String column) {
    }

    private static final List<TextColumn> TEXTS = List.of(new TextColumn("loop_case", "summary"),
            new TextColumn("loop_case", "outcome"), new TextColumn("loop_case_note", "text"),
            new TextColumn("loop_callback", "note"), new TextColumn("loop_case_event", "detail"));

    private final JdbcClient jdbc;

    Erasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        forget(erased);
    }

    void forget(PersonErased erased) {
        for (String identifier : erased.identifiers()) {
            if (identifier == null || identifier.isBlank()) {
                continue;
            }
            Pattern pattern = Pattern.compile(Pattern.quote(identifier.strip()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            for (TextColumn text : TEXTS) {
                scrub(text, identifier.strip(), pattern);
            }
        }
        jdbc.sql("update loop_case set person_key = null where person_key = :p").param("p", erased.person().value()).update();
        jdbc.sql("update loop_told_back set person_key = null where person_key = :p").param("p", erased.person().value()).update();
        // The tag on their answer stays (the theme was raised), but no longer says by whom.
        jdbc.sql("update loop_answer_theme set person_key = null where person_key = :p").param("p", erased.person().value()).update();
        // A call-back task exists only to reach this person; the told-back row above keeps the count.
        jdbc.sql("delete from loop_tell_back_task where person_key = :p").param("p", erased.person().value()).update();
        jdbc.sql("delete from loop_told_back_due where person_key = :p").param("p", erased.person().value()).update();
    }

    private void scrub(TextColumn text, String identifier, Pattern pattern) {
        record Row(UUID id, String value) {
        }
        List<Row> rows = jdbc.sql("select id, " + text.column() + " from " + text.table() + " where lower(" + text.column()
                        + ") like :like")
                .param("like", "%" + identifier.toLowerCase(java.util.Locale.ROOT) + "%")
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2))).list();
        for (Row row : rows) {
            String scrubbed = pattern.matcher(row.value()).replaceAll(Matcher.quoteReplacement(REPLACEMENT));
            jdbc.sql("update " + text.table() + " set " + text.column() + " = :v where id = :id")
                    .param("v", scrubbed).param("id", row.id()).update();
        }
    }
}
