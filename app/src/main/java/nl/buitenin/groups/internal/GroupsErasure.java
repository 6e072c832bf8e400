package nl.buitenin.groups.internal;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.groups.CustomerGroups;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonalDataErasure;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.RetentionExpired;

/**
 * Forgets a person in groups: their memberships and attributes go. The groups' figures are computed from memberships
 * when asked, so nothing else holds them. Past the retention of "customer groups", memberships that ended before the
 * cutoff go, and attribute values that a later value replaced before it; the current ones stay.
 */
@Component
class GroupsErasure implements PersonalDataErasure {

    private final JdbcMemberships memberships;
    private final JdbcAttributes attributes;

    GroupsErasure(JdbcMemberships memberships, JdbcAttributes attributes) {
        this.memberships = memberships;
        this.attributes = attributes;
    }

    @Override
    public List<PersonalDataTable> erases() {
        return List.of(PersonalDataTable.keyed("groups_membership", "person_key"), PersonalDataTable.keyed("groups_attribute", "person_key"));
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        memberships.forget(erased.person());
        attributes.forget(erased.person());
    }

    @ApplicationModuleListener
    void on(RetentionExpired expired) {
        if (expired.purpose().equals(CustomerGroups.PURPOSE)) {
            memberships.forgetEndedBefore(expired.cutoff());
            attributes.forgetReplacedBefore(expired.cutoff());
        }
    }
}
