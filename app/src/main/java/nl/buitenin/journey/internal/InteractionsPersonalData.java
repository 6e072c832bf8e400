package nl.buitenin.journey.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.privacy.ExportName;
import nl.buitenin.privacy.ExportOnly;
import nl.buitenin.privacy.ExportTerm;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PersonalDataTable;

/**
 * The person's interactions in their export: when, where (touchpoint and channel), what happened and why they made
 * contact (the reason as logged and the sending system's reason code).
 */
@Component
class InteractionsPersonalData implements PersonalDataSource {

    /** One interaction; {@code sourceId} is the sending system's own id, for a machine reading the download. */
    record ExportedInteraction(Instant at, ExportTerm kind, ExportName touchpoint, ExportTerm channel, @Nullable String reason,
            @Nullable String reasonCode, @ExportOnly String sourceId) {
    }

    private final JdbcClient jdbc;
    private final Touchpoints touchpoints;

    InteractionsPersonalData(JdbcClient jdbc, Touchpoints touchpoints) {
        this.jdbc = jdbc;
        this.touchpoints = touchpoints;
    }

    @Override
    public String section() {
        return "interactions";
    }

    @Override
    public PurposeId purpose() {
        return PurposeId.FEEDBACK;
    }

    @Override
    public List<PersonalDataTable> tables() {
        return List.of(PersonalDataTable.keyed("interaction", "person_key", "reason"));
    }

    @Override
    public List<?> export(PersonKey person) {
        Map<UUID, Optional<Touchpoint>> cache = new HashMap<>();
        return jdbc.sql("select occurred_at, kind, touchpoint_id, source_id, reason, reason_code from interaction where person_key = :p "
                        + "order by occurred_at desc, source_id")
                .param("p", person.value())
                .query((rs, n) -> {
                    InteractionKind kind = InteractionKind.valueOf(rs.getString(2));
                    Optional<Touchpoint> touchpoint = cache.computeIfAbsent(rs.getObject(3, UUID.class),
                            id -> touchpoints.byId(new TouchpointId(id)));
                    return new ExportedInteraction(rs.getObject(1, OffsetDateTime.class).toInstant(),
                            new ExportTerm(kind.name(), kind.messageKey()),
                            touchpoint.map(t -> ExportName.of(t.nameNl(), t.nameEn())).orElse(null),
                            touchpoint.map(t -> new ExportTerm(t.channel().name(), t.channel().messageKey())).orElse(null),
                            rs.getString(5), rs.getString(6), rs.getString(4));
                }).list();
    }
}
