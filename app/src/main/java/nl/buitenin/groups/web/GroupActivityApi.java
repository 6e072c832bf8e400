package nl.buitenin.groups.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.groups.internal.Group;
import nl.buitenin.groups.internal.GroupActivity;
import nl.buitenin.insight.Estimate;
import nl.buitenin.privacy.SmallCellRule;

/** Per group its volume of interactions, its share of failure demand and its response rate in a period. */
@RestController
@RequestMapping("/api/v1/groups")
class GroupActivityApi {

    private final GroupActivity activity;
    private final Period.Reader periods;
    private final SmallCellRule smallCells;

    GroupActivityApi(GroupActivity activity, Period.Reader periods, SmallCellRule smallCells) {
        this.activity = activity;
        this.periods = periods;
        this.smallCells = smallCells;
    }

    @Schema(name = "GroupActivityFigure", description = "Numbers null when hidden (fewer people than fewerThan)")
    record ActivityFigureJson(@Schema(description = "interactions, read contacts or invitations sent") @Nullable Long n,
            @Schema(description = "failure-demand contacts or invitations answered; null for the volume") @Nullable Long hits,
            @Schema(description = "the people behind n") @Nullable Long people,
            @Schema(description = "the share in percent; null for the volume or when n is 0") @Nullable Double share,
            @Nullable Double lower, @Nullable Double upper, boolean hidden, @Nullable Integer fewerThan) {
    }

    @Schema(name = "GroupActivity")
    record GroupActivityJson(UUID group, String nameNl, String nameEn, ActivityFigureJson interactions, ActivityFigureJson failureDemand,
            ActivityFigureJson responseRate) {
    }

    @Schema(name = "GroupActivityOfPeriod")
    record ActivityJson(LocalDate from, LocalDate to, List<GroupActivityJson> groups) {
    }

    @GetMapping("/activity")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Per group the interactions, the share of failure demand and the response rate of a period",
            description = "Each interaction, read contact and invitation counts in the groups its person belonged to at its moment. "
                    + "Shares come with n and the Wilson 95 % interval; a figure about fewer people than the small-cell rule allows "
                    + "is hidden. Without dates: the last 26 weeks.")
    ActivityJson activity(@Parameter(description = "first day, 2026-03-01") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last day, 2026-05-31") @RequestParam(required = false) @Nullable String to) {
        Period period = periods.read(from, to, null, null);
        return new ActivityJson(period.from(), period.to(), activity.figures(period.start(), period.end()).stream().map(f -> {
            Group g = f.group();
            return new GroupActivityJson(g.id().value(), g.nameNl(), g.nameEn(), json(f.volume(), false), json(f.failureDemand(), true),
                    json(f.responseRate(), true));
        }).toList());
    }

    private ActivityFigureJson json(GroupActivity.Figure figure, boolean share) {
        if (figure.hidden()) {
            return new ActivityFigureJson(null, null, null, null, null, null, true, smallCells.k());
        }
        Estimate e = figure.share();
        return new ActivityFigureJson(figure.n(), share ? figure.hits() : null, figure.people(), e == null ? null : e.value(),
                e == null ? null : e.lower(), e == null ? null : e.upper(), false, null);
    }
}
