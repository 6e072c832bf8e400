package nl.buitenin.demand.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import nl.buitenin.demand.internal.roster.Gaps;

/**
 * The gaps as CSV: one row per interval of the rostered days, times with their offset so the repeated hour is clear;
 * {@code difference} is rostered minus needed (negative: short). Days without a roster have no rows.
 */
final class GapsCsv {

    private GapsCsv() {
    }

    static void write(Writer out, Gaps.Result gaps) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT);
        printer.printRecord("interval_start", "forecast_contacts", "needed", "rostered", "difference", "on_phones", "service_level",
                "asa_seconds", "abandon_probability");
        for (Gaps.Gap g : gaps.intervals()) {
            printer.printRecord(g.start().toOffsetDateTime(), f(g.calls(), 1), g.needed(), g.rostered(), g.difference(), g.onPhones(),
                    f(g.serviceLevel(), 4), g.asaSeconds() == null ? "" : f(g.asaSeconds(), 1),
                    g.abandonProbability() == null ? "" : f(g.abandonProbability(), 4));
        }
        printer.flush();
    }

    private static String f(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
