package nl.buitenin.groups.internal;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonalDataErasure;
import nl.buitenin.privacy.PersonalDataTable;

/**
 * Forgets a person in the segment finder's proposals: their membership of a proposed segment goes (a proposal's size
 * and traits are about many people and stay). Decided proposals hold no members, so retention needs nothing more.
 */
@Component
class SegmentsErasure implements PersonalDataErasure {

    private final JdbcSegments segments;

    SegmentsErasure(JdbcSegments segments) {
        this.segments = segments;
    }

    @Override
    public List<PersonalDataTable> erases() {
        return List.of(PersonalDataTable.keyed("groups_segment_member", "person_key"));
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        segments.forget(erased.person());
    }
}
