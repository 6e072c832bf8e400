package nl.buitenin.loop.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.SmallCellRule;

/**
 * Loop-closure figures per team, touchpoint or month in which cases were opened: the share of complaint
 * and detractor cases followed up within their SLA, the median time to first contact, the share of cases
 * and answers tagged with a theme whose person was told back about a completed action on one of their
 * themes, and the reopen rate. A case or answer is eligible for telling back by the same rule as the recipients
 * ({@link ToldBackLog#recipientsOf}): an automatic tag counts once confirmed or confident enough.
 * Every share comes with its n and Wilson 95 % interval; every median with its n.
 * <p>
 * Small cells: a share or median about fewer people than the small-cell rule's k is hidden (people are
 * counted once each; an anonymous case or answer is a person of its own). The viewers of these figures
 * (administrators, analysts) do not handle the cases, so there is no exception. When exactly one group of a
 * column is hidden, the smallest other group of that column is hidden too, or the hidden one would follow
 * from the total minus the others.
 */
@Repository
public class LoopFigures {

    public enum Dimension { TEAM, TOUCHPOINT, MONTH }

    /** The type of the facts of a tagged answer: it counts for "told back" only. */
    static final String ANSWER = "answer";

    /**
     * One case as the figures see it; {@code who} is the person it is about (their key, or the case's or
     * response's own id when it is anonymous), so that people are counted once for the small-cell rule.
     * {@code scheduledFor}: when a told-back message to the person, held back by quiet hours or a quiet day, goes out.
     */
    record CaseFacts(String team, UUID touchpoint, YearMonth month, String type, Instant openedAt, Instant deadline,
            Instant firstContactAt, boolean resolvedOnce, boolean reopened, boolean hasPerson, boolean eligibleForTellingBack,
            boolean toldBack, String who, @Nullable Instant scheduledFor) {

        CaseFacts(String team, UUID touchpoint, YearMonth month, String type, Instant openedAt, Instant deadline,
                Instant firstContactAt, boolean resolvedOnce, boolean reopened, boolean hasPerson, boolean eligibleForTellingBack,
                boolean toldBack, String who) {
            this(team, touchpoint, month, type, openedAt, deadline, firstContactAt, resolvedOnce, reopened, hasPerson,
                    eligibleForTellingBack, toldBack, who, null);
        }
    }

    /**
     * A median with the number of values it is the median of; {@code hours} is null when n is 0. When
     * {@code hidden}, it is about fewer than {@code fewerThan} people: hours is null and n is 0.
     */
    public record MedianHours(Double hours, long n, boolean hidden, int fewerThan) {

        static MedianHours hidden(int k) {
            return new MedianHours(null, 0, true, k);
        }
    }

    /**
     * {@code scheduled}: of the same cases and answers as {@code toldBack}, those not told yet whose message waits for quiet
     * hours or a quiet day to pass (it is on its way, not forgotten), hidden with it; {@code scheduledFor} the earliest
     * moment one of them goes out.
     */
    public record Row(String key, Share followedUpInTime, MedianHours timeToFirstContact, Share toldBack, Share reopened,
            @Nullable Share scheduled, @Nullable Instant scheduledFor) {

        Row(String key, Share followedUpInTime, MedianHours timeToFirstContact, Share toldBack, Share reopened) {
            this(key, followedUpInTime, timeToFirstContact, toldBack, reopened, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final SmallCellRule smallCells;
    private final LoopSettings settings;

    LoopFigures(JdbcClient jdbc, Organisations organisations, SmallCellRule smallCells, LoopSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.organisations = organisations;
        this.smallCells = smallCells;
    }

    /**
     * Rows per value of the dimension for cases opened in [from, to), and a last row "*" over all of them; a
     * figure about fewer than k people is hidden.
     */
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
        groups.forEach((k, group) -> rows.add(row(k, group, now, smallCells)));
        List<Row> protectedRows = complementary(rows, smallCells.k());
        List<Row> all = new ArrayList<>(protectedRows);
        all.add(row("*", facts, now, smallCells));
        return all;
    }

    /** The figures of the cases without the small-cell rule: for tests that count by hand. */
    static Row row(String key, List<CaseFacts> cases, Instant now) {
        return row(key, cases, now, new SmallCellRule(1));
    }

    /**
     * When exactly one group of a share column is hidden while the total is shown, the hidden group's count
     * and n are the total's minus the other groups'. Hiding the group with the smallest n of the rest too
     * leaves two unknowns, so neither follows from the total.
     */
    static List<Row> complementary(List<Row> groups, int k) {
        List<Row> rows = new ArrayList<>(groups);
        List<Function<Row, Share>> columns = List.of(Row::followedUpInTime, Row::toldBack, Row::reopened);
        for (int column = 0; column < columns.size(); column++) {
            Function<Row, Share> get = columns.get(column);
            long hidden = rows.stream().map(get).filter(x -> x != null && x.hidden()).count();
            if (hidden != 1) {
                continue;
            }
            int smallest = -1;
            for (int i = 0; i < rows.size(); i++) {
                Share share = get.apply(rows.get(i));
                if (share != null && !share.hidden() && (smallest < 0 || share.n() < get.apply(rows.get(smallest)).n())) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                Row r = rows.get(smallest);
                Share gone = Share.hidden(k);
                rows.set(smallest, switch (column) {
                    case 0 -> new Row(r.key(), gone, r.timeToFirstContact(), r.toldBack(), r.reopened(), r.scheduled(), r.scheduledFor());
                    case 1 -> new Row(r.key(), r.followedUpInTime(), r.timeToFirstContact(), gone, r.reopened(),
                            r.scheduled() == null ? null : gone, null);
                    default -> new Row(r.key(), r.followedUpInTime(), r.timeToFirstContact(), r.toldBack(), gone, r.scheduled(),
                            r.scheduledFor());
                });
            }
        }
        return rows;
    }

    static Row row(String key, List<CaseFacts> cases, Instant now, SmallCellRule rule) {
        Set<String> dueWho = new HashSet<>();
        Set<String> contactedWho = new HashSet<>();
        Set<String> eligibleWho = new HashSet<>();
        Set<String> resolvedWho = new HashSet<>();
        long due = 0;
        long inTime = 0;
        List<Double> hours = new ArrayList<>();
        long eligible = 0;
        long told = 0;
        long scheduled = 0;
        Instant scheduledFor = null;
        long resolved = 0;
        long reopened = 0;
        for (CaseFacts c : cases) {
            boolean followUpType = c.type().equals("complaint") || c.type().equals("detractor");
            // A case counts once its follow-up is decided: contacted, or its deadline has passed without contact.
            if (followUpType && (c.firstContactAt() != null || now.isAfter(c.deadline()))) {
                due++;
                dueWho.add(c.who());
                if (c.firstContactAt() != null && !c.firstContactAt().isAfter(c.deadline())) {
                    inTime++;
                }
            }
            if (c.firstContactAt() != null) {
                hours.add(Duration.between(c.openedAt(), c.firstContactAt()).toMinutes() / 60.0);
                contactedWho.add(c.who());
            }
            if (c.hasPerson() && c.eligibleForTellingBack()) {
                eligible++;
                eligibleWho.add(c.who());
                if (c.toldBack()) {
                    told++;
                } else if (c.scheduledFor() != null) {
                    scheduled++;
                    scheduledFor = scheduledFor == null || c.scheduledFor().isBefore(scheduledFor) ? c.scheduledFor() : scheduledFor;
                }
            }
            if (c.resolvedOnce()) {
                resolved++;
                resolvedWho.add(c.who());
                if (c.reopened()) {
                    reopened++;
                }
            }
        }
        Share toldBack = share(told, eligible, eligibleWho.size(), rule);
        Share held = share(scheduled, eligible, eligibleWho.size(), rule);
        return new Row(key, share(inTime, due, dueWho.size(), rule),
                rule.hides(contactedWho.size()) ? MedianHours.hidden(rule.k()) : median(hours),
                toldBack, share(reopened, resolved, resolvedWho.size(), rule), held,
                held == null || held.hidden() || scheduled == 0 ? null : scheduledFor);
    }

    static MedianHours median(List<Double> values) {
        if (values.isEmpty()) {
            return new MedianHours(null, 0, false, 0);
        }
        double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
        return new MedianHours(new Median().evaluate(array), array.length, false, 0);
    }

    /** Null for no cases at all, hidden for cases of fewer than k people. */
    private static Share share(long successes, long n, long people, SmallCellRule rule) {
        if (n == 0) {
            return null;
        }
        return rule.hides(people) ? Share.hidden(rule.k()) : Share.of(successes, n);
    }

    List<CaseFacts> facts(Instant from, Instant to) {
        ZoneId zone = organisations.current().timeZone();
        List<CaseFacts> cases = jdbc.sql("select c.team, c.touchpoint_id, c.type_code, c.opened_at, c.deadline, c.first_contact_at, "
                        + "(c.resolved_at is not null or c.status in ('RESOLVED', 'CLOSED') or c.reopen_count > 0), c.reopen_count > 0, "
                        + "c.person_key is not null, "
                        + "exists (select 1 from loop_case_theme ct join loop_action_theme atx on atx.theme_id = ct.theme_id "
                        + "  join loop_action a on a.id = atx.action_id where ct.case_id = c.id and a.status = 'DONE' "
                        + "  and " + TagTable.toldBack("ct") + "), "
                        + "exists (select 1 from loop_case_theme ct join loop_action_theme atx on atx.theme_id = ct.theme_id "
                        + "  join loop_told_back t on t.action_id = atx.action_id and t.person_key = c.person_key "
                        + "  where ct.case_id = c.id and t.outcome = 'TOLD'), "
                        + "c.person_key, c.id, "
                        + "(select min(d.due_at) from loop_case_theme ct join loop_action_theme atx on atx.theme_id = ct.theme_id "
                        + "  join loop_told_back_due d on d.action_id = atx.action_id and d.person_key = c.person_key "
                        + "  where ct.case_id = c.id) "
                        + "from loop_case c where c.opened_at >= :from and c.opened_at < :to")
                .param("from", CaseFiles.utc(from)).param("to", CaseFiles.utc(to)).param("minConfidence", settings.tellBackMinConfidence())
                .query((rs, n) -> {
                    Instant opened = CaseFiles.instant(rs, 4);
                    return new CaseFacts(rs.getString(1), rs.getObject(2, UUID.class), YearMonth.from(opened.atZone(zone)),
                            rs.getString(3), opened, CaseFiles.instant(rs, 5), CaseFiles.instant(rs, 6), rs.getBoolean(7),
                            rs.getBoolean(8), rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11),
                            who(rs.getString(12), "case:" + rs.getObject(13, UUID.class)), CaseFiles.instant(rs, 14));
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
        record TagFacts(UUID response, UUID touchpoint, Instant answered, boolean hasPerson, boolean eligible, boolean told,
                String who, @Nullable Instant scheduledFor) {
        }
        List<TagFacts> tags = jdbc.sql("select a.response_id, a.touchpoint_id, a.answered_at, a.person_key is not null, "
                        + "exists (select 1 from loop_action_theme atx join loop_action x on x.id = atx.action_id "
                        + "  where atx.theme_id = a.theme_id and x.status = 'DONE') and " + TagTable.toldBack("a") + ", "
                        + "exists (select 1 from loop_action_theme atx join loop_told_back t on t.action_id = atx.action_id "
                        + "  and t.person_key = a.person_key where atx.theme_id = a.theme_id and t.outcome = 'TOLD'), "
                        + "a.person_key, "
                        + "(select min(d.due_at) from loop_action_theme atx join loop_told_back_due d on d.action_id = atx.action_id "
                        + "  and d.person_key = a.person_key where atx.theme_id = a.theme_id) "
                        + "from loop_answer_theme a where a.answered_at >= :from and a.answered_at < :to order by a.response_id")
                .param("from", CaseFiles.utc(from)).param("to", CaseFiles.utc(to)).param("minConfidence", settings.tellBackMinConfidence())
                .query((rs, n) -> new TagFacts(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), CaseFiles.instant(rs, 3),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6),
                        who(rs.getString(7), "response:" + rs.getObject(1, UUID.class)), CaseFiles.instant(rs, 8)))
                .list();
        Map<UUID, CaseFacts> perResponse = new java.util.LinkedHashMap<>();
        for (TagFacts t : tags) {
            CaseFacts before = perResponse.get(t.response());
            boolean eligible = t.eligible() || before != null && before.eligibleForTellingBack();
            boolean told = t.told() || before != null && before.toldBack();
            Instant scheduledFor = earliest(t.scheduledFor(), before == null ? null : before.scheduledFor());
            perResponse.put(t.response(), new CaseFacts(null, t.touchpoint(), YearMonth.from(t.answered().atZone(zone)), ANSWER,
                    t.answered(), t.answered(), null, false, false, t.hasPerson(), eligible, told, t.who(), scheduledFor));
        }
        return new ArrayList<>(perResponse.values());
    }

    private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /** The person a case or answer is about: their key, or for an anonymous one its own id. */
    private static String who(String personKey, String ownId) {
        return personKey == null ? ownId : personKey;
    }
}
