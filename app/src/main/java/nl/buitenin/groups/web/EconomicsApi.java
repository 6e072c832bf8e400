package nl.buitenin.groups.web;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.groups.internal.EconomicsInput;
import nl.buitenin.groups.internal.EconomicsWork;
import nl.buitenin.groups.internal.SplitAgents;
import nl.buitenin.groups.internal.SplitComparison;
import nl.buitenin.groups.internal.SplitEconomics;
import nl.buitenin.groups.internal.SplitGains;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.privacy.SmallCellRule;

/** A split's costs against its gains as JSON, with a what-if; administrators enter the numbers, analysts read them. */
@RestController
@RequestMapping("/api/v1/groups/economics")
class EconomicsApi {

    private final SplitComparison comparison;
    private final SplitEconomics economics;
    private final EconomicsWork work;
    private final SplitQuery.Reader queries;
    private final SmallCellRule smallCells;
    private final SplitGains gains;

    EconomicsApi(SplitComparison comparison, SplitEconomics economics, EconomicsWork work, SplitQuery.Reader queries,
            SmallCellRule smallCells, SplitGains gains) {
        this.gains = gains;
        this.comparison = comparison;
        this.economics = economics;
        this.work = work;
        this.queries = queries;
        this.smallCells = smallCells;
    }

    @Schema(name = "SplitChange", description = "after minus before: NPS points, or percentage points for a share")
    record ChangeJson(double value, double lower, double upper, double pValue) {
    }

    @Schema(name = "SplitExpected", description = "expected change of everyone's NPS from the groups' changes, weighted by size")
    record ExpectedJson(double value, double lower, double upper) {
    }

    @Schema(name = "GroupEconomics")
    record LineJson(UUID group, String nameNl, String nameEn, @Nullable Double tripsPerMonth, @Nullable Double guidesBefore,
            @Nullable Double guidesAfter, @Nullable Double revenuePerPerson, double extraHoursPerMonth, double extraCostPerMonth,
            @Schema(description = "people in the group now; null when hidden") @Nullable Long members, @Nullable Integer fewerThan,
            @Nullable Double costPerMemberPerMonth, @Nullable ChangeJson nps, @Nullable ChangeJson theme, @Nullable Double revenuePerYear) {
    }

    @Schema(name = "WhatIfResult")
    record WhatIfJson(@Schema(description = "DROP, MERGE or ADD") String action, @Nullable UUID group, @Nullable UUID into,
            double costPerMonth, double costNowPerMonth, @Nullable ExpectedJson expected, @Nullable ExpectedJson expectedNow) {
    }

    @Schema(name = "SplitEconomics")
    record EconomicsResultJson(String split, @Nullable UUID theme, @Nullable Double hourlyCost, @Nullable Double hoursPerTrip,
            @Schema(description = "true when the hourly cost, a trip's hours and every group's trips and guides are entered") boolean complete,
            List<LineJson> groups, double extraCostPerMonth, double extraHoursPerMonth, @Nullable ChangeJson everyoneNps,
            @Nullable ChangeJson everyoneTheme, @Nullable ExpectedJson expected, @Nullable WhatIfJson whatIf, GainsJson gains,
            AgentsJson agents) {
    }

    @Schema(name = "SplitAgentSide", description = "a group's phone calls on one side of the split, the agent hours demand's Erlang C "
            + "staffing needs for them, and both scaled to a month of 30.44 days")
    record AgentSideJson(long calls, long people, double days, double agentHours, double agentHoursPerMonth, double callsPerMonth) {
    }

    @Schema(name = "SplitAgentLine", description = "a group's agents before and after the split; null figures when hidden")
    record AgentLineJson(UUID group, String nameNl, String nameEn, boolean hidden, @Nullable Integer fewerThan,
            @Nullable AgentSideJson before, @Nullable AgentSideJson after, @Nullable Double extraHoursPerMonth,
            @Nullable Double extraCostPerMonth) {
    }

    @Schema(name = "SplitAgents", description = "extra agent hours and cost a month per group and in total (groups shown), with the "
            + "service level, handle time and interval they were computed with")
    record AgentsJson(List<AgentLineJson> groups, double extraHoursPerMonth, @Nullable Double extraCostPerMonth,
            @Nullable Double agentHourlyCost, double servicePercent, double serviceSeconds, double ahtSeconds, boolean ahtMeasured,
            int intervalMinutes) {
    }

    @Schema(name = "SplitGainSide", description = "hits of n people, with the Wilson 95 % interval in percent; hidden below the small-cell rule")
    record GainSideJson(long n, long hits, boolean hidden, @Nullable Double share, @Nullable Double lower, @Nullable Double upper) {
    }

    @Schema(name = "SplitGain", description = "a share of people before and after the split; change in percentage points")
    record GainJson(GainSideJson before, GainSideJson after, @Nullable ChangeJson change) {
    }

    @Schema(name = "SplitGroupGains", description = "repeat purchase: of the people who bought in the 12 months before (after) "
            + "the split, the share who bought again within them; retention: of the people active in the period before, the share active again in the next")
    record GroupGainsJson(@Schema(description = "null for everyone in the split") @Nullable UUID group, @Nullable String nameNl,
            @Nullable String nameEn, GainJson repeatPurchase, GainJson retention) {
    }

    @Schema(name = "SplitRepeatWindow", description = "repeat purchase counts the 12 months before the split [from, at) and after "
            + "it [at, to), to being the end of those 12 months or now; complete is false while fewer than 12 months have passed")
    record RepeatWindowJson(java.time.Instant from, java.time.Instant at, java.time.Instant to, int monthsAfter, boolean complete) {
    }

    @Schema(name = "SplitGains", description = "gains read from interactions, per group and for everyone in the split's groups")
    record GainsJson(List<GroupGainsJson> groups, GroupGainsJson everyone, RepeatWindowJson repeatWindow) {
    }

    @Operation(summary = "A split's extra cost a month against its gain (NPS and theme change, revenue), per group and in total",
            description = "split, date, weeks, theme as for /api/v1/groups/split; whatIf: DROP or MERGE (group, into) or ADD (trips, guides)")
    @GetMapping
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    EconomicsResultJson read(@RequestParam(required = false) @Nullable String split, @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String weeks, @RequestParam(required = false) @Nullable String theme,
            @RequestParam(required = false) @Nullable String whatIf, @RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable String into, @RequestParam(required = false) @Nullable String trips,
            @RequestParam(required = false) @Nullable String guides) {
        SplitQuery query = queries.read(split, date, weeks, theme).orElseThrow(() -> InvalidInputException.of("split", "groups.split.none"));
        SplitEconomics.WhatIf asked = EconomicsQuery.whatIf(whatIf, group, into, trips, guides, comparison.groupsOf(query.split()));
        SplitComparison.Result result = comparison.compare(query.split(), query.beforeFrom(), query.at(), query.afterTo(), query.theme());
        SplitEconomics.Result f = economics.of(result, asked);
        return new EconomicsResultJson(f.split().split(), f.split().theme(), f.split().hourlyCost(), f.split().hoursPerTrip(), f.complete(),
                f.lines().stream().map(this::line).toList(), f.extraCostPerMonth(), f.extraHoursPerMonth(), change(f.everyoneNps()),
                change(f.everyoneTheme()), expected(f.expected()), f.whatIf() == null ? null : new WhatIfJson(f.whatIf().whatIf().action().name(),
                        f.whatIf().whatIf().group() == null ? null : f.whatIf().whatIf().group().value(),
                        f.whatIf().whatIf().into() == null ? null : f.whatIf().whatIf().into().value(), f.whatIf().costPerMonth(),
                        f.whatIf().costNowPerMonth(), expected(f.whatIf().expected()), expected(f.whatIf().expectedNow())),
                gains(gains.of(result)), agents(f.agents()));
    }

    private AgentsJson agents(SplitAgents.Result a) {
        return new AgentsJson(a.lines().stream().map(l -> new AgentLineJson(l.group().id().value(), l.group().nameNl(), l.group().nameEn(),
                l.hidden(), l.hidden() ? smallCells.k() : null, agentSide(l.before()), agentSide(l.after()), l.extraHoursPerMonth(),
                l.extraCostPerMonth())).toList(), a.extraHoursPerMonth(), a.extraCostPerMonth(), a.agentHourlyCost(), a.level().share() * 100,
                a.level().seconds(), a.ahtSeconds(), a.ahtMeasured(), a.intervalMinutes());
    }

    private static @Nullable AgentSideJson agentSide(SplitAgents.@Nullable Side s) {
        return s == null ? null : new AgentSideJson(s.calls(), s.people(), s.days(), s.agentHours(), s.agentHoursPerMonth(), s.callsPerMonth());
    }

    private static GainsJson gains(SplitGains.Result r) {
        var w = r.repeatWindow();
        return new GainsJson(r.groups().stream().map(EconomicsApi::gains).toList(), gains(r.everyone()),
                new RepeatWindowJson(w.from(), w.at(), w.to(), w.monthsAfter(), w.complete()));
    }

    private static GroupGainsJson gains(SplitGains.GroupGains g) {
        return new GroupGainsJson(g.group() == null ? null : g.group().id().value(), g.group() == null ? null : g.group().nameNl(),
                g.group() == null ? null : g.group().nameEn(), gain(g.repeatPurchase()), gain(g.retention()));
    }

    private static GainJson gain(SplitGains.Gain g) {
        return new GainJson(side(g.before()), side(g.after()), change(g.change()));
    }

    private static GainSideJson side(SplitGains.Side s) {
        var e = s.share();
        return new GainSideJson(s.n(), s.hits(), s.hidden(), e == null ? null : e.value(), e == null ? null : e.lower(),
                e == null ? null : e.upper());
    }

    @Operation(summary = "Enter a split's costs: the theme it was meant to change, an hour's cost, a trip's hours, and per group its "
            + "trips a month, guides per trip before and after, and revenue per person; replaces what was entered")
    @PutMapping
    @Allow(Role.ADMIN)
    EconomicsResultJson save(@RequestBody EconomicsInput input, Principal principal) {
        work.save(input, principal.getName());
        return read(input.split(), null, null, null, null, null, null, null, null);
    }

    private LineJson line(SplitEconomics.GroupLine l) {
        var c = l.costs();
        return new LineJson(l.group().id().value(), l.group().nameNl(), l.group().nameEn(), c == null ? null : c.tripsPerMonth(),
                c == null ? null : c.guidesBefore(), c == null ? null : c.guidesAfter(), c == null ? null : c.revenuePerPerson(),
                l.extraHoursPerMonth(), l.extraCostPerMonth(), l.members(), l.members() == null ? smallCells.k() : null,
                l.costPerMemberPerMonth(), change(l.nps()), change(l.theme()), l.revenuePerYear());
    }

    private static @Nullable ChangeJson change(SplitEconomics.@Nullable Change c) {
        return c == null ? null : new ChangeJson(c.value(), c.lower(), c.upper(), c.pValue());
    }

    private static @Nullable ExpectedJson expected(SplitEconomics.@Nullable Expected e) {
        return e == null ? null : new ExpectedJson(e.value(), e.lower(), e.upper());
    }
}
