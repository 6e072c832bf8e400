package nl.buitenin.groups.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.groups.CustomerGroups;
import nl.buitenin.groups.GroupId;
import nl.buitenin.privacy.ExportName;
import nl.buitenin.privacy.ExportTerm;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.PurposeId;

/**
 * Groups' part of a person's export, held for "customer groups": the groups they were and are in, with from and to and
 * how the membership came about, and what is known about them for the groups by rule.
 */
@Configuration(proxyBeanMethods = false)
class GroupsPersonalData {

    record ExportedMembership(@Nullable ExportName group, Instant from, @Nullable Instant to, ExportTerm origin) {
    }

    record ExportedAttribute(String name, String value, Instant from) {
    }

    @Bean
    PersonalDataSource groupsMembershipsSource(JdbcGroups groups, JdbcMemberships memberships) {
        return new Source("groups", PersonalDataTable.keyed("groups_membership", "person_key")) {
            @Override
            public List<?> export(PersonKey person) {
                List<Membership> held = memberships.of(person);
                if (held.isEmpty()) {
                    return List.of();
                }
                Map<GroupId, Group> byId = groups.all().stream().collect(Collectors.toMap(Group::id, Function.identity()));
                return held.stream().map(m -> new ExportedMembership(name(byId.get(m.group())), m.from(), m.to(),
                        new ExportTerm(m.origin().name(), "groups.origin." + m.origin().name().toLowerCase(Locale.ROOT)))).toList();
            }
        };
    }

    @Bean
    PersonalDataSource groupsAttributesSource(JdbcAttributes attributes) {
        return new Source("group-attributes", PersonalDataTable.keyed("groups_attribute", "person_key")) {
            @Override
            public List<?> export(PersonKey person) {
                return attributes.of(person).stream().map(a -> new ExportedAttribute(a.name(), a.value(), a.from())).toList();
            }
        };
    }

    private static @Nullable ExportName name(@Nullable Group group) {
        return group == null ? null : ExportName.of(group.nameNl(), group.nameEn());
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

        @Override
        public PurposeId purpose() {
            return CustomerGroups.PURPOSE;
        }
    }
}
