package nl.buitenin.groups.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.groups.GroupId;
import nl.buitenin.groups.internal.AttributeInput;
import nl.buitenin.groups.internal.CsvBatches;
import nl.buitenin.groups.internal.Group;
import nl.buitenin.groups.internal.GroupInput;
import nl.buitenin.groups.internal.GroupScores;
import nl.buitenin.groups.internal.GroupWork;
import nl.buitenin.groups.internal.JdbcGroups;
import nl.buitenin.groups.internal.JdbcMemberships;
import nl.buitenin.groups.internal.MembershipInput;
import nl.buitenin.insight.Estimate;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.privacy.SmallCellRule;

/** Customer groups: administrators define them and send memberships and attributes; analysts read groups and their scores. */
@RestController
@RequestMapping("/api/v1/groups")
class GroupsApi {

    private final JdbcGroups groups;
    private final JdbcMemberships memberships;
    private final GroupWork work;
    private final GroupScores scores;
    private final Period.Reader periods;
    private final SmallCellRule smallCells;
    private final Clock clock;

    GroupsApi(JdbcGroups groups, JdbcMemberships memberships, GroupWork work, GroupScores scores, Period.Reader periods,
            SmallCellRule smallCells, Clock clock) {
        this.groups = groups;
        this.memberships = memberships;
        this.work = work;
        this.scores = scores;
        this.periods = periods;
        this.smallCells = smallCells;
        this.clock = clock;
    }

    @Schema(name = "CustomerGroup")
    record GroupJson(UUID id, String nameNl, String nameEn, String descriptionNl, String descriptionEn,
            @Schema(description = "RULE, CHOSEN or FOUND") String kind,
            @Schema(description = "groups of one split exclude each other") @Nullable String split,
            @Schema(description = "the rule of a group by rule") @Nullable String rule, boolean active,
            @Schema(description = "people in the group now; null when fewer than the small-cell rule allows") @Nullable Long members,
            @Schema(description = "the small-cell threshold, given when members is hidden") @Nullable Integer fewerThan,
            Instant createdAt, Instant updatedAt) {
    }

    record MembershipBatch(@Schema(description = "up to 10 000 memberships") List<MembershipInput> items) {
    }

    record AttributeBatch(@Schema(description = "up to 10 000 attributes") List<AttributeInput> items) {
    }

    @GetMapping
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "All customer groups, active ones first, with the number of members now")
    List<GroupJson> list() {
        var sizes = memberships.sizes(clock.instant());
        return groups.all().stream().map(g -> json(g, sizes.getOrDefault(g.id(), 0L))).toList();
    }

    @GetMapping("/{id}")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "One customer group")
    GroupJson read(@PathVariable UUID id) {
        Group group = groups.byId(new GroupId(id)).orElseThrow(() -> new NotFoundException("groups.thing.group", id));
        return json(group, memberships.sizes(clock.instant()).getOrDefault(group.id(), 0L));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allow(Role.ADMIN)
    @Operation(summary = "Create a customer group", description = "kind RULE needs a rule over attributes, such as "
            + "'pace = brisk', 'age_band in (55-64, 65+)' or 'trips >= 3 and channel != phone' (docs/groups.md); its members "
            + "follow from the attributes sent. CHOSEN and FOUND groups get their members through the memberships batch. "
            + "Groups sharing a split exclude each other.")
    GroupJson create(@RequestBody GroupInput input) {
        return json(work.create(input), 0L);
    }

    @PutMapping("/{id}")
    @Allow(Role.ADMIN)
    @Operation(summary = "Change a customer group's names, description, split or rule (its kind stays)")
    GroupJson update(@PathVariable UUID id, @RequestBody GroupInput input) {
        Group group = work.update(new GroupId(id), input);
        return json(group, memberships.sizes(clock.instant()).getOrDefault(group.id(), 0L));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allow(Role.ADMIN)
    @Operation(summary = "Retire a customer group", description = "Its open memberships end now; its history stays for comparisons.")
    void retire(@PathVariable UUID id) {
        work.retire(new GroupId(id));
    }

    @PostMapping(value = "/memberships", consumes = "application/json")
    @Allow(value = Role.ADMIN, scopes = Scope.INGEST)
    @Operation(summary = "Record a batch of memberships, idempotent by source id",
            description = "Each item: sourceId, person (person key), group (id of a chosen or found group), from (ISO-8601 with "
                    + "offset) and optionally to. Joining a group ends the membership of another group of the same split at that "
                    + "moment. Without from, the membership open at 'to' ends then. The answer reports per item (by index) whether "
                    + "it was created, a duplicate (or changed nothing), or rejected and why; valid items are stored.")
    IngestReport memberships(@RequestBody MembershipBatch batch) {
        if (batch == null || batch.items() == null) {
            throw InvalidInputException.of("items", "groups.invalid.items.none");
        }
        return work.memberships(batch.items());
    }

    @PostMapping(value = "/memberships", consumes = "text/csv")
    @Allow(value = Role.ADMIN, scopes = Scope.INGEST)
    @Operation(summary = "Record memberships from a CSV file", description = "UTF-8, a header row with sourceId, person, group, "
            + "from and (optionally) to; each row as an item of the JSON batch, a wrong row named by its line.")
    IngestReport membershipsCsv(@RequestBody String csv) {
        return CsvBatches.memberships(csv, work);
    }

    @PostMapping(value = "/attributes", consumes = "application/json")
    @Allow(value = Role.ADMIN, scopes = Scope.INGEST)
    @Operation(summary = "Record a batch of person attributes, idempotent by source id",
            description = "Each item: sourceId, person (person key), name (a lower-case letter, then letters, digits or _), value "
                    + "(at most 100 characters) and at (from when it holds, ISO-8601 with offset). The rules of the groups by rule "
                    + "are evaluated again for every person whose attributes changed.")
    IngestReport attributes(@RequestBody AttributeBatch batch) {
        if (batch == null || batch.items() == null) {
            throw InvalidInputException.of("items", "groups.invalid.items.none");
        }
        return work.attributes(batch.items());
    }

    @PostMapping(value = "/attributes", consumes = "text/csv")
    @Allow(value = Role.ADMIN, scopes = Scope.INGEST)
    @Operation(summary = "Record person attributes from a CSV file", description = "UTF-8, a header row with sourceId, person, name, "
            + "value and at; each row as an item of the JSON batch, a wrong row named by its line.")
    IngestReport attributesCsv(@RequestBody String csv) {
        return CsvBatches.attributes(csv, work);
    }

    @Schema(name = "GroupScore")
    record ScoreJson(@Schema(description = "NPS, CSAT or CES") String scale,
            @Schema(description = "answers counted; null when hidden") @Nullable Long n,
            @Schema(description = "NPS points, CSAT top-2-box percent or CES mean; null when hidden or too few") @Nullable Double value,
            @Nullable Double lower, @Nullable Double upper, boolean hidden, @Nullable Integer fewerThan) {
    }

    @Schema(name = "GroupScores")
    record GroupScoresJson(UUID group, String nameNl, String nameEn, @Nullable Long members, List<ScoreJson> scores) {
    }

    @Schema(name = "GroupDifference")
    record DifferenceJson(String scale, @Schema(description = "first minus second; null when not comparable") @Nullable Double difference,
            @Nullable Double lower, @Nullable Double upper, @Nullable Double pValue,
            @Schema(description = "why there is no difference: a hidden figure or too few answers") @Nullable String reason) {
    }

    @Schema(name = "GroupScoresOfPeriod")
    record ScoresJson(LocalDate from, LocalDate to, List<GroupScoresJson> groups, @Nullable UUID first, @Nullable UUID second,
            List<DifferenceJson> differences) {
    }

    @GetMapping("/scores")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Per group NPS, CSAT and CES of a period with n and 95 % interval, and the difference between two groups",
            description = "Each response counts in the groups its person belonged to when they answered. Figures about fewer people "
                    + "than the small-cell rule allows are hidden. The difference (first minus second) comes with its 95 % interval "
                    + "and p-value, computed as 'buitenin compare' does. Without dates: the last 26 weeks.")
    ScoresJson scores(@Parameter(description = "first day, 2026-03-01") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last day, 2026-05-31") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "group id") @RequestParam(required = false) @Nullable String first,
            @Parameter(description = "group id") @RequestParam(required = false) @Nullable String second) {
        Period period = periods.read(from, to, first, second);
        List<GroupScores.GroupFigures> figures = scores.figures(period.start(), period.end());
        List<DifferenceJson> differences = period.comparison(figures).stream().map(d -> d.comparison() == null
                ? new DifferenceJson(d.scale().name(), null, null, null, null, code(d.reason()))
                : new DifferenceJson(d.scale().name(), d.comparison().difference().value(), d.comparison().difference().lower(),
                        d.comparison().difference().upper(), d.comparison().difference().pValue(), null)).toList();
        return new ScoresJson(period.from(), period.to(), figures.stream().map(this::json).toList(),
                period.first() == null ? null : period.first().value(), period.second() == null ? null : period.second().value(), differences);
    }

    /** The reason as a short code for machines: "hidden" or "tooFew". */
    private static @Nullable String code(@Nullable String key) {
        return key == null ? null : key.substring(key.lastIndexOf('.') + 1);
    }

    private GroupScoresJson json(GroupScores.GroupFigures figures) {
        Group g = figures.group();
        return new GroupScoresJson(g.id().value(), g.nameNl(), g.nameEn(), figures.sizeHidden() ? null : figures.size(),
                figures.scores().values().stream().map(f -> {
                    Estimate e = f.estimate();
                    if (f.hidden()) {
                        return new ScoreJson(f.scale().name(), null, null, null, null, true, smallCells.k());
                    }
                    return new ScoreJson(f.scale().name(), f.n(), e == null ? null : e.value(), e == null ? null : e.lower(),
                            e == null ? null : e.upper(), false, null);
                }).toList());
    }

    private GroupJson json(Group g, long size) {
        boolean hidden = smallCells.hides(size);
        return new GroupJson(g.id().value(), g.nameNl(), g.nameEn(), g.descriptionNl(), g.descriptionEn(), g.kind().name(), g.split(),
                g.rule() == null ? null : g.rule().text(), g.active(), hidden ? null : size, hidden ? smallCells.k() : null,
                g.createdAt(), g.updatedAt());
    }
}
