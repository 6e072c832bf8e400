package nl.buitenin.demand.internal.roster;

import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.demand.internal.DemandProperties;
import nl.buitenin.demand.internal.volume.Intervals;
import nl.buitenin.demand.internal.volume.SeriesKey;
import nl.buitenin.demand.internal.volume.VolumeCsv.RowError;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * The one way roster counts are written and read: the CSV import, the API and the roster page all come here. Each write
 * is all or nothing, and a count for an interval that is already on the roster replaces it (the same count again changes
 * nothing), so a planner re-imports a corrected file rather than deleting first.
 */
@Service
public class Roster {

    private final JdbcRoster store;
    private final Organisations organisations;
    private final DemandProperties properties;

    Roster(JdbcRoster store, Organisations organisations, DemandProperties properties) {
        this.store = store;
        this.organisations = organisations;
        this.properties = properties;
    }

    /**
     * @param rowsRead       data rows in the file
     * @param errors         rows that were wrong; when there are any, nothing was stored
     * @param saved          what was stored, or null when nothing was
     * @param unknownColumns columns of the file that were not read
     */
    public record Report(int rowsRead, List<RowError> errors, @Nullable RosterSaved saved, List<String> unknownColumns) {

        public Report {
            errors = List.copyOf(errors);
            unknownColumns = List.copyOf(unknownColumns);
        }

        public boolean stored() {
            return saved != null;
        }
    }

    public ZoneId zone() {
        return organisations.current().timeZone();
    }

    public int intervalMinutes() {
        return properties.intervalMinutes();
    }

    /** The columns a roster file may have. */
    public static List<String> columns() {
        return RosterCsv.COLUMNS;
    }

    /** Imports a roster file: every row or, when any row is wrong, none. */
    @Transactional
    public Report importCsv(Reader reader, @Nullable SeriesKey defaultSeries) {
        RosterCsv.Result read = RosterCsv.read(reader, zone(), intervalMinutes(), defaultSeries);
        int rowsRead = read.rows().size() + read.errors().size();
        if (read.rows().isEmpty() && read.errors().isEmpty()) {
            throw CsvInput.noRows();
        }
        if (!read.errors().isEmpty()) {
            List<RowError> errors = new ArrayList<>(read.errors());
            errors.sort(Comparator.comparingLong(RowError::line));
            return new Report(rowsRead, errors, null, read.unknownColumns());
        }
        return new Report(rowsRead, List.of(), store.save(read.rows().stream().map(RosterCsv.Row::entry).toList()), read.unknownColumns());
    }

    /**
     * One entry of an API call, as sent: the day and time as planners write them (or a moment with offset), and the count.
     */
    public record Written(@Nullable String channel, @Nullable String location, @Nullable String date, @Nullable String intervalStart,
            @Nullable Integer agents) {
    }

    /** Stores entries sent to the API; every wrong one is named by {@code field[index]}, and then nothing is stored. */
    @Transactional
    public RosterSaved write(List<Written> items, String field) {
        ZoneId zone = zone();
        int minutes = intervalMinutes();
        List<FieldError> errors = new ArrayList<>();
        Map<Object, Integer> seen = new LinkedHashMap<>();
        List<RosterEntry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Written item = items.get(i);
            String at = field + "[" + i + "]";
            try {
                SeriesKey series = seriesOf(item.channel(), item.location());
                ZonedDateTime start = RosterTimes.start("date", item.date(), "intervalStart", item.intervalStart(), zone, minutes);
                if (item.agents() == null || item.agents() < 0 || item.agents() > RosterEntry.MAX_AGENTS) {
                    throw InvalidInputException.of("agents", "demand.roster.invalid.agents", String.valueOf(item.agents()));
                }
                RosterEntry entry = new RosterEntry(series, start.toInstant(), item.agents());
                Integer earlier = seen.putIfAbsent(List.of(series, entry.intervalStart()), i);
                if (earlier != null) {
                    throw InvalidInputException.of("intervalStart", "demand.roster.invalid.twiceItem", field + "[" + earlier + "]");
                }
                entries.add(entry);
            } catch (InvalidInputException e) {
                e.errors().forEach(error -> errors.add(error.in(at + "." + error.field())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return store.save(entries);
    }

    /** Stores entries built in code (the demo's roster); each must start one of the installation's intervals. */
    @Transactional
    public RosterSaved save(List<RosterEntry> entries) {
        ZoneId zone = zone();
        for (RosterEntry entry : entries) {
            ZonedDateTime start = entry.intervalStart().atZone(zone);
            if (!Intervals.floor(start, intervalMinutes()).equals(start) || entry.agents() < 0 || entry.agents() > RosterEntry.MAX_AGENTS) {
                throw new IllegalArgumentException("not a roster entry of this installation: " + entry);
            }
        }
        return store.save(entries);
    }

    /** A series as named in the API: a channel and a location, both needed. */
    public static SeriesKey seriesOf(@Nullable String channel, @Nullable String location) {
        List<FieldError> errors = new ArrayList<>();
        nl.buitenin.journey.Channel parsed = nl.buitenin.platform.RequestValues.collecting(errors,
                () -> nl.buitenin.platform.RequestValues.requiredChoice("channel", channel, nl.buitenin.journey.Channel.class,
                        "demand.invalid.channel", String.valueOf(channel), List.of(nl.buitenin.journey.Channel.values()).toString()));
        String place = location == null ? null : location.strip();
        if (place == null || place.isEmpty() || place.length() > 100 || place.indexOf('\0') >= 0) {
            errors.add(FieldError.of("location", "demand.invalid.locationRow"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SeriesKey(parsed, place);
    }

    /**
     * Saves one day of a series as edited on the roster page: a count per interval, or null to take the interval off the
     * roster. Intervals of other days are refused (the page only sends its own day).
     */
    @Transactional
    public RosterSaved saveDay(SeriesKey series, LocalDate day, Map<Instant, @Nullable Integer> cells) {
        List<Instant> starts = intervalsOf(day).stream().map(ZonedDateTime::toInstant).toList();
        List<RosterEntry> entries = new ArrayList<>();
        List<Instant> cleared = new ArrayList<>();
        cells.forEach((start, agents) -> {
            if (!starts.contains(start)) {
                throw InvalidInputException.of("day", "demand.roster.invalid.notThisDay");
            }
            if (agents == null) {
                cleared.add(start);
            } else {
                entries.add(new RosterEntry(series, start, agents));
            }
        });
        RosterSaved saved = store.save(entries);
        return new RosterSaved(saved.inserted(), saved.replaced(), saved.unchanged(), store.remove(series, cleared));
    }

    /** Every interval start of a local day (92 or 100 quarters on the days the clocks change). */
    public List<ZonedDateTime> intervalsOf(LocalDate day) {
        return Intervals.startsOf(day, zone(), intervalMinutes());
    }

    /** The roster of a series per interval start, from the start of {@code from} to the end of {@code to} (local days). */
    public Map<Instant, Integer> days(SeriesKey series, LocalDate from, LocalDate to) {
        ZoneId zone = zone();
        return store.between(series, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
