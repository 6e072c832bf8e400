package nl.buitenin.groups.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.groups.internal.SplitComparison;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.privacy.SmallCellRule;

/** "Did the split work?" as JSON: per group of a split and for everyone, a theme's share and NPS and CSAT before and after. */
@RestController
@RequestMapping("/api/v1/groups/split")
class SplitApi {

    private final SplitComparison comparison;
    private final SplitQuery.Reader queries;
    private final SmallCellRule smallCells;

    SplitApi(SplitComparison comparison, SplitQuery.Reader queries, SmallCellRule smallCells) {
        this.comparison = comparison;
        this.queries = queries;
        this.smallCells = smallCells;
    }

    @Schema(name = "SplitSide", description = "One side (before or after); numbers null when hidden (fewer people than fewerThan)")
    record SideJson(@Nullable Long n, @Schema(description = "answers carrying the theme (theme rows only)") @Nullable Long hits,
            @Schema(description = "the share in percent, the NPS, or the CSAT share in percent") @Nullable Double value,
            @Nullable Double lower, @Nullable Double upper, boolean hidden, @Nullable Integer fewerThan) {
    }

    @Schema(name = "SplitRow")
    record RowJson(@Schema(description = "THEME, NPS or CSAT") String measure, SideJson before, SideJson after,
            @Schema(description = "after minus before: percentage points for THEME and CSAT, points for NPS") @Nullable Double difference,
            @Nullable Double lower, @Nullable Double upper, @Nullable Double pValue,
            @Schema(description = "why there is no difference: hidden or tooFew") @Nullable String reason) {
    }

    @Schema(name = "SplitGroup")
    record BlockJson(@Schema(description = "the group; null for everyone together") @Nullable UUID group, @Nullable String nameNl,
            @Nullable String nameEn, List<RowJson> rows) {
    }

    @Schema(name = "SplitComparison")
    record ResultJson(String split, LocalDate date, int weeks, Instant beforeFrom, Instant at, Instant afterTo, @Nullable UUID theme,
            @Nullable String themeNl, @Nullable String themeEn, List<BlockJson> groups, BlockJson everyone) {
    }

    @Operation(summary = "Did the split work: a theme's share and NPS/CSAT before and after the split, per group and for everyone",
            description = "split: the split's name (default the first); date: the split's day (default its first membership's); "
                    + "weeks: compared before and after (default 26); theme: a theme id (default the one set for the split).")
    @GetMapping
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    ResultJson split(@RequestParam(required = false) @Nullable String split, @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String weeks, @RequestParam(required = false) @Nullable String theme) {
        SplitQuery query = queries.read(split, date, weeks, theme)
                .orElseThrow(() -> InvalidInputException.of("split", "groups.split.none"));
        SplitComparison.Result result = comparison.compare(query.split(), query.beforeFrom(), query.at(), query.afterTo(), query.theme());
        return new ResultJson(result.split(), query.date(), query.weeks(), result.beforeFrom(), result.at(), result.afterTo(),
                result.theme() == null ? null : result.theme().id(), result.theme() == null ? null : result.theme().nameNl(),
                result.theme() == null ? null : result.theme().nameEn(),
                result.groups().stream().map(b -> block(b)).toList(), block(result.everyone()));
    }

    private BlockJson block(SplitComparison.Block block) {
        return new BlockJson(block.group() == null ? null : block.group().id().value(), block.group() == null ? null : block.group().nameNl(),
                block.group() == null ? null : block.group().nameEn(), block.rows().stream().map(this::row).toList());
    }

    private RowJson row(SplitComparison.Row row) {
        var c = row.comparison();
        String reason = row.reason() == null ? null : row.reason().substring(row.reason().lastIndexOf('.') + 1);
        boolean theme = row.measure() == SplitComparison.Measure.THEME;
        return new RowJson(row.measure().name(), side(row.before(), theme), side(row.after(), theme),
                c == null ? null : c.difference().value(), c == null ? null : c.difference().lower(), c == null ? null : c.difference().upper(),
                c == null ? null : c.difference().pValue(), reason);
    }

    private SideJson side(SplitComparison.Side side, boolean theme) {
        if (side.hidden()) {
            return new SideJson(null, null, null, null, null, true, smallCells.k());
        }
        var e = side.estimate();
        return new SideJson(side.n(), theme ? side.hits() : null, e == null ? null : e.value(), e == null ? null : e.lower(), e == null ? null : e.upper(),
                false, null);
    }
}
