package nl.buitenin.demand.internal.volume;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import nl.buitenin.demand.ContactVolume;
import nl.buitenin.demand.ContactVolumes;
import nl.buitenin.demand.internal.DemandProperties;
import nl.buitenin.journey.Channel;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;

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

    VolumeImport(ContactVolumes volumes, Organisations organisations, DemandProperties properties) {
        this.volumes = volumes;
        this.organisations = organisations;
        this.properties = properties;
    }

    /**
     * @param rowsRead  data rows in the file
     * @param errors    rows that were wrong; when there are any, nothing was stored
     * @param intervals intervals the rows were summed into
     * @param recorded  what was stored, or null when nothing was
     */
    public record Report(int rowsRead, List<VolumeCsv.RowError> errors, int intervals, ContactVolumes.Recorded recorded) {

        public boolean stored() {
            return recorded != null;
        }
    }

    public Report importCsv(Reader reader, Channel defaultChannel, String defaultLocation) throws IOException {
        ZoneId zone = organisations.current().timeZone();
        VolumeCsv.Result read = VolumeCsv.read(reader, zone, defaultChannel, defaultLocation, line -> { });
        int rowsRead = read.rows().size() + read.errors().size();
        List<VolumeCsv.RowError> errors = new ArrayList<>(read.errors());
        int minutes = properties.intervalMinutes();
        int fileInterval = Histories.detectInterval(read.rows());
        if (errors.isEmpty() && read.rows().size() > 1 && fileInterval > minutes && fileInterval % minutes == 0) {
            errors.add(VolumeCsv.RowError.of(1, "interval_start", "demand.invalid.intervalApart", fileInterval, minutes));
        }
        if (read.rows().isEmpty() && errors.isEmpty()) {
            errors.add(VolumeCsv.RowError.of(1, null, "demand.invalid.noRows"));
        }
        if (!errors.isEmpty()) {
            return new Report(rowsRead, errors, 0, null);
        }
        List<ContactVolume> summed = sumIntoIntervals(read.rows(), minutes);
        try {
            return new Report(rowsRead, errors, summed.size(), volumes.record(summed));
        } catch (InvalidInputException e) {
            List<VolumeCsv.RowError> invalid = e.errors().stream().map(f -> VolumeCsv.RowError.of(0, f)).toList();
            return new Report(rowsRead, invalid, summed.size(), null);
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
                offered += row.offered();
                handled = handled == null || row.handled() == null ? null : handled + row.handled();
                abandoned = abandoned == null || row.abandoned() == null ? null : abandoned + row.abandoned();
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
