package nl.buitenin.assumptions.internal;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import nl.buitenin.assumptions.Verdict;
import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Intervals;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.SmallCellRule;

/**
 * How well the organisation knows its customers: among the assumptions the data decided (confirmed or refuted), the
 * share confirmed, with its Wilson interval, over all, per department and per quarter in which the assumption was
 * written. Assumptions not yet testable do not count (they say nothing either way). A cell of fewer decided
 * assumptions than the small-cell rule's k is hidden; no figure is ever given per owner or participant.
 */
@Service
public class KnowledgeFigure {

    private final JdbcAssumptions assumptions;
    private final SmallCellRule smallCells;
    private final Organisations organisations;

    KnowledgeFigure(JdbcAssumptions assumptions, SmallCellRule smallCells, Organisations organisations) {
        this.assumptions = assumptions;
        this.smallCells = smallCells;
        this.organisations = organisations;
    }

    /**
     * One cell: its label (a department, or a quarter as 2026-Q1), the decided assumptions, and the share confirmed in
     * percent; {@code share} null when there are none or when hidden.
     *
     * @param untested the assumptions of the cell not (yet) decided, told beside the figure
     */
    public record Cell(String label, long decided, @Nullable Long confirmed, @Nullable Estimate share, boolean hidden, long untested) {
    }

    public record Figure(Cell overall, List<Cell> departments, List<Cell> quarters, int k) {
    }

    public Figure figure() {
        return of(assumptions.all(), smallCells, organisations.current().timeZone());
    }

    static Figure of(List<Assumption> all, SmallCellRule smallCells, ZoneId zone) {
        Map<String, List<Assumption>> byDepartment = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, List<Assumption>> byQuarter = new TreeMap<>();
        for (Assumption a : all) {
            byDepartment.computeIfAbsent(a.department(), d -> new ArrayList<>()).add(a);
            ZonedDateTime created = a.createdAt().atZone(zone);
            byQuarter.computeIfAbsent(created.getYear() + "-Q" + ((created.getMonthValue() - 1) / 3 + 1), q -> new ArrayList<>()).add(a);
        }
        List<Cell> departments = byDepartment.entrySet().stream().map(e -> cell(e.getKey(), e.getValue(), smallCells)).toList();
        List<Cell> quarters = byQuarter.entrySet().stream().map(e -> cell(e.getKey(), e.getValue(), smallCells)).toList();
        return new Figure(cell("", all, smallCells), departments, quarters, smallCells.k());
    }

    static Cell cell(String label, List<Assumption> assumptions, SmallCellRule smallCells) {
        long confirmed = assumptions.stream().filter(a -> verdict(a) == Verdict.CONFIRMED).count();
        long refuted = assumptions.stream().filter(a -> verdict(a) == Verdict.REFUTED).count();
        long decided = confirmed + refuted;
        long untested = assumptions.size() - decided;
        if (decided == 0) {
            return new Cell(label, 0, null, null, false, untested);
        }
        if (smallCells.hides(decided)) {
            return new Cell(label, decided, null, null, true, untested);
        }
        return new Cell(label, decided, confirmed, Intervals.share(confirmed, decided), false, untested);
    }

    private static @Nullable Verdict verdict(Assumption a) {
        return a.outcome() == null ? null : a.outcome().verdict();
    }
}
