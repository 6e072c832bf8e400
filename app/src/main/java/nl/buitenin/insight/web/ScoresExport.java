package nl.buitenin.insight.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.insight.Grouping;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreQuery;
import nl.buitenin.insight.ScoreSlice;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.ReplicaReads;
import nl.buitenin.platform.TableFile;
import nl.buitenin.privacy.SmallCellRule;

/**
 * Scores per touchpoint and week as a CSV or XLSX file: n, score and 95 % interval, the figures of
 * {@code /api/v1/scores?groupBy=week} and of the journey map's weekly trend, with a small cell hidden the same way
 * ({@code hidden} true, {@code fewer_than} k, no n and no score). The touchpoint's name is in the reader's language.
 */
@RestController
class ScoresExport {

    static final List<String> COLUMNS = List.of("touchpoint", "touchpoint_id", "question", "scale", "week", "n", "score", "lower", "upper",
            "hidden", "fewer_than");

    private final ScoreHistograms histograms;
    private final Touchpoints touchpoints;
    private final Organisations organisations;
    private final SmallCellRule smallCells;
    private final ReplicaReads replicaReads;

    ScoresExport(ScoreHistograms histograms, Touchpoints touchpoints, Organisations organisations, SmallCellRule smallCells,
            ReplicaReads replicaReads) {
        this.replicaReads = replicaReads;
        this.histograms = histograms;
        this.touchpoints = touchpoints;
        this.organisations = organisations;
        this.smallCells = smallCells;
    }

    @GetMapping("/api/v1/exports/scores.csv")
    @Allow(value = {Role.ADMIN, Role.ANALYST, Role.AGENT}, scopes = Scope.READ)
    @Operation(summary = "Scores per touchpoint and week as CSV (RFC 4180, UTF-8)",
            description = "Columns: " + "touchpoint (name in the Accept-Language), touchpoint_id, question, scale, week (its Monday, or the "
                    + "first day of the period), n, score, lower, upper (95 % interval), hidden, fewer_than. touchpoint: repeat for "
                    + "several, leave out for all; from/to: dates (default the last 12 weeks); question: a question key. A week of fewer "
                    + "answers than the small-cell minimum k is hidden: hidden true, fewer_than k, n and the score empty.")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) @Nullable List<String> touchpoint,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String question, Locale locale) {
        return export(TableFile.Format.CSV, touchpoint, from, to, question, locale);
    }

    @GetMapping("/api/v1/exports/scores.xlsx")
    @Allow(value = {Role.ADMIN, Role.ANALYST, Role.AGENT}, scopes = Scope.READ)
    @Operation(summary = "Scores per touchpoint and week as an Excel workbook (XLSX)",
            description = "The same columns, rows and hidden cells as scores.csv, numbers as numbers and weeks as dates.")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @Nullable List<String> touchpoint,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String question, Locale locale) {
        return export(TableFile.Format.XLSX, touchpoint, from, to, question, locale);
    }

    private ResponseEntity<byte[]> export(TableFile.Format format, @Nullable List<String> touchpoint,
            @Nullable String from, @Nullable String to, @Nullable String question, Locale locale) {
        LocalDate today = LocalDate.now(organisations.current().timeZone());
        LocalDate end = ScoresApi.date("to", to, today);
        LocalDate start = ScoresApi.date("from", from, end.minusWeeks(ScoresApi.DEFAULT_WEEKS).plusDays(1));
        ScoreQuery query = new ScoreQuery(ScoresApi.touchpoints(touchpoint), start, end, question, Grouping.WEEK, true);
        List<ScoreSlice> slices = new ArrayList<>(replicaReads.read(() -> histograms.summarise(query)));
        TableFile table = table(slices, locale);
        return table.download(format, "buitenin-scores-" + start + "-" + end);
    }

    TableFile table(List<ScoreSlice> slices, Locale locale) {
        TableFile table = TableFile.of("Scores", COLUMNS);
        List<Row> rows = new ArrayList<>();
        for (ScoreSlice slice : slices) {
            String name = slice.touchpoint() == null ? "" : touchpoints.byId(slice.touchpoint()).map(t -> t.name(locale)).orElse("");
            rows.add(new Row(name, slice, ScoresApi.ScorePoint.of(slice, smallCells)));
        }
        rows.sort((a, b) -> {
            int byName = a.name().compareToIgnoreCase(b.name());
            if (byName != 0) {
                return byName;
            }
            int byQuestion = a.slice().questionKey().compareTo(b.slice().questionKey());
            return byQuestion != 0 ? byQuestion : a.slice().periodStart().compareTo(b.slice().periodStart());
        });
        for (Row row : rows) {
            ScoresApi.ScorePoint point = row.point();
            table.row(Arrays.asList(row.name(), point.touchpoint(), point.question(), point.scale(), point.period(), point.n(),
                    point.score(), point.lower(), point.upper(), point.hidden(), point.fewerThan()));
        }
        return table;
    }

    private record Row(String name, ScoreSlice slice, ScoresApi.ScorePoint point) {
    }
}
