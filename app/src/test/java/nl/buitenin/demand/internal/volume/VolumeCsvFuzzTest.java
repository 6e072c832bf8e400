package nl.buitenin.demand.internal.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.ZoneId;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.buitenin.journey.Channel;
import nl.buitenin.testing.FuzzInput;

/**
 * The demand counts CSV (import page and {@code forecast}/{@code staffing} files) is read as the import reads it
 * before storing: any file ends in rows and row errors, each error with its line and message key, never in an
 * exception; the rows found are then placed in intervals as the import does.
 */
class VolumeCsvFuzzTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"interval_start", "offered", "calls", "date", "channel", "location", "handled", "aht_seconds", "abandoned",
            "source_id", ",", "\\\"", "\\r\\n", "2026-10-25", "02:15", "2026-03-29T02:15+01:00", "PHONE", "CHAT", "T", "9223372036854775807",
            "1e308", "NaN", "\\xEF\\xBB\\xBF"})
    void everyFileEndsInRowsAndRowErrors(byte[] input) throws IOException {
        int choice = FuzzInput.choice(input);
        Channel defaultChannel = (choice & 1) == 0 ? null : Channel.PHONE;
        String defaultLocation = (choice & 2) == 0 ? null : "Utrecht";
        VolumeCsv.Result result = VolumeCsv.read(new StringReader(FuzzInput.text(input)), AMSTERDAM, defaultChannel, defaultLocation,
                line -> { });
        for (VolumeCsv.RowError error : result.errors()) {
            FuzzInput.assertClear(error.toString(), error.key(), error.message());
        }
        for (VolumeCsv.Row row : result.rows()) {
            assertThat(row.offered()).isNotNegative();
            assertThat(row.channel()).isNotNull();
            assertThat(row.location()).isNotBlank();
        }
        int minutes = Histories.detectInterval(result.rows());
        assertThat(minutes).isNotNegative();
        result.rows().forEach(row -> Intervals.floor(row.start(), 15));
    }
}
