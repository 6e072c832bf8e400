package nl.buitenin.textinsight.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.TaggableTexts;

/** Tells loop whose note a theme tag is on and when it was heard, so the tag follows the person; reads no text. */
@Component
class NoteOwners implements TaggableTexts {

    private final Notes notes;

    NoteOwners(Notes notes) {
        this.notes = notes;
    }

    @Override
    public TagSubject.Kind kind() {
        return TagSubject.Kind.NOTE;
    }

    @Override
    public Optional<Owner> owner(UUID id) {
        return notes.byId(id).map(note -> new Owner(note.person(), note.heardAt()));
    }
}
