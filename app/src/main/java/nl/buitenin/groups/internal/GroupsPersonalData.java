package nl.buitenin.groups.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import nl.buitenin.groups.CustomerGroups;
import nl.buitenin.groups.GroupId;
import nl.buitenin.privacy.ExportName;
import nl.buitenin.privacy.ExportTerm;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.PurposeId;

/** Groups' part of a person's export: the groups they were and are in, with from and to, and what is known about them. */
@Component
class GroupsPersonalData implements PersonalDataSource {

    record ExportedMembership(@Nullable ExportName group, Instant from, @Nullable Instant to, ExportTerm origin) {
    }

    record ExportedAttribute(String name, String value, Instant from) {
    }

    record ExportedGroups(List<ExportedMembership> memberships, List<ExportedAttribute> attributes) {
    }

    private final JdbcGroups groups;
    private final JdbcMemberships memberships;
    private final JdbcAttributes attributes;

    GroupsPersonalData(JdbcGroups groups, JdbcMemberships memberships, JdbcAttributes attributes) {
        this.groups = groups;
        this.memberships = memberships;
        this.attributes = attributes;
    }

    @Override
    public String section() {
        return "groups";
    }

    @Override
    public List<?> export(PersonKey person) {
        List<Membership> held = memberships.of(person);
        List<Attribute> known = attributes.of(person);
        if (held.isEmpty() && known.isEmpty()) {
            return List.of();
        }
        Map<GroupId, Group> byId = groups.all().stream().collect(Collectors.toMap(Group::id, Function.identity()));
        return List.of(new ExportedGroups(held.stream().map(m -> new ExportedMembership(name(byId.get(m.group())), m.from(), m.to(),
                new ExportTerm(m.origin().name(), "groups.origin." + m.origin().name().toLowerCase(java.util.Locale.ROOT)))).toList(),
                known.stream().map(a -> new ExportedAttribute(a.name(), a.value(), a.from())).toList()));
    }

    private static @Nullable ExportName name(@Nullable Group group) {
        return group == null ? null : ExportName.of(group.nameNl(), group.nameEn());
    }

    @Override
    public List<PersonalDataTable> tables() {
        return List.of(PersonalDataTable.keyed("groups_membership", "person_key"), PersonalDataTable.keyed("groups_attribute", "person_key"));
    }

    @Override
    public PurposeId purpose() {
        return CustomerGroups.PURPOSE;
    }
}
