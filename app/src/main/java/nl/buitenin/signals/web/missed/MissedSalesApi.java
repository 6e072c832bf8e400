package nl.buitenin.signals.web.missed;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.access.Users;
import nl.buitenin.platform.CheckedPerItem;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.signals.internal.missed.MissedSaleFigures;
import nl.buitenin.signals.internal.missed.MissedSaleInput;
import nl.buitenin.signals.internal.missed.MissedSaleReadings;
import nl.buitenin.signals.internal.missed.MissedSalesCsv;
import nl.buitenin.signals.internal.missed.MissedSales;

/** Missed sales for tills and booking systems (a batch, idempotent by source id) and their trends for analysts. */
@RestController
@RequestMapping("/api/v1/signals/missed-sales")
class MissedSalesApi {

    static final int MAX_TOP = 100;

    private final MissedSales missedSales;
    private final MissedSaleReadings readings;
    private final SmallCellRule smallCells;
    private final Users users;

    MissedSalesApi(MissedSales missedSales, MissedSaleReadings readings, SmallCellRule smallCells, Users users) {
        this.missedSales = missedSales;
        this.readings = readings;
        this.smallCells = smallCells;
        this.users = users;
    }

    @Schema(name = "MissedSaleBatch")
    record MissedSaleBatch(@Schema(description = "up to 1 000 missed sales") @CheckedPerItem @Nullable List<MissedSaleInput> items) {
    }

    /** Distinct askers are people: hidden (null, with fewerThan) when fewer than the small-cell rule allows. */
    @Schema(name = "MissedSaleCount")
    record MissedSaleCount(long missed, @Nullable Long askers, boolean askersHidden, @Nullable Integer fewerThan) {
    }

    @Schema(name = "MissedSaleWeek")
    record MissedSaleWeek(@Schema(description = "the Monday the week starts on") LocalDate week, MissedSaleCount count) {
    }

    @Schema(name = "MissedSaleTrends")
    record MissedSaleTrends(LocalDate from, LocalDate to, @Schema(description = "the normal form of the one thing read, or null") @Nullable String thing,
            MissedSaleCount total, List<MissedSaleWeek> weeks) {
    }

    @Schema(name = "MissedSaleThing")
    record MissedSaleThing(@Schema(description = "normal form: lower case, single spaces") String key,
            @Schema(description = "the spelling used most") String label, MissedSaleCount count,
            @Schema(description = "per reason code, the count") Map<String, Long> reasons) {
    }

    @Schema(name = "MissedSaleGroup")
    record MissedSaleGroup(@Schema(description = "channel code or location name (empty: no location)") String key, MissedSaleCount count) {
    }

    @Schema(name = "MissedSaleTop")
    record MissedSaleTop(LocalDate from, LocalDate to, List<MissedSaleThing> things, List<MissedSaleGroup> channels, List<MissedSaleGroup> locations) {
    }

    @PostMapping(consumes = "application/json")
    @Allow(value = {Role.ADMIN, Role.AGENT}, scopes = Scope.INGEST)
    @Operation(summary = "Record a batch of missed sales, idempotent by source id",
            description = "Each item: sourceId, askedFor, channel, reason, and optionally location, note, person (person key of who "
                    + "asked) and at (ISO-8601 with offset; now when left out). The answer reports per item (by index) whether it was "
                    + "created, a duplicate (its source id was stored already) or rejected, naming each wrong field in the caller's "
                    + "language; valid items are stored.")
    IngestReport record(@RequestBody MissedSaleBatch batch) {
        return missedSales.record(batch == null ? null : batch.items(), users.current().map(u -> u.id().value()).orElse(null));
    }

    @PostMapping(consumes = "text/csv")
    @Allow(value = {Role.ADMIN, Role.AGENT}, scopes = Scope.INGEST)
    @Operation(summary = "Record missed sales from a CSV file, idempotent by source id",
            description = "UTF-8, a header row naming the columns as the JSON items' fields (sourceId, askedFor, channel, reason, and "
                    + "optionally location, note, person, at), any order; each row as an item of the JSON batch, up to 1 000 rows, a "
                    + "wrong row named by its line and column.")
    IngestReport recordCsv(@RequestBody String csv) {
        return MissedSalesCsv.record(csv, missedSales, users.current().map(u -> u.id().value()).orElse(null));
    }

    @GetMapping("/trends")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Missed sales per week (Monday to Sunday in the organisation's time zone) with distinct askers",
            description = "from and to are days (both included; default the last 26 weeks); thing limits the count to one thing "
                    + "asked for, in any spelling.")
    MissedSaleTrends trends(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String thing) {
        MissedSaleReadings.Figures f = readings.read(period(from, to), thing, 0);
        return new MissedSaleTrends(f.period().from(), f.period().to(), f.thing(), count(f.total()),
                f.weeks().stream().map(w -> new MissedSaleWeek(w.monday(), count(w.count()))).toList());
    }

    @GetMapping("/top")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "The things asked for most, and the counts per channel and per location",
            description = "Things are counted by their normal form (case and spacing ignored), most asked first; limit 1–100 "
                    + "(default 20).")
    MissedSaleTop top(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String limit) {
        Integer n = RequestValues.whole("limit", limit, "signals.invalid.missed.limit");
        if (n != null && (n < 1 || n > MAX_TOP)) {
            throw InvalidInputException.of("limit", "signals.invalid.missed.limit", limit);
        }
        MissedSaleReadings.Figures f = readings.read(period(from, to), null, n == null ? 20 : n);
        return new MissedSaleTop(f.period().from(), f.period().to(),
                f.top().stream().map(t -> new MissedSaleThing(t.key(), t.label(), count(t.count()), reasons(t))).toList(),
                f.channels().stream().map(g -> new MissedSaleGroup(g.key().name(), count(g.count()))).toList(),
                f.locations().stream().map(g -> new MissedSaleGroup(g.key(), count(g.count()))).toList());
    }

    private MissedSaleReadings.Period period(@Nullable String from, @Nullable String to) {
        return readings.period(RequestValues.date("from", from, "signals.invalid.missed.date"),
                RequestValues.date("to", to, "signals.invalid.missed.date"));
    }

    private static Map<String, Long> reasons(MissedSaleFigures.Thing thing) {
        Map<String, Long> reasons = new java.util.LinkedHashMap<>();
        thing.reasons().forEach((reason, n) -> reasons.put(reason.name(), n));
        return reasons;
    }

    private MissedSaleCount count(MissedSaleFigures.Count count) {
        boolean hidden = smallCells.hides(count.askers());
        return new MissedSaleCount(count.missed(), hidden ? null : count.askers(), hidden, hidden ? smallCells.k() : null);
    }
}
