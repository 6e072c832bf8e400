package nl.buitenin.loop.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.organisation.Organisations;

/**
 * Loop-closure figures per team, touchpoint or month in which cases were opened: the share of complaint
 * and detractor cases followed up within their SLA, the median time to first contact, the share of cases
 * and answers tagged with a theme whose person was told back about a completed action on one of their
 * themes, and the reopen rate.
 * Every share comes with its n and Wilson 95 % interval; every median with its n.
 */
@Repository
public class LoopFigures {

    public enum Dimension { TEAM, TOUCHPOINT, MONTH }

    /** The type of the facts of a tagged answer: it counts for "told back" only. */
    static final String ANSWER = "answer";

    /** One case as the figures see it. */
    record CaseFacts(String team, UUID touchpoint, YearMonth month, String type, Instant openedAt, Instant deadline,
            Instant firstContactAt, boolean resolvedOnce, boolean reopened, boolean hasPerson, boolean eligibleForTellingBack,
            boolean toldBack) {
    }

    /** A median with the number of values it is the median of; {@code hours} is null when n is 0. */
    public record MedianHours(Double hours, long n) {
    }

    public record Row(String key, Share followedUpInTime, MedianHours timeToFirstContact, Share toldBack, Share reopened) {
    }

    private final JdbcClient jdbc;
    private final Organisations organisations;

    LoopFigures(JdbcClient jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    /** Rows per value of the dimension for cases opened in [from, to), and a last row "*" over all of them. */
    public List<Row> by(Dimension dimension, Instant from, Instant to, Instant now) {
        List<CaseFacts> facts = facts(from, to);
        Function<CaseFacts, String> key = switch (dimension) {
            case TEAM -> f -> f.team() == null ? "-" : f.team();
            case TOUCHPOINT -> f -> f.touchpoint() == null ? "-" : f.touchpoint().toString();
            case MONTH -> f -> f.month().toString();
        };
        Map<String, List<CaseFacts>> groups = new TreeMap<>();
        for (CaseFacts f : facts) {
            groups.computeIfAbsent(key.apply(f), k -> new ArrayList<>()).add(f);
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((k, group) -> rows.add(row(k, group, now)));
        rows.add(row("*", facts, now));
        return rows;
    }

    static Row row(String key, List<CaseFacts> cases, Instant now) {
        long due = 0;
        long inTime = 0;
        List<Double> hours = new ArrayList<>();
        long eligible = 0;
        long told = 0;
        long resolved = 0;
        long reopened = 0;
        for (CaseFacts c : cases) {
            boolean followUpType = c.type().equals("complaint") || c.type().equals("detractor");
            // A case counts once its follow-up is decided: contacted, or its deadline has passed without contact.
            if (followUpType && (c.firstContactAt() != null || now.isAfter(c.deadline()))) {
                due++;
                if (c.firstContactAt() != null && !c.firstContactAt().isAfter(c.deadline())) {
                    inTime++;
                }
            }
            if (c.firstContactAt() != null) {
                hours.add(Duration.between(c.openedAt(), c.firstContactAt()).toMinutes() / 60.0);
            }
            if (c.hasPerson() && c.eligibleForTellingBack()) {
                eligible++;
                if (c.toldBack()) {
                    told++;
                }
            }
            if (c.resolvedOnce()) {
                resolved++;
                if (c.reopened()) {
                    reopened++;
                }
            }
        }
        return new Row(key, share(inTime, due), median(hours), share(told, eligible), share(reopened, resolved));
    }

    static MedianHours median(List<Double> values) {
        if (values.isEmpty()) {
            return new MedianHours(null, 0);
        }
        double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
        return new MedianHours(new Median().evaluate(array), array.length);
    }

    private static Share share(long successes, long n) {
        return n == 0 ? null : Share.of(successes, n);
    }

    List<CaseFacts> facts(Instant from, Instant to) {
        ZoneId zone = organisations.current().timeZone();
        List<CaseFacts> cases = jdbc.sql("select c.team, c.touchpoint_id, c.type_code, c.opened_at, c.deadline, c.first_contact_at, "
                        + "(c.resolved_at is not null or c.status in ('RESOLVED', 'CLOSED') or c.reopen_count > 0), c.reopen_count > 0, "
                        + "c.person_key is not null, "
                        + "exists (select 1 from loop_case_theme ct join loop_action_theme atx on atx.theme_id = ct.theme_id "
                        + "  join loop_action a on a.id = atx.action_id where ct.case_id = c.id and a.status = 'DONE'), "
                        + "exists (select 1 from loop_case_theme ct join loop_action_theme atx on atx.theme_id = ct.theme_id "
                        + "  join loop_told_back t on t.action_id = atx.action_id and t.person_key = c.person_key "
                        + "  where ct.case_id = c.id and t.outcome = 'TOLD') "
                        + "from loop_case c where c.opened_at >= :from and c.opened_at < :to")
                .param("from", CaseFiles.utc(from)).param("to", CaseFiles.utc(to))
                .query((rs, n) -> {
                    Instant opened = CaseFiles.instant(rs, 4);
                    return new CaseFacts(rs.getString(1), rs.getObject(2, UUID.class), YearMonth.from(opened.atZone(zone)),
                            rs.getString(3), opened, CaseFiles.instant(rs, 5), CaseFiles.instant(rs, 6), rs.getBoolean(7),
                            rs.getBoolean(8), rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11));
                })
                .list();
        List<CaseFacts> all = new ArrayList<>(cases);
        all.addAll(answerFacts(from, to, zone));
        return all;
    }

    /**
     * Tagged answers count for "told back" only (they have no deadline, contact or reopening): one fact per
     * response given in [from, to), in the month of the answer, at its touchpoint, without a team.
     */
    private List<CaseFacts> answerFacts(Instant from, Instant to, ZoneId zone) {
        record TagFacts(UUID response, UUID touchpoint, Instant answered, boolean hasPerson, boolean eligible, boolean told) {
        }
        List<TagFacts> tags = jdbc.sql("select a.response_id, a.touchpoint_id, a.answered_at, a.person_key is not null, "
                        + "exists (select 1 from loop_action_theme atx join loop_action x on x.id = atx.action_id "
                        + "  where atx.theme_id = a.theme_id and x.status = 'DONE'), "
                        + "exists (select 1 from loop_action_theme atx join loop_told_back t on t.action_id = atx.action_id "
                        + "  and t.person_key = a.person_key where atx.theme_id = a.theme_id and t.outcome = 'TOLD') "
                        + "from loop_answer_theme a where a.answered_at >= :from and a.answered_at < :to order by a.response_id")
                .param("from", CaseFiles.utc(from)).param("to", CaseFiles.utc(to))
                .query((rs, n) -> new TagFacts(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), CaseFiles.instant(rs, 3),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6)))
                .list();
        Map<UUID, CaseFacts> perResponse = new java.util.LinkedHashMap<>();
        for (TagFacts t : tags) {
            CaseFacts before = perResponse.get(t.response());
            boolean eligible = t.eligible() || before != null && before.eligibleForTellingBack();
            boolean told = t.told() || before != null && before.toldBack();
            perResponse.put(t.response(), new CaseFacts(null, t.touchpoint(), YearMonth.from(t.answered().atZone(zone)), ANSWER,
                    t.answered(), t.answered(), null, false, false, t.hasPerson(), eligible, told));
        }
        return new ArrayList<>(perResponse.values());
    }
}
