package nl.buitenin.groups.internal.planning;

import java.util.List;
import java.util.Set;

import nl.buitenin.groups.internal.CsvBatches;
import nl.buitenin.platform.IngestReport;

/**
 * Guides and trips from a CSV file with a header row (columns named as the API's fields, any order); each row goes
 * through {@link PlanningWork} like an API item, and a wrong row is reported as "line 3, column days". Lists inside a
 * cell are separated by ';' (or by ',' inside quotes).
 */
public final class PlanningCsv {

    public static final List<String> GUIDE_COLUMNS = List.of("staff", "pace", "languages", "topics", "groups", "days");
    public static final List<String> TRIP_COLUMNS = List.of("sourceId", "group", "date", "name", "guides", "language", "pace", "topic",
            "assigned");

    private PlanningCsv() {
    }

    public static IngestReport guides(String csv, PlanningWork work) {
        return CsvBatches.read(csv, GUIDE_COLUMNS, Set.of("pace", "topics", "groups"),
                row -> new GuideInput(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5)), work::guides);
    }

    public static IngestReport trips(String csv, PlanningWork work) {
        return CsvBatches.read(csv, TRIP_COLUMNS, Set.of("pace", "topic", "assigned"),
                row -> new TripInput(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5), row.get(6), row.get(7),
                        row.get(8)), work::trips);
    }
}
