package nl.buitenin.contact.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonalDataErasure;
import nl.buitenin.privacy.PersonalDataTable;

/**
 * A forgotten person leaves no trace in the contact log or the stored decisions: both are about them
 * alone, and without them there is nobody left to protect from being asked too often.
 */
@Component
class ContactErasure implements PersonalDataErasure {

    private final JdbcClient jdbc;

    ContactErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PersonalDataTable> erases() {
        // The reasons are codes of the policy's rules, deleted with the row.
        return List.of(PersonalDataTable.keyed("contact_decision", "person_key", "reasons"),
                PersonalDataTable.keyed("contact_attempt", "person_key"));
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        jdbc.sql("delete from contact_attempt where person_key = :person").param("person", erased.person().value()).update();
        jdbc.sql("delete from contact_decision where person_key = :person").param("person", erased.person().value()).update();
    }
}
