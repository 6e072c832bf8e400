package nl.buitenin.textinsight.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.BulkInsert;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.textinsight.TextSource;

/**
 * The one writer of {@code textinsight_analysis}: adds analyses (a source already analysed is left as it is, so a
 * replayed event adds nothing), records an analyst's correction, and reads them back.
 */
@Repository
public class Analyses {

    private record Row(AnalysedText text, Instant analysedAt) {
    }

    private static final BulkInsert<Row> INSERT = BulkInsert.<Row>into("textinsight_analysis")
            .column("source_kind", BulkInsert.Type.TEXT, r -> r.text().source().name())
            .column("source_ref", BulkInsert.Type.TEXT, r -> r.text().ref())
            .column("person_key", BulkInsert.Type.TEXT, r -> r.text().person() == null ? null : r.text().person().value())
            .column("touchpoint_id", BulkInsert.Type.UUID, r -> r.text().touchpoint() == null ? null : r.text().touchpoint().value())
            .column("written_at", BulkInsert.Type.TIMESTAMP, r -> r.text().writtenAt())
            .column("language", BulkInsert.Type.TEXT, r -> r.text().language().code())
            .column("sentiment", BulkInsert.Type.DOUBLE, r -> r.text().sentiment())
            .column("label", BulkInsert.Type.TEXT, r -> r.text().label().code())
            .column("analysed_at", BulkInsert.Type.TIMESTAMP, Row::analysedAt)
            .ifAbsent("source_ref");

    private static final String SELECT = "select source_kind, source_ref, person_key, touchpoint_id, written_at, language, sentiment, "
            + "label, corrected_label, corrected_by, corrected_at from textinsight_analysis ";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ApplicationEventPublisher events;

    Analyses(JdbcClient jdbc, JdbcTemplate template, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.template = template;
        this.events = events;
    }

    /** Stores the analyses of sources not analysed before and returns those; the others stay as they were. */
    @Transactional
    public List<AnalysedText> add(List<AnalysedText> texts, Instant analysedAt) {
        // The insert tells its rows apart by reference, which is unique within one kind of source.
        Map<TextSource, List<Row>> byKind = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (AnalysedText text : texts) {
            if (seen.add(text.source() + "/" + text.ref())) {
                byKind.computeIfAbsent(text.source(), k -> new ArrayList<>()).add(new Row(text, analysedAt));
            }
        }
        List<AnalysedText> added = new ArrayList<>();
        byKind.values().forEach(rows -> INSERT.write(template, rows).forEach(r -> added.add(r.text())));
        return added;
    }

    /** Which of the references of this kind of source are analysed already. */
    @Transactional(readOnly = true)
    public Set<String> analysed(TextSource source, Collection<String> refs) {
        if (refs.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select source_ref from textinsight_analysis where source_kind = :kind and source_ref in (:refs)")
                .param("kind", source.name()).param("refs", List.copyOf(refs)).query(String.class).list());
    }

    @Transactional(readOnly = true)
    public Optional<StoredAnalysis> find(TextSource source, String ref) {
        return jdbc.sql(SELECT + "where source_kind = :kind and source_ref = :ref").param("kind", source.name()).param("ref", ref)
                .query(Analyses::stored).optional();
    }

    /** The analyses of one kind of source by reference, for a page that lists them. */
    @Transactional(readOnly = true)
    public Map<String, StoredAnalysis> findAll(TextSource source, Collection<String> refs) {
        Map<String, StoredAnalysis> found = new LinkedHashMap<>();
        if (refs.isEmpty()) {
            return found;
        }
        jdbc.sql(SELECT + "where source_kind = :kind and source_ref in (:refs)").param("kind", source.name())
                .param("refs", List.copyOf(refs)).query(Analyses::stored).list().forEach(s -> found.put(s.text().ref(), s));
        return found;
    }

    /**
     * The references of one kind of source whose label (an analyst's when corrected) is this one, newest written first,
     * of one touchpoint or all when {@code touchpoint} is null.
     */
    @Transactional(readOnly = true)
    public List<String> labelled(TextSource source, SentimentLabel label, @Nullable TouchpointId touchpoint, int limit) {
        String where = touchpoint == null ? "" : "and touchpoint_id = :touchpoint ";
        var sql = jdbc.sql("select source_ref from textinsight_analysis where source_kind = :kind "
                        + "and coalesce(corrected_label, label) = :label " + where + "order by written_at desc, source_ref limit :limit")
                .param("kind", source.name()).param("label", label.code()).param("limit", limit);
        if (touchpoint != null) {
            sql = sql.param("touchpoint", touchpoint.value());
        }
        return sql.query(String.class).list();
    }

    /**
     * Records an analyst's label; false when the source was never analysed. Every correction passes here, so this is
     * where the sentiment model hears that its examples changed ({@link SentimentCorrected}).
     */
    @Transactional
    public boolean correct(TextSource source, String ref, SentimentLabel label, String by, Instant at) {
        boolean found = jdbc.sql("update textinsight_analysis set corrected_label = :label, corrected_by = :by, corrected_at = :at "
                        + "where source_kind = :kind and source_ref = :ref")
                .param("label", label.code()).param("by", by).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("kind", source.name()).param("ref", ref).update() > 0;
        if (found) {
            events.publishEvent(new SentimentCorrected());
        }
        return found;
    }

    /** Every corrected analysis of a kind of source, oldest correction first: the labelled examples analysts gave. */
    @Transactional(readOnly = true)
    public List<StoredAnalysis> corrected(TextSource source) {
        return jdbc.sql(SELECT + "where source_kind = :kind and corrected_label is not null order by corrected_at, source_ref")
                .param("kind", source.name()).query(Analyses::stored).list();
    }

    /** The person's analyses, newest first, for their export. */
    @Transactional(readOnly = true)
    public List<StoredAnalysis> of(PersonKey person) {
        return jdbc.sql(SELECT + "where person_key = :p order by written_at desc, source_kind, source_ref").param("p", person.value())
                .query(Analyses::stored).list();
    }

    /**
     * The analyses no longer say whose text they read (erasure, retention); the figures keep them. The person's texts
     * go with the erasure, so the sentiment model is fitted again without them.
     */
    @Transactional
    public int forget(PersonKey person) {
        int forgotten = jdbc.sql("update textinsight_analysis set person_key = null where person_key = :p").param("p", person.value()).update();
        if (forgotten > 0) {
            events.publishEvent(new SentimentCorrected());
        }
        return forgotten;
    }

    private static StoredAnalysis stored(ResultSet rs, int row) throws SQLException {
        String person = rs.getString(3);
        UUID touchpoint = rs.getObject(4, UUID.class);
        String corrected = rs.getString(9);
        OffsetDateTime correctedAt = rs.getObject(11, OffsetDateTime.class);
        AnalysedText text = new AnalysedText(TextSource.valueOf(rs.getString(1)), rs.getString(2),
                person == null ? null : new PersonKey(person), touchpoint == null ? null : new TouchpointId(touchpoint),
                rs.getObject(5, OffsetDateTime.class).toInstant(), Language.of(rs.getString(6)).orElseThrow(), rs.getDouble(7),
                label(rs.getString(8)));
        return new StoredAnalysis(text, corrected == null ? null : label(corrected), rs.getString(10),
                correctedAt == null ? null : correctedAt.toInstant());
    }

    static SentimentLabel label(String code) {
        for (SentimentLabel label : SentimentLabel.values()) {
            if (label.code().equals(code)) {
                return label;
            }
        }
        throw new IllegalStateException("unknown sentiment label stored: " + code);
    }
}
