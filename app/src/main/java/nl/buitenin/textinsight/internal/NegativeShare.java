package nl.buitenin.textinsight.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.insight.ShareCount;
import nl.buitenin.insight.TouchpointShares;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.textinsight.TextSource;

/**
 * The share of negative texts per touchpoint for the journey map: comments, case texts and notes written in the
 * period, read as negative (an analyst's correction counts instead of the analyzer's label). Contact reasons are not
 * opinions and are left out. Counts only: no text is read, so no purpose check is needed.
 */
@Component
class NegativeShare implements TouchpointShares {

    private final JdbcClient jdbc;
    private final Organisations organisations;

    NegativeShare(JdbcClient jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    @Override
    public String nameKey() {
        return "textinsight.share.negative";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Map<TouchpointId, ShareCount> count(LocalDate from, LocalDate to) {
        ZoneId zone = organisations.current().timeZone();
        Map<TouchpointId, ShareCount> counts = new HashMap<>();
        jdbc.sql("select touchpoint_id, sum(case when coalesce(corrected_label, label) = 'negative' then 1 else 0 end), count(*) "
                        + "from textinsight_analysis where touchpoint_id is not null and source_kind <> :reason "
                        + "and written_at >= :from and written_at < :to group by touchpoint_id")
                .param("reason", TextSource.CONTACT_REASON.name())
                .param("from", from.atStartOfDay(zone).toOffsetDateTime())
                .param("to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, n) -> counts.put(new TouchpointId(rs.getObject(1, UUID.class)), new ShareCount(rs.getLong(2), rs.getLong(3))))
                .list();
        return counts;
    }
}
