package nl.buitenin.demand.internal.roster;

import java.io.Reader;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import nl.buitenin.demand.internal.volume.SeriesKey;
import nl.buitenin.demand.internal.volume.VolumeCsv.RowError;
import nl.buitenin.journey.Channel;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Reads a roster from CSV: {@code date}, {@code interval_start} (a local time such as {@code 09:15}, or a moment with its
 * offset for the hour the clocks go back) and {@code agents}; {@code channel} and {@code location} per row, or for the
 * whole file as chosen on the page. Column names in any case; other columns are named and not read. Every wrong row is
 * told by its line and column; an interval given twice in one file is refused on its second line, since one of the two
 * counts must be a mistake.
 */
final class RosterCsv {

    static final List<String> COLUMNS = List.of("date", "interval_start", "channel", "location", "agents");

    private RosterCsv() {
    }

    record Row(long line, RosterEntry entry) {
    }

    record Result(List<Row> rows, List<RowError> errors, List<String> unknownColumns) {
    }

    static Result read(Reader reader, ZoneId zone, int minutes, @Nullable SeriesKey defaultSeries) {
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Map<RosterKey, Long> seen = new HashMap<>();
        CsvInput.Header[] header = new CsvInput.Header[1];
        try {
            CsvInput.read(reader, line -> {
                if (header[0] == null) {
                    header[0] = CsvInput.Header.of(line, true);
                    List<String> missing = new ArrayList<>();
                    for (String needed : List.of("interval_start", "agents")) {
                        if (!header[0].has(needed)) {
                            missing.add(needed);
                        }
                    }
                    if (!missing.isEmpty()) {
                        throw new CsvInput.Refusal(1, "demand.roster.invalid.header", String.join(", ", missing), header[0].names().toString());
                    }
                    unknown.addAll(header[0].unknown(COLUMNS));
                    return;
                }
                if (line.isBlank()) {
                    return;
                }
                try {
                    RosterEntry entry = row(line, header[0], zone, minutes, defaultSeries);
                    Long earlier = seen.putIfAbsent(new RosterKey(entry.series(), entry.intervalStart()), line.number());
                    if (earlier != null) {
                        errors.add(RowError.of(line.number(), "interval_start", "demand.roster.invalid.twice", earlier));
                    } else {
                        rows.add(new Row(line.number(), entry));
                    }
                } catch (InvalidInputException e) {
                    e.errors().forEach(error -> errors.add(RowError.of(line.number(), error)));
                }
            });
        } catch (CsvInput.Refusal e) {
            errors.add(RowError.of(e.line(), e.error().in(null)));
        }
        if (header[0] == null && errors.isEmpty()) {
            errors.add(RowError.of(1, null, "demand.roster.invalid.header", "interval_start, agents", "[]"));
        }
        return new Result(rows, errors, unknown);
    }

    private record RosterKey(SeriesKey series, java.time.Instant start) {
    }

    private static RosterEntry row(CsvInput.Line line, CsvInput.Header header, ZoneId zone, int minutes, @Nullable SeriesKey defaultSeries) {
        Optional<FieldError> misfit = header.misfit(line);
        if (misfit.isPresent()) {
            throw new InvalidInputException(List.of(misfit.get()));
        }
        Channel channel = defaultSeries == null ? null : defaultSeries.channel();
        String channelText = optional(line, header, "channel");
        if (channelText != null) {
            try {
                channel = Channel.valueOf(channelText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("channel", "demand.invalid.channel", channelText, List.of(Channel.values()).toString());
            }
        }
        if (channel == null) {
            throw InvalidInputException.of("channel", "demand.invalid.channelEmpty");
        }
        String location = optional(line, header, "location");
        location = location == null && defaultSeries != null ? defaultSeries.location() : location;
        if (location == null || location.length() > 100 || location.indexOf('\0') >= 0) {
            throw InvalidInputException.of("location", "demand.invalid.locationRow");
        }
        ZonedDateTime start = RosterTimes.start("date", header.value(line, "date"), "interval_start", header.value(line, "interval_start"),
                zone, minutes);
        int agents = RosterTimes.agents("agents", header.value(line, "agents"));
        return new RosterEntry(new SeriesKey(channel, location), start.toInstant(), agents);
    }

    private static @Nullable String optional(CsvInput.Line line, CsvInput.Header header, String column) {
        String value = header.value(line, column);
        String trimmed = value == null ? "" : value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
