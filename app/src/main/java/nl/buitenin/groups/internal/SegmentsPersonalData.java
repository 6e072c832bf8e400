package nl.buitenin.groups.internal;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.groups.CustomerGroups;
import nl.buitenin.privacy.ExportName;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.PurposeId;

/** The segment proposals a person is in while an analyst has not decided them, in their export ("customer groups"). */
@Component
class SegmentsPersonalData implements PersonalDataSource {

    record ExportedProposal(ExportName proposal, Instant proposedAt) {
    }

    private final JdbcClient jdbc;

    SegmentsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "group-proposals";
    }

    @Override
    public List<?> export(PersonKey person) {
        return jdbc.sql("select p.name_nl, p.name_en, p.created_at from groups_segment_member m join groups_segment_proposal p "
                + "on p.id = m.proposal_id where m.person_key = :p order by p.created_at, p.name_nl").param("p", person.value())
                .query((rs, row) -> new ExportedProposal(ExportName.of(rs.getString(1), rs.getString(2)),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant())).list();
    }

    @Override
    public List<PersonalDataTable> tables() {
        return List.of(PersonalDataTable.keyed("groups_segment_member", "person_key"));
    }

    @Override
    public @Nullable PurposeId purpose() {
        return CustomerGroups.PURPOSE;
    }
}
