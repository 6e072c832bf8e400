package nl.buitenin.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.privacy.PurposeId;

/** The processing register. Purposes are retired, never deleted: consents and the access log refer to them. */
@Repository
public class Purposes {

    private static final String COLUMNS = "id, name_nl, name_en, description_nl, description_en, legal_basis, personal_data, "
            + "data_categories, retention_months, recipients, retired_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    Purposes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Purpose> all() {
        return jdbc.sql("select " + COLUMNS + " from privacy_purpose order by retired_at nulls first, id").query(Purposes::map).list();
    }

    public List<Purpose> active() {
        return all().stream().filter(p -> !p.retired()).toList();
    }

    public Optional<Purpose> find(PurposeId id) {
        return jdbc.sql("select " + COLUMNS + " from privacy_purpose where id = :id").param("id", id.value())
                .query(Purposes::map).optional();
    }

    public Purpose get(PurposeId id) {
        return find(id).orElseThrow(() -> new NotFoundException("privacy.thing.purpose", id.value()));
    }

    @Transactional
    public Purpose create(Purpose purpose) {
        if (find(purpose.id()).isPresent()) {
            throw new ConflictException("privacy.conflict.purpose", purpose.id());
        }
        OffsetDateTime now = now();
        jdbc.sql("insert into privacy_purpose (" + COLUMNS + ", created_at, updated_at) values (:id, :nameNl, :nameEn, "
                + ":descriptionNl, :descriptionEn, :legalBasis, :personalData, :dataCategories, :retentionMonths, :recipients, "
                + "null, :now, :now)")
                .paramSource(params(purpose).addValue("now", now)).update();
        return get(purpose.id());
    }

    @Transactional
    public Purpose update(Purpose purpose) {
        get(purpose.id());
        jdbc.sql("update privacy_purpose set name_nl = :nameNl, name_en = :nameEn, description_nl = :descriptionNl, "
                + "description_en = :descriptionEn, legal_basis = :legalBasis, personal_data = :personalData, "
                + "data_categories = :dataCategories, retention_months = :retentionMonths, recipients = :recipients, "
                + "updated_at = :now where id = :id")
                .paramSource(params(purpose).addValue("now", now())).update();
        return get(purpose.id());
    }

    /** A retired purpose stays in the register for the record, but nothing may be read for it any more. */
    @Transactional
    public void retire(PurposeId id) {
        get(id);
        jdbc.sql("update privacy_purpose set retired_at = :now, updated_at = :now where id = :id and retired_at is null")
                .param("now", now()).param("id", id.value()).update();
    }

    @Transactional
    public void reinstate(PurposeId id) {
        get(id);
        jdbc.sql("update privacy_purpose set retired_at = null, updated_at = :now where id = :id")
                .param("now", now()).param("id", id.value()).update();
    }

    private static java.util.Map<String, Object> paramsMap(Purpose p) {
        java.util.Map<String, Object> map = new java.util.HashMap<>();
        map.put("id", p.id().value());
        map.put("nameNl", p.nameNl());
        map.put("nameEn", p.nameEn());
        map.put("descriptionNl", p.descriptionNl());
        map.put("descriptionEn", p.descriptionEn());
        map.put("legalBasis", p.legalBasis().name());
        map.put("personalData", p.personalData());
        map.put("dataCategories", p.dataCategories());
        map.put("retentionMonths", p.retentionMonths());
        map.put("recipients", p.recipients());
        return map;
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Purpose p) {
        org.springframework.jdbc.core.namedparam.MapSqlParameterSource source = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(paramsMap(p));
        source.registerSqlType("retentionMonths", java.sql.Types.INTEGER);
        return source;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Purpose map(ResultSet rs, int row) throws SQLException {
        int months = rs.getInt("retention_months");
        Integer retention = rs.wasNull() ? null : months;
        Timestamp retired = rs.getTimestamp("retired_at");
        return new Purpose(new PurposeId(rs.getString("id")), rs.getString("name_nl"), rs.getString("name_en"),
                rs.getString("description_nl"), rs.getString("description_en"), LegalBasis.valueOf(rs.getString("legal_basis")),
                rs.getBoolean("personal_data"), rs.getString("data_categories"), retention, rs.getString("recipients"),
                retired == null ? null : retired.toInstant());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
