package nl.buitenin.contact.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.privacy.ExportName;
import nl.buitenin.privacy.ExportTerm;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.PurposeId;

/**
 * The contact policy's part of a person's export: every decision on asking them (allowed or not, and why) and
 * every invitation, reminder and "you said, we did" message actually sent to them.
 */
@Configuration(proxyBeanMethods = false)
class ContactPersonalData {

    /** A decision on contacting the person: what, about which touchpoint, allowed or not, the reasons. */
    record Decision(Instant at, ExportTerm kind, ExportName touchpoint, boolean allowed, List<ExportTerm> reasons,
            Instant heldBackUntil, String topic) {
    }

    /** A message that was sent to the person; an offer names its topic. */
    record Contact(Instant at, ExportTerm kind, ExportTerm channel, ExportName touchpoint, String topic) {
    }

    @Bean
    PersonalDataSource contactDecisionsSource(JdbcContactStore store, Touchpoints touchpoints) {
        return new Source("contact-decisions", PersonalDataTable.keyed("contact_decision", "person_key", "reasons")) {
            @Override
            public PurposeId purpose() {
                return PurposeId.FEEDBACK;
            }

            @Override
            public List<?> export(PersonKey person) {
                Names names = new Names(touchpoints);
                return store.decisionsOf(person).stream()
                        .map(d -> new Decision(d.at(), kind(d.kind().name()), names.of(d.touchpoint()), d.allowed(),
                                d.reasons().stream().map(r -> new ExportTerm(r.name(), "contact.reason." + r.name())).toList(),
                                d.deferredUntil(), d.topic()))
                        .toList();
            }
        };
    }

    @Bean
    PersonalDataSource contactsSource(JdbcClient jdbc, Touchpoints touchpoints) {
        return new Source("contacts", PersonalDataTable.keyed("contact_attempt", "person_key")) {
            @Override
            public PurposeId purpose() {
                return PurposeId.FEEDBACK;
            }

            @Override
            public List<?> export(PersonKey person) {
                Names names = new Names(touchpoints);
                return jdbc.sql("select sent_at, kind, channel, touchpoint_id, topic from contact_attempt where person_key = :person "
                                + "order by sent_at desc, id")
                        .param("person", person.value())
                        .query((rs, n) -> {
                            UUID touchpoint = rs.getObject(4, UUID.class);
                            Channel channel = Channel.valueOf(rs.getString(3));
                            return new Contact(rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toInstant(),
                                    kind(rs.getString(2)), new ExportTerm(channel.name(), channel.messageKey()),
                                    names.of(touchpoint == null ? null : new TouchpointId(touchpoint)), rs.getString(5));
                        }).list();
            }
        };
    }

    private static ExportTerm kind(String kind) {
        return new ExportTerm(kind, "contact.kind." + kind);
    }

    /** Touchpoint names, each read once per export. */
    private static final class Names {
        private final Touchpoints touchpoints;
        private final Map<TouchpointId, Optional<Touchpoint>> cache = new HashMap<>();

        Names(Touchpoints touchpoints) {
            this.touchpoints = touchpoints;
        }

        ExportName of(TouchpointId id) {
            return id == null ? null : cache.computeIfAbsent(id, touchpoints::byId).map(t -> ExportName.of(t.nameNl(), t.nameEn()))
                    .orElse(null);
        }
    }

    private abstract static class Source implements PersonalDataSource {
        private final String section;
        private final PersonalDataTable table;

        Source(String section, PersonalDataTable table) {
            this.section = section;
            this.table = table;
        }

        @Override
        public String section() {
            return section;
        }

        @Override
        public List<PersonalDataTable> tables() {
            return List.of(table);
        }
    }
}
