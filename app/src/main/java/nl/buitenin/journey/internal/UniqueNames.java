package nl.buitenin.journey.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Refuses a name another journey (or another stage of the journey, another touchpoint of the stage at the same
 * place) already has, in either language and whatever the case: two entries called the same cannot be told apart
 * on the map or in a picker. Touchpoints at different places may share a name ("Winkel" in Utrecht and in Zwolle),
 * since the place tells them apart. Archived ones count too, so restoring one never makes two of a kind.
 */
final class UniqueNames {

    private UniqueNames() {
    }

    static void checkJourney(JdbcClient jdbc, Names names, UUID self) {
        check(jdbc, "journey", "1 = 1", null, null, names, self, "journey.invalid.nameTaken.journey", null);
    }

    static void checkStage(JdbcClient jdbc, UUID journey, Names names, UUID self) {
        check(jdbc, "journey_stage", "journey_id = :parent", journey, null, names, self, "journey.invalid.nameTaken.stage", null);
    }

    /** @param place the touchpoint's place, or null for none */
    static void checkTouchpoint(JdbcClient jdbc, UUID stage, Names names, String place, UUID self) {
        check(jdbc, "touchpoint", "stage_id = :parent and lower(coalesce(location, '')) = lower(:place)", stage,
                place == null ? "" : place, names, self,
                place == null ? "journey.invalid.nameTaken.touchpoint" : "journey.invalid.nameTaken.touchpointAt", place);
    }

    private static void check(JdbcClient jdbc, String table, String scope, UUID parent, String place, Names names, UUID self,
            String key, String placeName) {
        List<FieldError> errors = new ArrayList<>();
        clash(jdbc, table, scope, parent, place, "name_nl", names.nl(), self).ifPresent(
                existing -> errors.add(FieldError.of("nameNl", key, existing, placeName)));
        clash(jdbc, table, scope, parent, place, "name_en", names.en(), self).ifPresent(
                existing -> errors.add(FieldError.of("nameEn", key, existing, placeName)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static java.util.Optional<String> clash(JdbcClient jdbc, String table, String scope, UUID parent, String place,
            String column, String name, UUID self) {
        var query = jdbc.sql("select " + column + " from " + table + " where " + scope + " and lower(" + column + ") = lower(:name)"
                + (self == null ? "" : " and id <> :self")).param("name", name);
        if (parent != null) {
            query = query.param("parent", parent);
        }
        if (self != null) {
            query = query.param("self", self);
        }
        if (place != null) {
            query = query.param("place", place);
        }
        return query.query(String.class).list().stream().findFirst();
    }
}
