package nl.buitenin.demand.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import nl.buitenin.demand.internal.DemandFigures;

/** The staffing plan as CSV: one row per interval, times with their offset so the repeated hour is clear. */
final class StaffingCsv {

    private StaffingCsv() {
    }

    static void write(Writer out, DemandFigures.Plan plan) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT);
        printer.printRecord("interval_start", "forecast_contacts", "aht_seconds", "erlangs", "agents", "scheduled", "service_level",
                "asa_seconds", "occupancy", "abandon_probability", "method", "forecast_high80", "scheduled_at_high80");
        for (DemandFigures.PlanInterval i : plan.intervals()) {
            printer.printRecord(i.start().toOffsetDateTime(), f(i.calls(), 1), f(plan.ahtSeconds(), 1), f(i.erlangs(), 3), i.agents(),
                    i.scheduled(), f(i.serviceLevel(), 4), i.asaSeconds() == null ? "" : f(i.asaSeconds(), 1), f(i.occupancy(), 4),
                    i.abandonProbability() == null ? "" : f(i.abandonProbability(), 4), plan.method(),
                    i.callsHigh80() == null ? "" : f(i.callsHigh80(), 1), i.scheduledAtHigh80() == null ? "" : i.scheduledAtHigh80());
        }
        printer.flush();
    }

    private static String f(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
