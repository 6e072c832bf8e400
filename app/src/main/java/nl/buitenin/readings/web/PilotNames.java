package nl.buitenin.readings.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.Stage;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;

/** Touchpoints by name with their stage ("Boeken · Boeken op de website"), for pages that list a pilot's touchpoints. */
@Component
class PilotNames {

    private final Journeys journeys;

    PilotNames(Journeys journeys) {
        this.journeys = journeys;
    }

    record Named(TouchpointId id, String stage, String name) {
    }

    Map<TouchpointId, Named> all(Locale locale) {
        Map<TouchpointId, Named> names = new HashMap<>();
        for (Journey journey : journeys.allIncludingArchived()) {
            for (Stage stage : journey.stages()) {
                for (Touchpoint touchpoint : stage.touchpoints()) {
                    names.put(touchpoint.id(), new Named(touchpoint.id(), stage.name(locale), touchpoint.name(locale)));
                }
            }
        }
        return names;
    }

    List<Named> of(List<TouchpointId> touchpoints, Map<TouchpointId, Named> names) {
        return touchpoints.stream().map(t -> names.getOrDefault(t, new Named(t, "", "?"))).toList();
    }
}
