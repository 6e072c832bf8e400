package nl.buitenin.signals.internal.missed;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.ErasedText;
import nl.buitenin.privacy.ExportOnly;
import nl.buitenin.privacy.ExportTerm;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataErasure;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.RetentionExpired;

/**
 * Missed sales hold personal data in two places: the optional key of who asked, and the note, which may name a person
 * ("mevrouw De Vries vroeg al twee keer"). Both are held for "service improvement" (what people ask for improves the
 * offer): exported with the person's entries, scrubbed and unlinked on erasure, and dropped past that purpose's
 * retention. What was asked for is scrubbed of a forgotten person's identifiers too (and its normal form), in case somebody typed a name there.
 */
@Component
class MissedSalesPersonalData implements PersonalDataSource, PersonalDataErasure {

    static final String TABLE = "signals_missed_sale";

    record ExportedMissedSale(@ExportOnly String ref, String askedFor, ExportTerm channel, @Nullable String location, ExportTerm reason,
            @Nullable String note, Instant askedAt) {
    }

    private final JdbcMissedSales sales;
    private final JdbcClient jdbc;

    MissedSalesPersonalData(JdbcMissedSales sales, JdbcClient jdbc) {
        this.sales = sales;
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "missed-sales";
    }

    @Override
    public List<?> export(PersonKey person) {
        return sales.of(person).stream().map(s -> new ExportedMissedSale(s.id().toString(), s.askedFor(),
                new ExportTerm(s.channel().name(), s.channel().messageKey()), s.location(),
                new ExportTerm(s.reason().name(), s.reason().messageKey()), s.note(), s.askedAt())).toList();
    }

    @Override
    public List<PersonalDataTable> tables() {
        return List.of(PersonalDataTable.keyed(TABLE, "person_key", "asked_for", "asked_key", "note"));
    }

    @Override
    public List<PersonalDataTable> erases() {
        return tables();
    }

    @Override
    public PurposeId purpose() {
        return PurposeId.SERVICE_IMPROVEMENT;
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        ErasedText text = new ErasedText(jdbc, erased);
        text.scrubOwn(TABLE, List.of("id"), "note", "person_key = :person");
        text.scrubMentions(TABLE, List.of("id"), "note");
        text.scrubMentions(TABLE, List.of("id"), "asked_for");
        text.scrubMentions(TABLE, List.of("id"), "asked_key");
        sales.forget(erased.person());
    }

    @ApplicationModuleListener
    void on(RetentionExpired expired) {
        if (expired.purpose().equals(PurposeId.SERVICE_IMPROVEMENT)) {
            sales.forgetBefore(expired.cutoff());
        }
    }

}
