package nl.buitenin.signals.internal.missed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.buitenin.platform.IngestReport.ItemOutcome;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.testing.FuzzInput;

/**
 * The missed-sales CSV is read and every row checked as the import does before writing: any file ends in items, rows
 * that do not fit, row errors or the import's own refusal, each naming where it is with a message key.
 */
class MissedSalesCsvFuzzTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"sourceId", "askedFor", "channel", "location", "reason", "note", "person", "at", ",", "\\\"", "\\r\\n", "LOCATION",
            "NOT_IN_RANGE", "sold_out", "Cuba", "2026-03-01T10:15:00+01:00", "p_abcdefghijklmnopqrstuvwxyz", "\\xEF\\xBB\\xBF", "\\x00"})
    void everyFileEndsInItemsOrAClearRefusal(byte[] input) {
        MissedSalesCsv.Parsed parsed;
        try {
            parsed = MissedSalesCsv.parse(FuzzInput.text(input));
        } catch (InvalidInputException refusal) {
            FuzzInput.assertClear(refusal);
            return;
        }
        for (ItemOutcome misfit : parsed.misfits()) {
            for (FieldError error : misfit.errors()) {
                FuzzInput.assertClear(error.field(), error.key(), error.message());
            }
        }
        for (MissedSalesCsv.Row row : parsed.rows()) {
            List<FieldError> errors = new ArrayList<>();
            MissedSales.check(row.item(), null, NOW, errors);
            for (FieldError error : errors) {
                FuzzInput.assertClear(error.field(), error.key(), error.message());
            }
        }
    }
}
