package nl.buitenin.contact.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.PersonErased;

/**
 * A forgotten person leaves no trace in the contact log or the stored decisions: both are about them
 * alone, and without them there is nobody left to protect from being asked too often.
 */
@Component
class ContactErasure {

    private final JdbcClient jdbc;

    ContactErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        jdbc.sql("delete from contact_attempt where person_key = :person").param("person", erased.person().value()).update();
        jdbc.sql("delete from contact_decision where person_key = :person").param("person", erased.person().value()).update();
    }
}
