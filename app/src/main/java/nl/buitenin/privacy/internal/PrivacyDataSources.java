package nl.buitenin.privacy.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.privacy.ExportName;
import nl.buitenin.privacy.ExportOnly;
import nl.buitenin.privacy.ExportTerm;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PurposeId;

/** Privacy's own contribution to a person's export: contact details, preferences, consents and the access log. */
@Configuration(proxyBeanMethods = false)
class PrivacyDataSources {

    /** Contact details as held, with the organisation's customer id. */
    record HeldContactDetails(String customerId, String name, String email, String phone, Instant registeredAt,
            Instant lastActivityAt) {
    }

    /** The person's choices; the channel and language as codes in the JSON, in words on the page. */
    record HeldPreferences(ExportTerm channel, ExportTerm language, boolean remindersWanted, boolean doNotAsk) {
    }

    /**
     * One change of consent: the purpose's id for a machine, its name for the person; the channel as stored in the
     * JSON, in words on the page where it has a text (a term), else the name another system gave it (a string).
     */
    record ConsentRecord(@ExportOnly PurposeId purpose, ExportName purposeName, boolean given, Instant at, Object channel) {
    }

    /**
     * One read of the person's data, without the person key itself. Who and what are kept as logged in the JSON; on
     * the page the system and the person themselves are named in words, and so is what was read where it has a text
     * ({@link LogTerms}), else its description without ids.
     */
    record AccessRecord(Instant at, Object who, @ExportOnly PurposeId purpose, ExportName purposeName, Object what,
            ExportTerm refusal) {
    }

    private static final PersonalDataTable PERSON = PersonalDataTable.keyed("privacy_person", "person_key");

    @Bean
    PersonalDataSource contactDetailsSource(JdbcPersons persons, Actors actors) {
        return source("contact-details", List.of(PERSON), person -> persons.heldFor(person, actors.current())
                .map(held -> List.of(new HeldContactDetails(held.customerId(),
                        held.details() == null ? null : held.details().name(),
                        held.details() == null ? null : held.details().email(),
                        held.details() == null ? null : held.details().phone(), held.registeredAt(), held.lastActivityAt())))
                .orElse(List.of()));
    }

    @Bean
    PersonalDataSource preferencesSource(JdbcPersons persons) {
        return source("preferences", List.of(PERSON), person -> {
            if (!persons.exists(person)) {
                return List.of();
            }
            Preferences p = persons.preferences(person);
            return List.of(new HeldPreferences(new ExportTerm(p.channel().name(), "privacy.channel." + p.channel().name()),
                    new ExportTerm(p.language(), "export.preferences.language." + p.language().toLowerCase(Locale.ROOT)),
                    p.remindersWanted(), p.doNotAsk()));
        });
    }

    @Bean
    PersonalDataSource consentsSource(JdbcConsents consents, Purposes purposes, MessageSource messages) {
        return source("consents", List.of(PersonalDataTable.keyed("privacy_consent", "person_key"),
                PersonalDataTable.keyed("privacy_consent_change", "person_key")),
                person -> {
                    java.util.Map<PurposeId, ExportName> names = new java.util.HashMap<>();
                    return consents.history(person).stream()
                            .map(c -> new ConsentRecord(c.purpose(), names.computeIfAbsent(c.purpose(), id -> purposeName(purposes, id)),
                                    c.given(), c.at(), term(messages, c.channel(), LogTerms.consentChannelKey(c.channel()))))
                            .toList();
                });
    }

    @Bean
    PersonalDataSource accessLogSource(AccessLog log, Purposes purposes, MessageSource messages) {
        return source("access-log", List.of(PersonalDataTable.keyed("privacy_access_log", "person_key", "what")),
                person -> {
                    java.util.Map<PurposeId, ExportName> names = new java.util.HashMap<>();
                    return log.about(person).stream()
                            .map(e -> new AccessRecord(e.at(), who(e.actor()), e.purpose(),
                                    names.computeIfAbsent(e.purpose(), id -> purposeName(purposes, id)),
                                    term(messages, e.what(), LogTerms.whatKey(e.what())),
                                    e.refusal() == null ? null : new ExportTerm(e.refusal(), "privacy.refusal." + e.refusal())))
                            .toList();
                });
    }

    /** The system and the person themselves as terms (told in words to the person); a user by their name. */
    private static Object who(String actor) {
        return switch (actor) {
            case Actors.SYSTEM -> new ExportTerm(actor, "export.access-log.who.system");
            case Actors.SELF -> new ExportTerm(actor, "export.access-log.who.self");
            default -> actor;
        };
    }

    /** A stored value as a term where it has a text, else as it is (the page leaves ids out of any text). */
    private static Object term(MessageSource messages, String code, String key) {
        return messages.getMessage(key, null, null, Locale.ENGLISH) != null ? new ExportTerm(code, key) : code;
    }

    /** The purpose's name in both languages; its id when it is no longer in the register. */
    private static ExportName purposeName(Purposes purposes, PurposeId id) {
        return purposes.find(id).map(p -> new ExportName(p.nameNl(), p.nameEn())).orElse(new ExportName(id.value(), id.value()));
    }

    private static PersonalDataSource source(String section, List<PersonalDataTable> tables,
            java.util.function.Function<PersonKey, List<?>> export) {
        return new PersonalDataSource() {
            @Override
            public String section() {
                return section;
            }

            @Override
            public List<?> export(PersonKey person) {
                return export.apply(person);
            }

            @Override
            public List<PersonalDataTable> tables() {
                return tables;
            }
        };
    }

}
