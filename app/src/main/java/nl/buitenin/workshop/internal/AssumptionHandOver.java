package nl.buitenin.workshop.internal;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.assumptions.Assumptions;
import nl.buitenin.assumptions.NewAssumption;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.workshop.AssumptionNoted;

/**
 * Hands an assumption note over to the module that tests assumptions, once: the note is locked and read again, and
 * proposed only while it has no assumption yet, so an event handled twice (a retried publication) makes one assumption.
 * The workshop calls the assumptions module (and not the other way round) because it also shows which assumptions held.
 */
@Component
class AssumptionHandOver {

    private static final Logger log = LoggerFactory.getLogger(AssumptionHandOver.class);
    static final int DEPARTMENT_MAX = 100;

    private final JdbcWorkshops store;
    private final Assumptions assumptions;

    AssumptionHandOver(JdbcWorkshops store, Assumptions assumptions) {
        this.store = store;
        this.assumptions = assumptions;
    }

    @ApplicationModuleListener
    void on(AssumptionNoted noted) {
        handOver(noted.itemId());
    }

    /** Proposes the note as an assumption and links it, unless it was handed over already or is no assumption now. */
    Optional<UUID> handOver(UUID itemId) {
        Optional<Item> locked = store.itemForUpdate(itemId);
        if (locked.isEmpty() || locked.get().kind() != ItemKind.ASSUMPTION) {
            return Optional.empty();
        }
        Item item = locked.get();
        if (item.assumptionRef() != null) {
            return Optional.of(item.assumptionRef());
        }
        Workshop workshop = store.byId(item.workshop()).orElseThrow();
        String owner = workshop.anonymous() ? null : item.staffRef();
        try {
            UUID ref = assumptions.propose(new NewAssumption(item.text(), department(workshop, item), owner, workshop.journey(),
                    item.touchpoint(), workshop.id()));
            store.linkAssumption(item.id(), ref);
            return Optional.of(ref);
        } catch (InvalidInputException e) {
            // The note's touchpoint left the journey since it was written; the note stays on the board, not handed over.
            log.warn("Assumption note {} of workshop {} not handed over: {}", item.id(), workshop.id(), e.errors());
            return Optional.empty();
        }
    }

    /**
     * The department that holds the assumption: the author's, or for the facilitator's own note (written for the room)
     * the workshop's departments together.
     */
    static String department(Workshop workshop, Item item) {
        @Nullable String department = item.department();
        if (department != null && !department.isBlank()) {
            return department;
        }
        String all = String.join(", ", workshop.departments());
        return all.length() <= DEPARTMENT_MAX ? all : all.substring(0, DEPARTMENT_MAX);
    }
}
