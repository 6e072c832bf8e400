package nl.buitenin.demand.internal.volume;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import nl.buitenin.demand.ContactVolume;
import nl.buitenin.demand.ContactVolumes;
import nl.buitenin.demand.internal.DemandProperties;
import nl.buitenin.journey.Channel;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.RecordedTimes;

/**
 * Imports a CSV of counts: all rows or none. Rows in shorter intervals (such as the bank's 5 minutes)
 * are summed into the installation's 15- or 30-minute intervals first; counts already present are
 * skipped, so importing the same file twice changes nothing.
 */
@Service
public class VolumeImport {

    private final ContactVolumes volumes;
    private final Organisations organisations;
    private final DemandProperties properties;

    private final Clock clock;

    VolumeImport(ContactVolumes volumes, Organisations organisations, DemandProperties properties, Clock clock) {
        this.volumes = volumes;
        this.organisations = organisations;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param rowsRead  data rows in the file
     * @param errors    rows that were wrong; when there are any, nothing was stored
     * @param intervals intervals the rows were summed into
     * @param recorded  what was stored, or null when nothing was
     * @param unknownColumns columns of the file that were not read
     */
    public record Report(int rowsRead, List<VolumeCsv.RowError> errors, int intervals, ContactVolumes.Recorded recorded,
            List<String> unknownColumns) {

        public Report {
            unknownColumns = List.copyOf(unknownColumns);
        }

        public boolean stored() {
            return recorded != null;
        }
    }

    public Report importCsv(Reader reader, Channel defaultChannel, String defaultLocation) throws IOException {
        ZoneId zone = organisations.current().timeZone();
        VolumeCsv.Result read = VolumeCsv.read(reader, zone, defaultChannel, defaultLocation, line -> { });
        int rowsRead = read.rows().size() + read.errors().size();
        List<VolumeCsv.RowError> errors = new ArrayList<>(read.errors());
        List<String> unknown = read.unknownColumns();
        Instant now = clock.instant();
        for (VolumeCsv.Row row : read.rows()) {
            RecordedTimes.check("interval_start", row.start().toInstant(), row.start().toOffsetDateTime().toString(), now)
                    .ifPresent(error -> errors.add(VolumeCsv.RowError.of(row.line(), error)));
        }
        int minutes = properties.intervalMinutes();
        int fileInterval = Histories.detectInterval(read.rows());
        if (errors.isEmpty() && read.rows().size() > 1 && fileInterval > minutes && fileInterval % minutes == 0) {
            errors.add(VolumeCsv.RowError.of(1, "interval_start", "demand.invalid.intervalApart", fileInterval, minutes));
        }
        if (read.rows().isEmpty() && errors.isEmpty()) {
            throw CsvInput.noRows();
        }
        errors.sort(Comparator.comparingLong(VolumeCsv.RowError::line));
        if (!errors.isEmpty()) {
            return new Report(rowsRead, errors, 0, null, unknown);
        }
        List<ContactVolume> summed;
        try {
            summed = sumIntoIntervals(read.rows(), minutes);
        } catch (SumTooLarge e) {
            return new Report(rowsRead, List.of(VolumeCsv.RowError.of(e.line, e.column, "demand.invalid.sumTooLarge", e.column)), 0,
                    null, unknown);
        }
        try {
            return new Report(rowsRead, errors, summed.size(), volumes.record(summed), unknown);
        } catch (InvalidInputException e) {
            List<VolumeCsv.RowError> invalid = e.errors().stream().map(f -> VolumeCsv.RowError.of(0, f)).toList();
            return new Report(rowsRead, invalid, summed.size(), null, unknown);
        }
    }

    /** The rows of one interval add up to more than a count can hold; named by the row that made it overflow. */
    private static final class SumTooLarge extends RuntimeException {
        final long line;
        final String column;

        SumTooLarge(long line, String column) {
            super(null, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    private static long add(long sum, long value, VolumeCsv.Row row, String column) {
        try {
            return Math.addExact(sum, value);
        } catch (ArithmeticException e) {
            throw new SumTooLarge(row.line(), column);
        }
    }

    private static List<ContactVolume> sumIntoIntervals(List<VolumeCsv.Row> rows, int minutes) {
        record Key(Channel channel, String location, Instant start) {
        }
        Map<Key, List<VolumeCsv.Row>> buckets = new LinkedHashMap<>();
        for (VolumeCsv.Row row : rows) {
            Instant start = Intervals.floor(row.start(), minutes).toInstant();
            buckets.computeIfAbsent(new Key(row.channel(), row.location(), start), k -> new ArrayList<>()).add(row);
        }
        List<ContactVolume> result = new ArrayList<>(buckets.size());
        buckets.forEach((key, group) -> {
            long offered = 0;
            Long handled = 0L;
            Long abandoned = 0L;
            double handleSeconds = 0;
            long handledWithAht = 0;
            for (VolumeCsv.Row row : group) {
                offered = add(offered, row.offered(), row, "offered");
                handled = handled == null || row.handled() == null ? null : add(handled, row.handled(), row, "handled");
                abandoned = abandoned == null || row.abandoned() == null ? null : add(abandoned, row.abandoned(), row, "abandoned");
                if (row.ahtSeconds() != null && row.handled() != null) {
                    handleSeconds += row.ahtSeconds() * row.handled();
                    handledWithAht += row.handled();
                }
            }
            Double aht = handledWithAht == 0 ? null : handleSeconds / handledWithAht;
            String sourceId = group.size() == 1 ? group.get(0).sourceId() : null;
            result.add(new ContactVolume(key.channel(), key.location(), key.start(), offered, handled, aht, abandoned, sourceId));
        });
        return result;
    }
}
