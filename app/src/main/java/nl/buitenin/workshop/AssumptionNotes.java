package nl.buitenin.workshop;

import java.util.List;
import java.util.UUID;

/** The assumption notes of every workshop, for the module that tests them: read them, and link each to its test. */
public interface AssumptionNotes {

    /** Every assumption note of every workshop, oldest first, as {@link AssumptionNoted} would have announced it. */
    List<AssumptionNoted> all();

    /** Links the note to the record that tests it; false when no assumption note has that id. */
    boolean link(UUID itemId, UUID assumptionRef);
}
