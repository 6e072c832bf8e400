package nl.buitenin.privacy.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.FreeTextScrubber;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonalDataErasure;
import nl.buitenin.privacy.PersonalDataTable;

/**
 * Privacy's own part of an erasure, after the person row is gone: the access log keeps that reads
 * happened but no longer about whom (the key could be derived again from the customer id), and any
 * identifier in its descriptions is scrubbed.
 */
@Component
class PrivacyErasureHandler implements PersonalDataErasure {

    private final JdbcClient jdbc;
    private final FreeTextScrubber scrubber = new FreeTextScrubber();

    PrivacyErasureHandler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PersonalDataTable> erases() {
        return List.of(PersonalDataTable.keyed("privacy_access_log", "person_key", "what"));
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        List<Row> rows = jdbc.sql("select id, what from privacy_access_log where person_key = :key")
                .param("key", erased.person().value())
                .query((rs, n) -> new Row(rs.getObject(1, java.util.UUID.class), rs.getString(2))).list();
        for (Row row : rows) {
            jdbc.sql("update privacy_access_log set person_key = null, what = :what where id = :id")
                    .param("what", scrubber.scrub(row.what(), erased.identifiers())).param("id", row.id()).update();
        }
    }

    private record Row(java.util.UUID id, String what) {
    }
}
