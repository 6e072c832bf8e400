package nl.buitenin.listening.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.platform.TableFile;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.SmallCellRule;

/**
 * The comments of a period as a CSV or XLSX file, per touchpoint and week (the weeks of the scores export). The comments
 * of a person are read under "service improvement", checked once per person for the whole file, and left out when the
 * purpose refuses them. A week in which fewer people answered at the touchpoint than the small-cell minimum k gives no
 * comments but one row that says so ({@code hidden} true, {@code fewer_than} k): a handful of comments would point at
 * the people.
 */
@RestController
class CommentsExport {

    static final List<String> COLUMNS = List.of("touchpoint", "touchpoint_id", "week", "answered_on", "question", "comment", "hidden",
            "fewer_than");
    static final int DEFAULT_WEEKS = 12;

    private final JdbcResponses responses;
    private final Touchpoints touchpoints;
    private final Organisations organisations;
    private final SmallCellRule smallCells;
    private final PurposeGuard purposes;

    CommentsExport(JdbcResponses responses, Touchpoints touchpoints, Organisations organisations, SmallCellRule smallCells,
            PurposeGuard purposes) {
        this.responses = responses;
        this.touchpoints = touchpoints;
        this.organisations = organisations;
        this.smallCells = smallCells;
        this.purposes = purposes;
    }

    @GetMapping("/api/v1/exports/comments.csv")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Comments per touchpoint and week as CSV (RFC 4180, UTF-8), under the purpose service-improvement",
            description = "Columns: touchpoint (name in the Accept-Language), touchpoint_id, week (its Monday), answered_on, question "
                    + "(its key), comment, hidden, fewer_than. from/to: dates (default the last 12 weeks). A comment the purpose refuses "
                    + "is left out. A touchpoint's week with fewer answers than the small-cell minimum k has one row instead of its "
                    + "comments: hidden true and fewer_than k.")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, Locale locale) {
        return export(TableFile.Format.CSV, from, to, locale);
    }

    @GetMapping("/api/v1/exports/comments.xlsx")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Comments per touchpoint and week as an Excel workbook (XLSX)",
            description = "The same columns, rows and hidden weeks as comments.csv.")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, Locale locale) {
        return export(TableFile.Format.XLSX, from, to, locale);
    }

    private ResponseEntity<byte[]> export(TableFile.Format format, @Nullable String from, @Nullable String to,
            Locale locale) {
        ZoneId zone = organisations.current().timeZone();
        LocalDate end = RequestValues.date("to", to, "listening.invalid.exportDate");
        end = end == null ? LocalDate.now(zone) : end;
        LocalDate start = RequestValues.date("from", from, "listening.invalid.exportDate");
        start = start == null ? end.minusWeeks(DEFAULT_WEEKS).plusDays(1) : start;
        if (end.isBefore(start)) {
            throw InvalidInputException.of("to", "listening.invalid.exportPeriod", start, end);
        }
        return table(start, end, zone, locale).download(format, "buitenin-comments-" + start + "-" + end);
    }

    private record Cell(TouchpointId touchpoint, LocalDate week) {
    }

    TableFile table(LocalDate start, LocalDate end, ZoneId zone, Locale locale) {
        Instant from = start.atStartOfDay(zone).toInstant();
        Instant until = end.plusDays(1).atStartOfDay(zone).toInstant();
        Map<Cell, Long> people = new HashMap<>();
        responses.completionsBetween(from, until).forEach((touchpoint, times) -> times.forEach(
                at -> people.merge(new Cell(touchpoint, week(at, zone)), 1L, Long::sum)));
        Map<Cell, List<JdbcResponses.PeriodComment>> comments = new HashMap<>();
        for (JdbcResponses.PeriodComment comment : responses.commentsBetween(from, until)) {
            comments.computeIfAbsent(new Cell(comment.touchpoint(), week(comment.at(), zone)), c -> new ArrayList<>()).add(comment);
        }
        Map<TouchpointId, String> names = new HashMap<>();
        comments.keySet().forEach(cell -> names.computeIfAbsent(cell.touchpoint(),
                t -> touchpoints.byId(t).map(found -> found.name(locale)).orElse("")));
        Map<String, List<Cell>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        comments.keySet().forEach(cell -> byName.computeIfAbsent(names.get(cell.touchpoint()) + "\u0000" + cell.touchpoint().value(),
                n -> new ArrayList<>()).add(cell));
        Set<PersonKey> readable = readableWriters(comments, people);
        TableFile table = TableFile.of("Comments", COLUMNS);
        for (List<Cell> cells : byName.values()) {
            cells.sort(Comparator.comparing(Cell::week));
            for (Cell cell : cells) {
                String name = names.get(cell.touchpoint());
                String id = cell.touchpoint().value().toString();
                if (smallCells.hides(people.getOrDefault(cell, 0L))) {
                    table.row(Arrays.asList(name, id, cell.week(), null, null, null, true, smallCells.k()));
                    continue;
                }
                for (JdbcResponses.PeriodComment comment : comments.get(cell)) {
                    if (comment.text().isBlank() || (comment.person() != null && !readable.contains(comment.person()))) {
                        continue;
                    }
                    table.row(Arrays.asList(name, id, cell.week(), LocalDate.ofInstant(comment.at(), zone), comment.questionKey(),
                            comment.text(), false, null));
                }
            }
        }
        return table;
    }

    /**
     * Of the people whose comments the file would hold (those of weeks shown, not hidden as small), those service
     * improvement allows reading: one batched check for the whole export, each person with their earliest comment in it,
     * each read or refusal logged once. The rule text insight and the readings read by: a person refused for their
     * earliest comment is left out altogether.
     */
    private Set<PersonKey> readableWriters(Map<Cell, List<JdbcResponses.PeriodComment>> comments, Map<Cell, Long> people) {
        Map<PersonKey, Instant> earliest = new HashMap<>();
        comments.forEach((cell, inCell) -> {
            if (!smallCells.hides(people.getOrDefault(cell, 0L))) {
                inCell.stream().filter(c -> c.person() != null && !c.text().isBlank())
                        .forEach(c -> earliest.merge(c.person(), c.at(), (a, b) -> a.isBefore(b) ? a : b));
            }
        });
        return earliest.isEmpty() ? Set.of() : purposes.allowed(PurposeId.SERVICE_IMPROVEMENT, earliest, "comments export");
    }

    /** The Monday of the week the moment falls in, in the organisation's time zone, as the scores' weeks. */
    static LocalDate week(Instant at, ZoneId zone) {
        return LocalDate.ofInstant(at, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
