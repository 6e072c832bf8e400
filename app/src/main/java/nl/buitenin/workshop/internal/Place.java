package nl.buitenin.workshop.internal;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Stage;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.InvalidInputException;

/**
 * Where on the board a note goes: a stage, or a touchpoint of it. In a form it is one value, "stage:&lt;id&gt;" or
 * "touchpoint:&lt;id&gt;", from a list of the journey's stages and touchpoints by name.
 */
public record Place(StageId stage, @Nullable TouchpointId touchpoint) {

    public String value() {
        return touchpoint == null ? "stage:" + stage.value() : "touchpoint:" + touchpoint.value();
    }

    public static Place of(Item item) {
        return new Place(item.stage(), item.touchpoint());
    }

    /** The place named in a form, which must be a stage or touchpoint of the journey (archived ones included). */
    static Place read(String field, @Nullable String raw, Journey journey) {
        if (raw == null || raw.isBlank()) {
            throw InvalidInputException.of(field, "workshop.invalid.place");
        }
        String[] parts = raw.strip().split(":", 2);
        UUID id;
        try {
            id = UUID.fromString(parts.length == 2 ? parts[1] : "");
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "workshop.invalid.place");
        }
        for (Stage stage : journey.stages()) {
            if (parts[0].equals("stage") && stage.id().value().equals(id)) {
                return new Place(stage.id(), null);
            }
            for (Touchpoint touchpoint : stage.touchpoints()) {
                if (parts[0].equals("touchpoint") && touchpoint.id().value().equals(id)) {
                    return new Place(stage.id(), touchpoint.id());
                }
            }
        }
        throw InvalidInputException.of(field, "workshop.invalid.place");
    }
}
