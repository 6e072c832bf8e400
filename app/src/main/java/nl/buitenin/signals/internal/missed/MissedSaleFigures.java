package nl.buitenin.signals.internal.missed;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.Channel;

/**
 * The counts of missed sales, plain Java: per week (Monday to Sunday in the organisation's time zone), per thing asked for
 * (by its normal form), per channel and per location, each with the number of distinct askers. An entry without an
 * asker's key is an asker of its own: nobody can tell whether two anonymous entries were one person.
 */
public final class MissedSaleFigures {

    /** What the counts need of one missed sale. */
    public record Row(String askedKey, String askedFor, Channel channel, @Nullable String location, MissedReason reason,
            @Nullable String person, Instant askedAt) {
    }

    /** A count of missed sales and of the distinct people who asked. */
    public record Count(long missed, long askers) {
    }

    public record Week(LocalDate monday, Count count) {
    }

    /** A thing asked for: its normal form, the spelling used most, its count and askers, and its count per reason. */
    public record Thing(String key, String label, Count count, Map<MissedReason, Long> reasons) {
    }

    public record Group<T>(T key, Count count) {
    }

    private MissedSaleFigures() {
    }

    /** Every week from the one holding {@code from} to the one holding {@code to}, empty weeks included. */
    public static List<Week> weekly(List<Row> rows, LocalDate from, LocalDate to, ZoneId zone) {
        Map<LocalDate, List<Row>> byWeek = rows.stream().collect(Collectors.groupingBy(r -> monday(r.askedAt().atZone(zone).toLocalDate())));
        List<Week> weeks = new ArrayList<>();
        for (LocalDate monday = monday(from); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            weeks.add(new Week(monday, count(byWeek.getOrDefault(monday, List.of()))));
        }
        return weeks;
    }

    /** The things asked for most, by count, then by askers, then alphabetically; at most {@code limit}. */
    public static List<Thing> top(List<Row> rows, int limit) {
        Map<String, List<Row>> byKey = rows.stream().collect(Collectors.groupingBy(Row::askedKey, TreeMap::new, Collectors.toList()));
        return byKey.entrySet().stream().map(e -> new Thing(e.getKey(), label(e.getValue()), count(e.getValue()), reasons(e.getValue())))
                .sorted(Comparator.comparingLong((Thing t) -> t.count().missed()).reversed()
                        .thenComparing(Comparator.comparingLong((Thing t) -> t.count().askers()).reversed())
                        .thenComparing(Thing::key))
                .limit(limit).toList();
    }

    public static List<Group<Channel>> byChannel(List<Row> rows) {
        return grouped(rows, Row::channel);
    }

    /** Per location; entries without a location are grouped under an empty text. */
    public static List<Group<String>> byLocation(List<Row> rows) {
        return grouped(rows, r -> r.location() == null ? "" : r.location());
    }

    public static Count count(List<Row> rows) {
        Set<String> known = new HashSet<>();
        long anonymous = 0;
        for (Row row : rows) {
            if (row.person() == null) {
                anonymous++;
            } else {
                known.add(row.person());
            }
        }
        return new Count(rows.size(), known.size() + anonymous);
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static <T> List<Group<T>> grouped(List<Row> rows, Function<Row, T> key) {
        Map<T, List<Row>> groups = rows.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
        return groups.entrySet().stream().map(e -> new Group<>(e.getKey(), count(e.getValue())))
                .sorted(Comparator.comparingLong((Group<T> g) -> g.count().missed()).reversed()
                        .thenComparing(g -> String.valueOf(g.key())))
                .toList();
    }

    /** The spelling written most often (ties: the first in alphabetical order), so "Cuba" wins over one "cuba". */
    private static String label(List<Row> rows) {
        // Stored spellings are tidied already (MissedSales), so they are compared as they are.
        Map<String, Long> spellings = rows.stream().collect(Collectors.groupingBy(Row::askedFor, TreeMap::new, Collectors.counting()));
        return spellings.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
    }

    private static Map<MissedReason, Long> reasons(List<Row> rows) {
        Map<MissedReason, Long> reasons = new LinkedHashMap<>();
        for (MissedReason reason : MissedReason.values()) {
            long n = rows.stream().filter(r -> r.reason() == reason).count();
            if (n > 0) {
                reasons.put(reason, n);
            }
        }
        return reasons;
    }
}
