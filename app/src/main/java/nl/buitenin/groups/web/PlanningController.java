package nl.buitenin.groups.web;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.groups.GroupId;
import nl.buitenin.groups.internal.Group;
import nl.buitenin.groups.internal.JdbcGroups;
import nl.buitenin.groups.internal.planning.Guide;
import nl.buitenin.groups.internal.planning.GuideInput;
import nl.buitenin.groups.internal.planning.Plan;
import nl.buitenin.groups.internal.planning.PlanningCsv;
import nl.buitenin.groups.internal.planning.PlanningWork;
import nl.buitenin.groups.internal.planning.TripInput;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageController;
import nl.buitenin.privacy.PurposeRefusedException;

/**
 * The page "Begeleiders plannen": the trips of a period with the optimal assignment of guides, its mismatch against the
 * first free guide and against the current assignment ("mismatch avoided"), why places stay open, and the guides'
 * preferences. Planners and administrators enter guides and trips (form or CSV), put guides on a trip by hand and take
 * over the optimal assignment; analysts read.
 */
@PageController
class PlanningController {

    private final PlanningWork work;
    private final PlanningPeriod.Reader periods;
    private final PlanningTexts texts;
    private final JdbcGroups groups;

    PlanningController(PlanningWork work, PlanningPeriod.Reader periods, PlanningTexts texts, JdbcGroups groups) {
        this.work = work;
        this.periods = periods;
        this.texts = texts;
        this.groups = groups;
    }

    record Placed(String staff, int mismatch, String reasons, @Nullable String violation) {
    }

    record TripCard(String sourceId, String day, String name, String group, String language, int needed, @Nullable String paceKey,
            @Nullable String topic, List<Placed> optimal, List<Placed> naive, List<Placed> current, int open, @Nullable String shortage,
            int optimalMismatch, int naiveMismatch, @Nullable Integer currentMismatch, String currentText) {
    }

    record GuideRow(String staff, @Nullable String paceKey, String languages, String topics, String groups, String days) {
    }

    record Summary(int optimal, int naive, int avoided, int placed, int open, int naiveOpen, @Nullable Integer current,
            int currentAboveBest, long currentViolations, int currentTrips) {
    }

    @GetMapping("/groups/planning")
    @Allow({Role.ADMIN, Role.PLANNER, Role.ANALYST})
    String page(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to, Model model,
            Locale locale) {
        return show(from, to, model, locale);
    }

    @PostMapping("/groups/planning/guides")
    @Allow({Role.ADMIN, Role.PLANNER})
    String guide(@RequestParam(required = false) @Nullable String staff, @RequestParam(required = false) @Nullable String pace,
            @RequestParam(required = false) @Nullable String languages, @RequestParam(required = false) @Nullable String topics,
            @RequestParam(required = false) @Nullable List<String> likedGroups, @RequestParam(required = false) @Nullable List<String> days,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to, Model model,
            Locale locale) {
        GuideInput input = new GuideInput(staff, pace, languages, topics, likedGroups == null ? null : String.join(";", likedGroups),
                days == null ? null : String.join(";", days));
        return afterWrite(() -> work.guides(List.of(input)), from, to, model, locale);
    }

    @PostMapping("/groups/planning/trips")
    @Allow({Role.ADMIN, Role.PLANNER})
    String trip(@RequestParam(required = false) @Nullable String sourceId, @RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable String date, @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String guides, @RequestParam(required = false) @Nullable String language,
            @RequestParam(required = false) @Nullable String pace, @RequestParam(required = false) @Nullable String topic,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to, Model model,
            Locale locale) {
        String id = sourceId == null || sourceId.isBlank() ? "page-" + UUID.randomUUID() : sourceId;
        TripInput input = new TripInput(id, group, date, name, guides, language, pace, topic, null);
        return afterWrite(() -> work.trips(List.of(input)), from, to, model, locale);
    }

    @PostMapping("/groups/planning/import")
    @Allow({Role.ADMIN, Role.PLANNER})
    String importCsv(@RequestParam(required = false) @Nullable String what, @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to, Model model,
            Locale locale) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", List.of(FieldError.of("file", "groups.invalid.planning.file")));
            return show(from, to, model, locale);
        }
        String csv = CsvInput.text(file.getBytes());
        return afterWrite(() -> "trips".equals(what) ? PlanningCsv.trips(csv, work) : PlanningCsv.guides(csv, work), from, to, model,
                locale);
    }

    @PostMapping("/groups/planning/assign")
    @Allow({Role.ADMIN, Role.PLANNER})
    String assign(@RequestParam(required = false) @Nullable String trip, @RequestParam(required = false) @Nullable String guides,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to, Model model,
            Locale locale) {
        try {
            work.assign(trip == null ? "" : trip, guides);
            model.addAttribute("notice", "groups.planning.assigned");
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (NotFoundException e) {
            model.addAttribute("errors", List.of(FieldError.of("trip", "groups.invalid.planning.trip")));
        }
        return show(from, to, model, locale);
    }

    @PostMapping("/groups/planning/take-optimal")
    @Allow({Role.ADMIN, Role.PLANNER})
    String takeOptimal(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            Model model, Locale locale) {
        try {
            PlanningPeriod period = periods.read(from, to);
            model.addAttribute("taken", work.takeOptimal(period.from(), period.to()));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        return show(from, to, model, locale);
    }

    private String afterWrite(java.util.function.Supplier<IngestReport> write, @Nullable String from, @Nullable String to, Model model,
            Locale locale) {
        try {
            IngestReport report = write.get();
            model.addAttribute("report", report);
            List<FieldError> errors = report.items().stream().flatMap(i -> i.errors().stream()).toList();
            if (!errors.isEmpty()) {
                model.addAttribute("errors", errors);
            }
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (ConflictException e) {
            model.addAttribute("errors", List.of(e.error("file")));
        }
        return show(from, to, model, locale);
    }

    private String show(@Nullable String from, @Nullable String to, Model model, Locale locale) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        List<Group> all = groups.all();
        Map<GroupId, Group> byId = all.stream().collect(Collectors.toMap(Group::id, Function.identity()));
        model.addAttribute("groupChoices", all.stream().filter(Group::active).sorted(Comparator.comparing(g -> g.name(locale))).toList());
        model.addAttribute("weekdays", java.util.Arrays.stream(DayOfWeek.values())
                .map(d -> new String[] {d.name().substring(0, 3).toLowerCase(Locale.ROOT), d.getDisplayName(TextStyle.FULL, locale)}).toList());
        model.addAttribute("trips", List.of());
        model.addAttribute("guides", List.of());
        PlanningPeriod period;
        try {
            period = periods.read(from, to);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return "groups/planning";
        }
        model.addAttribute("period", period);
        PlanningWork.Overview overview;
        try {
            overview = work.overview(period.from(), period.to(), "guide planning page");
        } catch (PurposeRefusedException e) {
            model.addAttribute("refused", true);
            return "groups/planning";
        }
        Map<UUID, Plan.TripPlan> naive = overview.naive().trips().stream().collect(Collectors.toMap(t -> t.trip().id(), Function.identity()));
        Map<UUID, Plan.TripPlan> current = overview.current() == null ? Map.of()
                : overview.current().trips().stream().collect(Collectors.toMap(t -> t.trip().id(), Function.identity()));
        List<TripCard> cards = new ArrayList<>();
        for (Plan.TripPlan tripPlan : overview.optimal().trips()) {
            var trip = tripPlan.trip();
            Group group = byId.get(trip.group());
            Plan.TripPlan now = current.get(trip.id());
            Plan.TripPlan first = naive.get(trip.id());
            cards.add(new TripCard(trip.sourceId(), dayText(trip.date(), locale), trip.name(), group == null ? "" : group.name(locale),
                    PlanningTexts.language(trip.language(), locale), trip.needed(), trip.pace() == null ? null : trip.pace().messageKey(),
                    trip.topic(), placed(tripPlan, locale), placed(first, locale), placed(now, locale), tripPlan.open(),
                    texts.shortage(tripPlan, locale), tripPlan.mismatch(), first == null ? 0 : first.mismatch(),
                    now == null || now.guides().isEmpty() ? null : now.mismatch(), String.join("; ", trip.current())));
        }
        model.addAttribute("trips", cards);
        model.addAttribute("guides", overview.guides().stream().map(g -> row(g, byId, locale)).toList());
        Plan cur = overview.current();
        // The current assignment is compared with the best one on the trips the planner already put guides on.
        int bestOnSame = overview.optimal().trips().stream().filter(t -> !t.trip().current().isEmpty()).mapToInt(Plan.TripPlan::mismatch).sum();
        model.addAttribute("summary", new Summary(overview.optimal().mismatch(), overview.naive().mismatch(), overview.avoided(),
                overview.optimal().placed(), overview.optimal().open(), overview.naive().open(), cur == null ? null : cur.mismatch(),
                cur == null ? 0 : cur.mismatch() - bestOnSame,
                cur == null ? 0 : cur.violations(), cur == null ? 0 : (int) cur.trips().stream().filter(t -> !t.trip().current().isEmpty()).count()));
        return "groups/planning";
    }

    private String dayText(java.time.LocalDate date, Locale locale) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, locale) + " "
                + date.format(java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(locale));
    }

    private List<Placed> placed(Plan.@Nullable TripPlan tripPlan, Locale locale) {
        if (tripPlan == null) {
            return List.of();
        }
        return tripPlan.guides().stream().map(p -> new Placed(p.staffRef(), p.mismatch().total(), texts.reasons(p.mismatch(), locale),
                texts.violation(p, locale))).toList();
    }

    private static GuideRow row(Guide guide, Map<GroupId, Group> byId, Locale locale) {
        String liked = guide.groups().stream().map(byId::get).filter(java.util.Objects::nonNull).map(g -> g.name(locale)).sorted()
                .collect(Collectors.joining(", "));
        String days = guide.days().stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).collect(Collectors.joining(", "));
        return new GuideRow(guide.staffRef(), guide.pace() == null ? null : guide.pace().messageKey(),
                PlanningTexts.languages(guide.languages(), locale), String.join(", ", guide.topics()), liked, days);
    }
}
