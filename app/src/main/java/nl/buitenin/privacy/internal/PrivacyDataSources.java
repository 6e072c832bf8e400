package nl.buitenin.privacy.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.privacy.Preferences;

/** Privacy's own contribution to a person's export: contact details, preferences, consents and the access log. */
@Configuration(proxyBeanMethods = false)
class PrivacyDataSources {

    /** Contact details as held, with the organisation's customer id. */
    record HeldContactDetails(String customerId, String name, String email, String phone, Instant registeredAt,
            Instant lastActivityAt) {
    }

    /** One read of the person's data, without the person key itself. */
    record AccessRecord(Instant at, String who, String purpose, String what, String refusal) {
    }

    @Bean
    PersonalDataSource contactDetailsSource(JdbcPersons persons, Actors actors) {
        return source("contact-details", person -> persons.heldFor(person, actors.current())
                .map(held -> List.of(new HeldContactDetails(held.customerId(),
                        held.details() == null ? null : held.details().name(),
                        held.details() == null ? null : held.details().email(),
                        held.details() == null ? null : held.details().phone(), held.registeredAt(), held.lastActivityAt())))
                .orElse(List.of()));
    }

    @Bean
    PersonalDataSource preferencesSource(JdbcPersons persons) {
        return source("preferences", person -> persons.exists(person) ? List.<Preferences>of(persons.preferences(person)) : List.of());
    }

    @Bean
    PersonalDataSource consentsSource(JdbcConsents consents) {
        return source("consents", person -> consents.history(person));
    }

    @Bean
    PersonalDataSource accessLogSource(AccessLog log) {
        return source("access-log", person -> log.about(person).stream()
                .map(e -> new AccessRecord(e.at(), e.actor(), e.purpose().value(), e.what(), e.refusal()))
                .toList());
    }

    private static PersonalDataSource source(String section, java.util.function.Function<PersonKey, List<?>> export) {
        return new PersonalDataSource() {
            @Override
            public String section() {
                return section;
            }

            @Override
            public List<?> export(PersonKey person) {
                return export.apply(person);
            }
        };
    }

}
