package nl.buitenin.signals.missed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.RetentionExpired;
import nl.buitenin.privacy.internal.Erasure;
import nl.buitenin.privacy.internal.Exports;
import nl.buitenin.privacy.internal.PersonExport;
import nl.buitenin.signals.internal.missed.MissedSaleInput;
import nl.buitenin.signals.internal.missed.MissedSales;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;

/**
 * The asker's key and the note of a missed sale are personal data held for "service improvement": in the person's
 * export, gone on erasure (the person's own notes scrubbed, their name scrubbed from somebody else's note, the count
 * kept), and past the purpose's retention the notes and keys of older entries go while the entries stay counted.
 */
@DatabaseTest
class MissedSalesPrivacyTest {

    @Autowired
    MissedSales missedSales;
    @Autowired
    Persons persons;
    @Autowired
    Exports exports;
    @Autowired
    Erasure erasure;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    record Row(String askedFor, String note, String person) {
    }

    Row row(String sourceId) {
        return jdbc.sql("select asked_for, note, person_key from signals_missed_sale where source_id = :s").param("s", sourceId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).single();
    }

    @Test
    void exportErasureAndRetentionReachTheAskerAndTheNote() throws Exception {
        PersonKey person = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Mies Bakker", "mies@example.org", null));
        PersonKey bystander = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Bram Visser", null, null));
        String tag = Unique.name("mp");
        missedSales.record(List.of(
                new MissedSaleInput(tag + "-own", "Cuba", "PHONE", null, "NOT_IN_RANGE", "Mevrouw Mies Bakker belt terug via mies@example.org",
                        person.value(), "2012-05-01T10:00:00Z"),
                new MissedSaleInput(tag + "-other", "wandelreis met kinderen", "LOCATION", "Utrecht", "SOLD_OUT",
                        "Kwam samen met Mies Bakker", bystander.value(), "2012-05-02T10:00:00Z"),
                new MissedSaleInput(tag + "-old", "Pieterpad", "LOCATION", "Zwolle", "SOLD_OUT", "vroeg al eerder", bystander.value(),
                        "2012-01-02T10:00:00Z")), null);

        PersonExport export = exports.export(person);
        PersonExport.Section section = export.sections().stream().filter(s -> s.name().equals("missed-sales")).findFirst().orElseThrow();
        assertThat(section.purpose()).isEqualTo(PurposeId.SERVICE_IMPROVEMENT);
        assertThat(section.records()).hasSize(1);
        assertThat(section.records().get(0).toString()).contains("Cuba", "Mevrouw Mies Bakker");

        EventsHandled handled = EventsHandled.since(registry);
        transactions.executeWithoutResult(s -> events.publishEvent(new RetentionExpired(PurposeId.SERVICE_IMPROVEMENT,
                Instant.parse("2012-03-01T00:00:00Z"))));
        handled.await();
        assertThat(row(tag + "-old")).as("past retention: note and asker gone, the entry still counts")
                .isEqualTo(new Row("Pieterpad", null, null));
        assertThat(row(tag + "-other").person()).isEqualTo(bystander.value());

        EventsHandled erased = EventsHandled.since(registry);
        assertThat(erasure.erase(person, "test")).isTrue();
        erased.await();
        Row own = row(tag + "-own");
        assertThat(own.person()).isNull();
        assertThat(own.note()).doesNotContain("Mies", "Bakker", "mies@example.org");
        assertThat(own.askedFor()).isEqualTo("Cuba");
        Row other = row(tag + "-other");
        assertThat(other.person()).as("somebody else's entry keeps its asker").isEqualTo(bystander.value());
        assertThat(other.note()).doesNotContain("Mies", "Bakker").contains("Kwam samen met");
        assertThat(jdbc.sql("select count(*) from signals_missed_sale where person_key = :p").param("p", person.value()).query(Long.class)
                .single()).isZero();
    }
}
