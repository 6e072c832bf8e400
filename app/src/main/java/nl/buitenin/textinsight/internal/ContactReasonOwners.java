package nl.buitenin.textinsight.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.TaggableTexts;

/**
 * Tells loop whose contact a theme tag on a reason is on, when it was and at which touchpoint, so the tag follows the
 * person and counts at its touchpoint; reads no text.
 */
@Component
class ContactReasonOwners implements TaggableTexts {

    private final DemandReadings readings;

    ContactReasonOwners(DemandReadings readings) {
        this.readings = readings;
    }

    @Override
    public TagSubject.Kind kind() {
        return TagSubject.Kind.CONTACT_REASON;
    }

    @Override
    public Optional<Owner> owner(UUID id) {
        return readings.contact(id).map(contact -> new Owner(contact.person(), contact.at(), contact.touchpoint()));
    }
}
