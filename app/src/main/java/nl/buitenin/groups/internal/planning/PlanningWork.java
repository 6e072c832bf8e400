package nl.buitenin.groups.internal.planning;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.groups.GroupId;
import nl.buitenin.groups.internal.Group;
import nl.buitenin.groups.internal.JdbcGroups;
import nl.buitenin.journey.StaffFields;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.platform.IngestReport.ItemOutcome;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.StaffReads;

/**
 * Everything that changes or reads the guide planning, for the page, the API, the CSV import and the demo alike. A
 * batch is one transaction: every valid item is stored (a guide by their staff reference, a trip by its source id; the
 * same item sent again changes nothing) and every wrong one is reported by its index and field. Reading guides'
 * preferences is reading personal data of staff: each computation asks {@link StaffReads} under
 * {@link #PURPOSE} once, which logs it.
 */
@Service
public class PlanningWork {

    /** Planning guides: the purpose guides' preferences are held for. */
    public static final PurposeId PURPOSE = new PurposeId("guide-planning");
    public static final int MAX_BATCH = 10_000;
    static final int MAX_NEEDED = 20;
    static final int MAX_NAME = 120;
    static final int MAX_SOURCE_ID = 128;
    static final int MAX_LIST = 12;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern TOPIC = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} '-]{0,39}");
    private static final Map<String, DayOfWeek> DAYS = days();

    private final JdbcPlanning planning;
    private final JdbcGroups groups;
    private final StaffReads staffReads;
    private final Clock clock;

    PlanningWork(JdbcPlanning planning, JdbcGroups groups, StaffReads staffReads, Clock clock) {
        this.planning = planning;
        this.groups = groups;
        this.staffReads = staffReads;
        this.clock = clock;
    }

    /** What the planning page and API show for a period: trips, guides, and the three assignments. */
    public record Overview(List<Trip> trips, List<Guide> guides, Plan optimal, Plan naive, @Nullable Plan current) {

        /** The mismatch the optimal assignment avoids against the naive one, when both fill the same places. */
        public int avoided() {
            return naive.mismatch() - optimal.mismatch();
        }
    }

    /**
     * Reads the period's trips and the guides' preferences (one logged read under {@link #PURPOSE}) and computes the
     * optimal, the naive and (when the planner put guides on any trip) the current assignment.
     */
    @Transactional
    public Overview overview(LocalDate first, LocalDate last, String what) {
        staffReads.check(PURPOSE, what);
        List<Trip> trips = planning.trips(first, last);
        List<Guide> guides = planning.guides();
        boolean anyCurrent = trips.stream().anyMatch(t -> !t.current().isEmpty());
        Map<UUID, List<String>> current = new java.util.LinkedHashMap<>();
        trips.forEach(t -> current.put(t.id(), t.current()));
        return new Overview(trips, guides, Matching.optimal(trips, guides), Matching.firstFree(trips, guides),
                anyCurrent ? Plan.of(trips, guides, current) : null);
    }

    /** Whether guides' preferences may be read now (the purpose is registered); not logged. */
    public boolean mayRead() {
        return staffReads.mayRead(PURPOSE);
    }

    /** Makes the optimal assignment of the period the current one; the number of trips whose guides changed. */
    @Transactional
    public int takeOptimal(LocalDate first, LocalDate last) {
        Overview overview = overview(first, last, "guide planning: the optimal assignment taken over");
        int changed = 0;
        for (Plan.TripPlan tripPlan : overview.optimal().trips()) {
            List<String> refs = tripPlan.guides().stream().map(Plan.Placement::staffRef).toList();
            if (!refs.equals(tripPlan.trip().current())) {
                planning.assign(tripPlan.trip().id(), refs);
                changed++;
            }
        }
        return changed;
    }

    /** Stores a batch of guides' preferences, by staff reference. */
    @Transactional
    public IngestReport guides(List<GuideInput> items) {
        size(items);
        Instant now = clock.instant();
        List<Group> known = groups.all();
        Set<String> seen = new HashSet<>();
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            GuideInput item = items.get(i);
            List<FieldError> errors = new ArrayList<>();
            String staff = RequestValues.collecting(errors, () -> staff("staff", item.staff()));
            Pace pace = RequestValues.collecting(errors, () -> pace(item.pace()));
            List<String> languages = RequestValues.collecting(errors, () -> languages("languages", item.languages(), true));
            List<String> topics = RequestValues.collecting(errors, () -> topics(item.topics()));
            Set<GroupId> liked = RequestValues.collecting(errors, () -> likedGroups(item.groups(), known));
            Set<DayOfWeek> days = RequestValues.collecting(errors, () -> days(item.days()));
            if (!errors.isEmpty()) {
                outcomes.add(ItemOutcome.rejected(i, item.staff(), errors));
                continue;
            }
            if (!seen.add(staff)) {
                outcomes.add(ItemOutcome.duplicate(i, staff));
                continue;
            }
            boolean changed = planning.save(new Guide(staff, pace, languages, topics, liked, days), now);
            outcomes.add(changed ? ItemOutcome.created(i, staff) : ItemOutcome.duplicate(i, staff));
        }
        return IngestReport.of(outcomes);
    }

    /** Stores a batch of trips, by source id; a trip's guides, when given, become its current assignment. */
    @Transactional
    public IngestReport trips(List<TripInput> items) {
        size(items);
        Instant now = clock.instant();
        List<Group> known = groups.all();
        Set<String> seen = new HashSet<>();
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            TripInput item = items.get(i);
            List<FieldError> errors = new ArrayList<>();
            String sourceId = RequestValues.collecting(errors, () -> sourceId(item.sourceId()));
            Group group = RequestValues.collecting(errors, () -> group(item.group(), known));
            LocalDate date = RequestValues.collecting(errors, () -> RequestValues.require(
                    RequestValues.date("date", item.date(), "groups.invalid.date"), "date", "groups.invalid.planning.date.missing"));
            String name = RequestValues.collecting(errors, () -> name(item.name()));
            Integer needed = RequestValues.collecting(errors, () -> needed(item.guides()));
            String language = RequestValues.collecting(errors, () -> languages("language", item.language(), true).get(0));
            Pace pace = RequestValues.collecting(errors, () -> pace(item.pace()));
            String topic = RequestValues.collecting(errors, () -> topic(item.topic()));
            List<String> assigned = RequestValues.collecting(errors, () -> assigned(item.assigned()));
            if (item.language() != null && item.language().contains(";")) {
                errors.add(FieldError.of("language", "groups.invalid.planning.language.one"));
            }
            if (!errors.isEmpty()) {
                outcomes.add(ItemOutcome.rejected(i, item.sourceId(), errors));
                continue;
            }
            if (!seen.add(sourceId)) {
                outcomes.add(ItemOutcome.duplicate(i, sourceId));
                continue;
            }
            JdbcPlanning.Saved saved = planning.save(sourceId, group.id(), date, name, needed, language, pace, topic, assigned, now);
            outcomes.add(saved == JdbcPlanning.Saved.SAME ? ItemOutcome.duplicate(i, sourceId) : ItemOutcome.created(i, sourceId));
        }
        return IngestReport.of(outcomes);
    }

    /** Puts the given guides on a trip by hand (the current assignment); they need not be the optimal ones. */
    @Transactional
    public void assign(String tripSourceId, @Nullable String staffRefs) {
        Trip trip = planning.tripBySource(tripSourceId).orElseThrow(() -> new NotFoundException("groups.thing.trip", tripSourceId));
        List<String> refs = assigned(staffRefs);
        planning.assign(trip.id(), refs == null ? List.of() : refs);
    }

    private static void size(List<?> items) {
        if (items == null || items.isEmpty()) {
            throw InvalidInputException.of("items", "groups.invalid.items.none");
        }
        if (items.size() > MAX_BATCH) {
            throw InvalidInputException.of("items", "groups.invalid.items.many", MAX_BATCH);
        }
    }

    static String staff(String field, @Nullable String raw) {
        String staff = RequestValues.required(field, raw, "groups.invalid.planning.staff.missing");
        StaffFields.staffError(field, staff).ifPresent(e -> {
            throw new InvalidInputException(List.of(e));
        });
        return staff;
    }

    private static String sourceId(@Nullable String raw) {
        String sourceId = RequestValues.required("sourceId", raw, "groups.invalid.sourceId");
        if (sourceId.length() > MAX_SOURCE_ID) {
            throw InvalidInputException.of("sourceId", "groups.invalid.sourceId.long", MAX_SOURCE_ID);
        }
        return sourceId;
    }

    private static @Nullable Pace pace(@Nullable String raw) {
        if (RequestValues.blank(raw)) {
            return null;
        }
        return Pace.parse(raw).orElseThrow(() -> InvalidInputException.of("pace", "groups.invalid.planning.pace", raw.strip()));
    }

    private static List<String> items(@Nullable String raw) {
        if (RequestValues.blank(raw)) {
            return List.of();
        }
        List<String> items = new ArrayList<>(new LinkedHashSet<>(
                java.util.Arrays.stream(raw.split("[;,]")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
        return items;
    }

    private static List<String> list(String field, @Nullable String raw) {
        List<String> items = items(raw);
        if (items.size() > MAX_LIST) {
            throw InvalidInputException.of(field, "groups.invalid.planning.list.long", MAX_LIST);
        }
        return items;
    }

    static List<String> languages(String field, @Nullable String raw, boolean required) {
        List<String> languages = list(field, raw).stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
        if (required && languages.isEmpty()) {
            throw InvalidInputException.of(field, "groups.invalid.planning.language.missing");
        }
        for (String language : languages) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw InvalidInputException.of(field, "groups.invalid.planning.language", language);
            }
        }
        return languages;
    }

    private static List<String> topics(@Nullable String raw) {
        List<String> topics = list("topics", raw).stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        for (String topic : topics) {
            if (!TOPIC.matcher(topic).matches()) {
                throw InvalidInputException.of("topics", "groups.invalid.planning.topic", shorten(topic));
            }
        }
        return topics;
    }

    private static @Nullable String topic(@Nullable String raw) {
        String topic = RequestValues.given(raw);
        if (topic == null) {
            return null;
        }
        if (!TOPIC.matcher(topic).matches()) {
            throw InvalidInputException.of("topic", "groups.invalid.planning.topic", shorten(topic));
        }
        return topic.toLowerCase(Locale.ROOT);
    }

    private static Set<GroupId> likedGroups(@Nullable String raw, List<Group> known) {
        Set<GroupId> liked = new HashSet<>();
        for (String name : list("groups", raw)) {
            liked.add(find("groups", name, known).id());
        }
        return liked;
    }

    private static Group group(@Nullable String raw, List<Group> known) {
        return find("group", RequestValues.required("group", raw, "groups.invalid.planning.group.missing"), known);
    }

    /** A group by its Dutch or English name (any case) or its id. */
    private static Group find(String field, String text, List<Group> known) {
        return known.stream().filter(g -> g.active() && (g.nameNl().equalsIgnoreCase(text) || g.nameEn().equalsIgnoreCase(text)
                || g.id().value().toString().equalsIgnoreCase(text))).findFirst()
                .orElseThrow(() -> InvalidInputException.of(field, "groups.invalid.group", shorten(text)));
    }

    private static Set<DayOfWeek> days(@Nullable String raw) {
        List<String> given = list("days", raw);
        if (given.isEmpty()) {
            throw InvalidInputException.of("days", "groups.invalid.planning.days.missing");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : given) {
            DayOfWeek found = DAYS.get(day.toLowerCase(Locale.ROOT));
            if (found == null) {
                throw InvalidInputException.of("days", "groups.invalid.planning.day", shorten(day));
            }
            days.add(found);
        }
        return days;
    }

    private static String name(@Nullable String raw) {
        String name = RequestValues.required("name", raw, "groups.invalid.name");
        if (name.length() > MAX_NAME) {
            throw InvalidInputException.of("name", "groups.invalid.name.long", MAX_NAME);
        }
        return name;
    }

    private static Integer needed(@Nullable String raw) {
        Integer needed = RequestValues.require(RequestValues.whole("guides", raw, "groups.invalid.planning.needed"), "guides",
                "groups.invalid.planning.needed", "");
        if (needed < 1 || needed > MAX_NEEDED) {
            throw InvalidInputException.of("guides", "groups.invalid.planning.needed", needed);
        }
        return needed;
    }

    private static @Nullable List<String> assigned(@Nullable String raw) {
        if (RequestValues.blank(raw)) {
            return null;
        }
        List<String> refs = list("assigned", raw);
        for (String ref : refs) {
            StaffFields.staffError("assigned", ref).ifPresent(e -> {
                throw new InvalidInputException(List.of(e));
            });
        }
        return refs;
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** Days as people write them: Dutch and English, short and full. */
    private static Map<String, DayOfWeek> days() {
        Map<String, DayOfWeek> days = new java.util.HashMap<>();
        String[][] names = {
            {"ma", "maandag", "mon", "monday"}, {"di", "dinsdag", "tue", "tuesday"}, {"wo", "woensdag", "wed", "wednesday"},
            {"do", "donderdag", "thu", "thursday"}, {"vr", "vrijdag", "fri", "friday"}, {"za", "zaterdag", "sat", "saturday"},
            {"zo", "zondag", "sun", "sunday"}};
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                days.put(name, DayOfWeek.of(i + 1));
            }
        }
        return Map.copyOf(days);
    }
}
