package nl.buitenin.offers.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.ExportTerm;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataErasure;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.RetentionExpired;

/**
 * Interests in the person's export (under the purpose "offers"), deleted when they are forgotten, and deleted past the
 * purpose's retention: each topic with its weight now, whether it counts and until when, or why it is closed, and when
 * each counted interaction happened.
 */
@Component
class OffersPersonalData implements PersonalDataSource, PersonalDataErasure {

    /** One interest as exported. */
    record Interest(String topic, double weight, boolean counts, @Nullable Instant countsUntil, @Nullable ExportTerm closed) {
    }

    /** One interaction that added to an interest. */
    record Counted(Instant at) {
    }

    /** The section's content: the interests and the interactions counted. */
    record Interests(List<Interest> interests, List<Counted> counted) {
    }

    private static final List<PersonalDataTable> TABLES = List.of(PersonalDataTable.keyed("offers_interest", "person_key"),
            PersonalDataTable.keyed("offers_closed", "person_key"), PersonalDataTable.keyed("offers_counted", "person_key"));

    private final InterestBook book;
    private final JdbcInterests store;
    private final Clock clock;

    OffersPersonalData(InterestBook book, JdbcInterests store, Clock clock) {
        this.book = book;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "offers-interests";
    }

    @Override
    public PurposeId purpose() {
        return PurposeId.OFFERS;
    }

    @Override
    public List<?> export(PersonKey person) {
        List<Interest> interests = book.of(person, clock.instant()).stream()
                .map(i -> new Interest(i.topic(), Math.round(i.weight() * 1000) / 1000.0, i.counts(), i.countsUntil(),
                        i.closedWhy() == null ? null : new ExportTerm(i.closedWhy(), "offers.closed." + i.closedWhy())))
                .toList();
        List<Counted> counted = store.countedOf(person).stream().map(Counted::new).toList();
        return interests.isEmpty() && counted.isEmpty() ? List.of() : List.of(new Interests(interests, counted));
    }

    @Override
    public List<PersonalDataTable> tables() {
        return TABLES;
    }

    @Override
    public List<PersonalDataTable> erases() {
        return TABLES;
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        store.deleteAll(erased.person());
    }

    @ApplicationModuleListener
    void on(RetentionExpired expired) {
        if (expired.purpose().equals(PurposeId.OFFERS)) {
            store.deleteBefore(expired.cutoff());
        }
    }
}
