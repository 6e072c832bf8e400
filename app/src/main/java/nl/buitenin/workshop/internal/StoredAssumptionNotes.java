package nl.buitenin.workshop.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.workshop.AssumptionNoted;
import nl.buitenin.workshop.AssumptionNotes;

/** The assumption notes for the module that tests them, read from the workshop tables. */
@Component
class StoredAssumptionNotes implements AssumptionNotes {

    private final JdbcWorkshops store;

    StoredAssumptionNotes(JdbcWorkshops store) {
        this.store = store;
    }

    @Override
    public List<AssumptionNoted> all() {
        Map<UUID, Workshop> workshops = new HashMap<>();
        return store.itemsOfKind(ItemKind.ASSUMPTION).stream()
                .map(item -> Workshops.noted(workshops.computeIfAbsent(item.workshop(), id -> store.byId(id).orElseThrow()), item))
                .toList();
    }

    @Override
    @Transactional
    public boolean link(UUID itemId, UUID assumptionRef) {
        return store.linkAssumption(itemId, assumptionRef);
    }
}
