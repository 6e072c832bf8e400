package nl.buitenin.textinsight.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.RetentionExpired;
import nl.buitenin.textinsight.TextSource;

/**
 * Notes are held for "service improvement": past its retention a note loses its text and person (kind, touchpoint
 * and day stay for the counts), and so do the analyses of every text written before the cutoff. Answers are held for
 * "feedback": past its retention their analyses lose the person, as the answers themselves do. Readings of contact
 * reasons (value or failure demand) lose the person past "service improvement" too. The search terms of a text go with
 * its retention.
 */
@Component
class TextInsightRetention {

    static final String EXPIRED = "[bewaartermijn verstreken]";

    private final JdbcClient jdbc;
    private final TermIndex terms;

    TextInsightRetention(JdbcClient jdbc, TermIndex terms) {
        this.jdbc = jdbc;
        this.terms = terms;
    }

    @ApplicationModuleListener
    void on(RetentionExpired expired) {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(expired.cutoff(), ZoneOffset.UTC);
        if (expired.purpose().equals(PurposeId.SERVICE_IMPROVEMENT)) {
            // Search reads under this purpose: a text past it is no longer found by its words.
            terms.forgetWrittenBefore(null, cutoff);
            jdbc.sql("update textinsight_note set text = :expired, person_key = null where heard_at < :cutoff and text <> :expired")
                    .param("expired", EXPIRED).param("cutoff", cutoff).update();
            jdbc.sql("update textinsight_analysis set person_key = null where person_key is not null and written_at < :cutoff")
                    .param("cutoff", cutoff).update();
            jdbc.sql("update textinsight_demand set person_key = null where person_key is not null and happened_at < :cutoff")
                    .param("cutoff", cutoff).update();
        } else if (expired.purpose().equals(PurposeId.FEEDBACK)) {
            terms.forgetWrittenBefore(TextSource.COMMENT, cutoff);
            jdbc.sql("update textinsight_analysis set person_key = null where person_key is not null and source_kind = :kind "
                    + "and written_at < :cutoff").param("kind", TextSource.COMMENT.name()).param("cutoff", cutoff).update();
        }
    }
}
