package nl.buitenin.journey.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.TouchpointReference;
import nl.buitenin.journey.TouchpointReferences;
import nl.buitenin.platform.NotFoundException;

/**
 * Deletes a journey, stage or touchpoint only when nothing refers to it or to a touchpoint under it. Every module
 * that keeps touchpoint ids reports its references ({@link TouchpointReferences}); a refusal names each kind with
 * its count, so the user can archive instead. The interaction table's foreign key is a second guard only: a row
 * arriving between the check and the delete still gives the named refusal, never a bare database error.
 */
@Service
public class JourneyDeletion {

    private final JdbcClient jdbc;
    private final List<TouchpointReferences> references;
    private final MessageSource messages;

    JourneyDeletion(JdbcClient jdbc, List<TouchpointReferences> references, MessageSource messages) {
        this.jdbc = jdbc;
        this.references = references;
        this.messages = messages;
    }

    /** What refers to the touchpoints, in the reader's language; empty when they may be deleted. */
    public List<TouchpointReference> referencesTo(Set<TouchpointId> touchpoints, Locale locale) {
        List<TouchpointReference> found = new ArrayList<>();
        for (TouchpointReferences source : references) {
            source.referencesTo(touchpoints, locale).stream().filter(r -> r.count() > 0).forEach(found::add);
        }
        return found;
    }

    @Transactional
    public void deleteTouchpoint(TouchpointId touchpoint, Locale locale) {
        String name = name("touchpoint", touchpoint.value(), locale)
                .orElseThrow(() -> new NotFoundException("journey.thing.touchpoint", touchpoint.toString()));
        refuseIfReferenced("journey.delete.touchpoint", name, Set.of(touchpoint), locale);
        delete("delete from touchpoint where id = :id", touchpoint.value(), "journey.delete.touchpoint", name, locale);
    }

    @Transactional
    public void deleteStage(StageId stage, Locale locale) {
        String name = name("journey_stage", stage.value(), locale).orElseThrow(() -> new NotFoundException("journey.thing.stage", stage.toString()));
        Set<TouchpointId> under = touchpointsWhere("stage_id", stage.value());
        refuseIfReferenced("journey.delete.stage", name, under, locale);
        delete("delete from touchpoint where stage_id = :id", stage.value(), "journey.delete.stage", name, locale);
        jdbc.sql("delete from journey_stage where id = :id").param("id", stage.value()).update();
    }

    @Transactional
    public void deleteJourney(JourneyId journey, Locale locale) {
        String name = name("journey", journey.value(), locale).orElseThrow(() -> new NotFoundException("journey.thing.journey", journey.toString()));
        Set<TouchpointId> under = touchpointsWhere("journey_id", journey.value());
        refuseIfReferenced("journey.delete.journey", name, under, locale);
        delete("delete from touchpoint where journey_id = :id", journey.value(), "journey.delete.journey", name, locale);
        jdbc.sql("delete from journey_stage where journey_id = :id").param("id", journey.value()).update();
        jdbc.sql("delete from journey where id = :id").param("id", journey.value()).update();
    }

    private void refuseIfReferenced(String key, String name, Set<TouchpointId> touchpoints, Locale locale) {
        List<TouchpointReference> found = referencesTo(touchpoints, locale);
        if (!found.isEmpty()) {
            throw refusal(key, name, found, locale);
        }
    }

    private void delete(String sql, UUID id, String key, String name, Locale locale) {
        try {
            jdbc.sql(sql).param("id", id).update();
        } catch (DataIntegrityViolationException e) {
            // An interaction was recorded between the check and the delete. The failed statement has spoilt the
            // transaction (PostgreSQL), so the refusal names what the foreign key guards rather than asking again.
            throw refusal(key, name, List.of(new TouchpointReference("journey.interactions", 1,
                    messages.getMessage("journey.references.justRecorded", null, locale))), locale);
        }
    }

    private InUseException refusal(String key, String name, List<TouchpointReference> found, Locale locale) {
        String list = String.join("; ", found.stream().map(TouchpointReference::text).toList());
        return new InUseException(messages.getMessage(key, new Object[] {name, list}, locale), found);
    }

    private Set<TouchpointId> touchpointsWhere(String column, UUID parent) {
        Set<TouchpointId> ids = new LinkedHashSet<>();
        jdbc.sql("select id from touchpoint where " + column + " = :p").param("p", parent).query(UUID.class).list()
                .forEach(id -> ids.add(new TouchpointId(id)));
        return ids;
    }

    private java.util.Optional<String> name(String table, UUID id, Locale locale) {
        String column = "nl".equals(locale.getLanguage()) ? "name_nl" : "name_en";
        return jdbc.sql("select " + column + " from " + table + " where id = :id").param("id", id).query(String.class).optional();
    }
}
