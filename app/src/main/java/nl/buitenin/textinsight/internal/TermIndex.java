package nl.buitenin.textinsight.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.TextAnalyzer;
import nl.buitenin.platform.BulkInsert;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.textinsight.TextSource;

/**
 * The search index of analysed texts: their distinct stemmed terms as the shared analyzer reads them in the text's
 * language, so a search for "wachttijd" finds "wachttijden" on H2 and PostgreSQL alike. Written only together with
 * the text's analysis ({@link TextReading}); the terms go with the person on erasure and with the text on retention.
 */
@Repository
public class TermIndex {

    /** Longer "words" (a pasted link, a run of letters) are not worth searching for and would not fit the column. */
    static final int LONGEST = 100;

    private record Row(String term, TextSource source, String ref, @Nullable PersonKey person) {
    }

    private static final BulkInsert<Row> INSERT = BulkInsert.<Row>into("textinsight_term")
            .column("term", BulkInsert.Type.TEXT, Row::term)
            .column("source_kind", BulkInsert.Type.TEXT, r -> r.source().name())
            .column("source_ref", BulkInsert.Type.TEXT, Row::ref)
            .column("person_key", BulkInsert.Type.TEXT, r -> r.person() == null ? null : r.person().value())
            // Insert-if-absent: terms kept from an earlier analysis of the same text (one analysed again) stay as they are.
            // The rows that went in are not needed, so the key column only has to exist.
            .ifAbsent("term");

    /** A text to index: where it came from, whose it is, and what it says in which language. */
    public record Indexed(TextSource source, String ref, @Nullable PersonKey person, String text, Language language) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    TermIndex(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The distinct terms of a text in its language, as stored and as searched. */
    public static Set<String> termsOf(String text, Language language) {
        Set<String> terms = new LinkedHashSet<>();
        for (String term : TextAnalyzer.standard().terms(text, language)) {
            if (term.length() <= LONGEST) {
                terms.add(term);
            }
        }
        return terms;
    }

    /** Adds the terms of texts analysed just now, in the caller's transaction (the analysis's). */
    @Transactional
    public void add(List<Indexed> texts) {
        List<Row> rows = new ArrayList<>();
        for (Indexed text : texts) {
            termsOf(text.text(), text.language()).forEach(term -> rows.add(new Row(term, text.source(), text.ref(), text.person())));
        }
        if (!rows.isEmpty()) {
            INSERT.write(template, rows);
        }
    }

    /** The person's indexed words per text, for their export. */
    @Transactional(readOnly = true)
    public List<String> of(PersonKey person, TextSource source, String ref) {
        return jdbc.sql("select term from textinsight_term where person_key = :p and source_kind = :kind and source_ref = :ref order by term")
                .param("p", person.value()).param("kind", source.name()).param("ref", ref).query(String.class).list();
    }

    /** Forgets every term of the person's texts (erasure): their texts are no longer found by words. */
    @Transactional
    public int forget(PersonKey person) {
        return jdbc.sql("delete from textinsight_term where person_key = :p").param("p", person.value()).update();
    }

    /** Forgets the terms in any text that a forgotten person's identifiers (their name's words) stem to. */
    @Transactional
    public int forgetWords(Collection<String> words) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : words) {
            for (Language language : Language.values()) {
                terms.addAll(termsOf(word, language));
            }
        }
        if (terms.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from textinsight_term where term in (:terms)").param("terms", List.copyOf(terms)).update();
    }

    /** Forgets the terms of the texts of one kind (or all kinds when null) written before the cutoff (retention). */
    @Transactional
    public int forgetWrittenBefore(@Nullable TextSource source, java.time.OffsetDateTime cutoff) {
        return jdbc.sql("delete from textinsight_term where exists (select 1 from textinsight_analysis a where a.source_kind = "
                        + "textinsight_term.source_kind and a.source_ref = textinsight_term.source_ref and a.written_at < :cutoff"
                        + (source == null ? "" : " and a.source_kind = :kind") + ")")
                .param("cutoff", cutoff).params(source == null ? java.util.Map.of() : java.util.Map.of("kind", source.name())).update();
    }
}
