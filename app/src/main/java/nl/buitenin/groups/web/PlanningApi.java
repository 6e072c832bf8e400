package nl.buitenin.groups.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.groups.GroupId;
import nl.buitenin.groups.internal.Group;
import nl.buitenin.groups.internal.JdbcGroups;
import nl.buitenin.groups.internal.planning.GuideInput;
import nl.buitenin.groups.internal.planning.Plan;
import nl.buitenin.groups.internal.planning.PlanningCsv;
import nl.buitenin.groups.internal.planning.PlanningWork;
import nl.buitenin.groups.internal.planning.TripInput;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.TableFile;

/**
 * Guide planning: planners (and administrators) send guides' preferences and trips and take over the optimal assignment;
 * analysts read the planning and its mismatch. Agents are refused.
 */
@RestController
@RequestMapping("/api/v1/groups/planning")
class PlanningApi {

    private final PlanningWork work;
    private final PlanningPeriod.Reader periods;
    private final PlanningTexts texts;
    private final JdbcGroups groups;

    PlanningApi(PlanningWork work, PlanningPeriod.Reader periods, PlanningTexts texts, JdbcGroups groups) {
        this.work = work;
        this.periods = periods;
        this.texts = texts;
        this.groups = groups;
    }

    record GuideBatch(@Schema(description = "up to 10 000 guides") List<GuideInput> items) {
    }

    record TripBatch(@Schema(description = "up to 10 000 trips") List<TripInput> items) {
    }

    @Schema(name = "PlanningGuide")
    record GuideJson(String staff, @Schema(description = "BRISK, RELAXED or null (either)") @Nullable String pace, List<String> languages,
            List<String> topics, List<UUID> groups, List<DayOfWeek> days) {
    }

    @Schema(name = "PlanningPlacement")
    record PlacementJson(String staff, int mismatch, @Schema(description = "what does not fit, in the reader's language") String reasons,
            @Schema(description = "a broken hard constraint (only in a plan entered by hand): NOT_AVAILABLE, LANGUAGE, "
                    + "TWICE_THAT_DAY or UNKNOWN_GUIDE") @Nullable String violation) {
    }

    @Schema(name = "PlanningTrip")
    record TripJson(UUID id, String sourceId, UUID group, String groupNameNl, String groupNameEn, LocalDate date, String name, int needed,
            String language, @Nullable String pace, @Nullable String topic, List<PlacementJson> optimal, List<PlacementJson> naive,
            List<PlacementJson> current, int open,
            @Schema(description = "why places stay open in the optimal assignment, in the reader's language") @Nullable String shortage) {
    }

    @Schema(name = "PlanningTotals")
    record TotalsJson(int mismatch, int placed, int open, long violations) {
    }

    @Schema(name = "Planning")
    record PlanningJson(LocalDate from, LocalDate to, List<TripJson> trips, List<GuideJson> guides, TotalsJson optimal, TotalsJson naive,
            @Schema(description = "the current assignment; null when no trip has guides yet") @Nullable TotalsJson current,
            @Schema(description = "naive mismatch minus optimal mismatch") int mismatchAvoided) {
    }

    @GetMapping
    @Allow(value = {Role.ADMIN, Role.PLANNER, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "The trips of a period with the optimal, the naive (first free guide) and the current assignment",
            description = "The optimal assignment fills as many places as the hard constraints allow (the guide is available on the "
                    + "day of the week, speaks the trip's language, one trip a day) and then has the least total mismatch: pace 3, "
                    + "topic 2, group 1, not the first language 1 (docs/groups.md). Reading guides' preferences is logged under the "
                    + "purpose 'guide-planning'. Without dates: 35 days from today.")
    PlanningJson planning(@Parameter(description = "first day, 2026-12-01") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last day, 2026-12-31") @RequestParam(required = false) @Nullable String to, Locale locale) {
        PlanningPeriod period = periods.read(from, to);
        PlanningWork.Overview overview = work.overview(period.from(), period.to(), "guide planning through the API");
        Map<GroupId, Group> byId = groups.all().stream().collect(Collectors.toMap(Group::id, Function.identity()));
        Map<UUID, Plan.TripPlan> naive = byTrip(overview.naive());
        Map<UUID, Plan.TripPlan> current = overview.current() == null ? Map.of() : byTrip(overview.current());
        List<TripJson> trips = new ArrayList<>();
        for (Plan.TripPlan tripPlan : overview.optimal().trips()) {
            var trip = tripPlan.trip();
            Group group = byId.get(trip.group());
            trips.add(new TripJson(trip.id(), trip.sourceId(), trip.group().value(), group == null ? "" : group.nameNl(),
                    group == null ? "" : group.nameEn(), trip.date(), trip.name(), trip.needed(), trip.language(),
                    trip.pace() == null ? null : trip.pace().name(), trip.topic(), placements(tripPlan, locale),
                    placements(naive.get(trip.id()), locale), placements(current.get(trip.id()), locale), tripPlan.open(),
                    texts.shortage(tripPlan, locale)));
        }
        List<GuideJson> guides = overview.guides().stream().map(g -> new GuideJson(g.staffRef(), g.pace() == null ? null : g.pace().name(),
                g.languages(), g.topics(), g.groups().stream().map(GroupId::value).sorted().toList(), g.days().stream().sorted().toList()))
                .toList();
        return new PlanningJson(period.from(), period.to(), trips, guides, totals(overview.optimal()), totals(overview.naive()),
                overview.current() == null ? null : totals(overview.current()), overview.avoided());
    }

    @GetMapping(value = "/assignment.csv", produces = "text/csv")
    @Allow(value = {Role.ADMIN, Role.PLANNER, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "An assignment as CSV: date, trip, group, language, guide, mismatch, reasons",
            description = "One row per place: a guide with their mismatch and what does not fit (in the reader's language), or an "
                    + "open place with an empty guide and the reason why it stays open. plan: optimal (default), naive or current.")
    ResponseEntity<byte[]> assignmentCsv(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String plan, Locale locale) {
        PlanningPeriod period = periods.read(from, to);
        String which = plan == null || plan.isBlank() ? "optimal" : plan.strip().toLowerCase(Locale.ROOT);
        if (!List.of("optimal", "naive", "current").contains(which)) {
            throw InvalidInputException.of("plan", "groups.invalid.planning.plan", plan);
        }
        PlanningWork.Overview overview = work.overview(period.from(), period.to(), "guide planning exported as CSV");
        Plan chosen = switch (which) {
            case "naive" -> overview.naive();
            case "current" -> overview.current() == null ? Plan.of(overview.trips(), overview.guides(), Map.of()) : overview.current();
            default -> overview.optimal();
        };
        Map<GroupId, Group> byId = groups.all().stream().collect(Collectors.toMap(Group::id, Function.identity()));
        TableFile file = TableFile.of("assignment", List.of("date", "trip", "group", "language", "guide", "mismatch", "reasons"));
        for (Plan.TripPlan tripPlan : chosen.trips()) {
            var trip = tripPlan.trip();
            Group group = byId.get(trip.group());
            String groupName = group == null ? "" : group.name(locale);
            for (Plan.Placement placement : tripPlan.guides()) {
                String violation = texts.violation(placement, locale);
                String reasons = texts.reasons(placement.mismatch(), locale);
                file.row(List.of(trip.date(), trip.name(), groupName, trip.language(), placement.staffRef(), placement.mismatch().total(),
                        violation == null ? reasons : violation + (reasons.isEmpty() ? "" : "; " + reasons)));
            }
            String shortage = texts.shortage(tripPlan, locale);
            for (int k = 0; k < tripPlan.open(); k++) {
                List<@Nullable Object> cells = new ArrayList<>(List.of(trip.date(), trip.name(), groupName, trip.language()));
                cells.add(null);
                cells.add(null);
                cells.add(shortage == null ? "" : shortage);
                file.row(cells);
            }
        }
        return file.download(TableFile.Format.CSV, "assignment-" + which + "-" + period.from() + "-" + period.to());
    }

    @PostMapping(value = "/guides", consumes = "application/json")
    @Allow(value = {Role.ADMIN, Role.PLANNER}, scopes = Scope.INGEST)
    @Operation(summary = "Record guides' preferences, by staff reference (sending them again changes nothing)",
            description = "Each item: staff (pseudonymous reference), pace (brisk/stevig, relaxed/rustig or empty), languages "
                    + "(codes, the preferred one first, ';'-separated), topics, groups (by name or id) and days ('za;zo' or 'sat;sun'). "
                    + "A guide's preferences replace the ones stored. The answer reports per item (by index) whether it was created "
                    + "or changed, unchanged (duplicate), or rejected and why.")
    IngestReport guides(@RequestBody GuideBatch batch) {
        if (batch == null || batch.items() == null) {
            throw InvalidInputException.of("items", "groups.invalid.items.none");
        }
        return work.guides(batch.items());
    }

    @PostMapping(value = "/guides", consumes = "text/csv")
    @Allow(value = {Role.ADMIN, Role.PLANNER}, scopes = Scope.INGEST)
    @Operation(summary = "Record guides' preferences from a CSV file", description = "UTF-8, a header row with staff, pace, languages, "
            + "topics, groups and days; a wrong row named by its line and column.")
    IngestReport guidesCsv(@RequestBody String csv) {
        return PlanningCsv.guides(csv, work);
    }

    @PostMapping(value = "/trips", consumes = "application/json")
    @Allow(value = {Role.ADMIN, Role.PLANNER}, scopes = Scope.INGEST)
    @Operation(summary = "Record trips, by source id (sending them again changes nothing)",
            description = "Each item: sourceId, group (name or id), date, name, guides (how many needed), language (the one the "
                    + "guides must speak), pace and topic (optional) and assigned (optional: the guides put on it now, ';'-separated).")
    IngestReport trips(@RequestBody TripBatch batch) {
        if (batch == null || batch.items() == null) {
            throw InvalidInputException.of("items", "groups.invalid.items.none");
        }
        return work.trips(batch.items());
    }

    @PostMapping(value = "/trips", consumes = "text/csv")
    @Allow(value = {Role.ADMIN, Role.PLANNER}, scopes = Scope.INGEST)
    @Operation(summary = "Record trips from a CSV file", description = "UTF-8, a header row with sourceId, group, date, name, guides, "
            + "language and optionally pace, topic and assigned; a wrong row named by its line and column.")
    IngestReport tripsCsv(@RequestBody String csv) {
        return PlanningCsv.trips(csv, work);
    }

    @Schema(name = "PlanningTaken")
    record Taken(int tripsChanged) {
    }

    @PostMapping("/take-optimal")
    @Allow(value = {Role.ADMIN, Role.PLANNER})
    @Operation(summary = "Make the optimal assignment of a period the current one")
    Taken takeOptimal(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
        PlanningPeriod period = periods.read(from, to);
        return new Taken(work.takeOptimal(period.from(), period.to()));
    }

    private static Map<UUID, Plan.TripPlan> byTrip(Plan plan) {
        return plan.trips().stream().collect(Collectors.toMap(t -> t.trip().id(), Function.identity()));
    }

    private List<PlacementJson> placements(Plan.@Nullable TripPlan tripPlan, Locale locale) {
        if (tripPlan == null) {
            return List.of();
        }
        return tripPlan.guides().stream().map(p -> new PlacementJson(p.staffRef(), p.mismatch().total(), texts.reasons(p.mismatch(), locale),
                p.violation() == null ? null : p.violation().name())).toList();
    }

    private static TotalsJson totals(Plan plan) {
        return new TotalsJson(plan.mismatch(), plan.placed(), plan.open(), plan.violations());
    }
}
