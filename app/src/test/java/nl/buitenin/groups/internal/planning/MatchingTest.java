package nl.buitenin.groups.internal.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import nl.buitenin.groups.GroupId;

/**
 * The assignment against brute force on many small random cases (every way to give each place a guide or leave it open,
 * enumerated over all days at once, so the per-day split is checked too), and small cases checked by hand.
 */
class MatchingTest {

    private static final GroupId BRISK_GROUP = new GroupId(new UUID(0, 1));
    private static final GroupId RELAXED_GROUP = new GroupId(new UUID(0, 2));
    private static final LocalDate SATURDAY = LocalDate.of(2026, 12, 12);
    private static final List<String> LANGUAGES = List.of("nl", "en", "de");
    private static final List<String> TOPICS = List.of("vogels", "geschiedenis", "planten");

    @Test
    void sameOptimumAsBruteForceOnManySmallRandomCases() {
        Random random = new Random(17);
        int withOpenPlaces = 0;
        int withMismatch = 0;
        for (int round = 0; round < 600; round++) {
            List<Guide> guides = randomGuides(random, 1 + random.nextInt(5));
            List<Trip> trips = randomTrips(random, 1 + random.nextInt(4));
            Plan optimal = Matching.optimal(trips, guides);
            Best best = bruteForce(trips, guides);
            assertThat(optimal.open()).as("open places, round %d", round).isEqualTo(best.open);
            assertThat(optimal.mismatch()).as("mismatch, round %d", round).isEqualTo(best.mismatch);
            assertThat(optimal.violations()).as("violations, round %d", round).isZero();
            Plan naive = Matching.firstFree(trips, guides);
            assertThat(naive.violations()).isZero();
            assertThat(naive.open()).isGreaterThanOrEqualTo(optimal.open());
            if (naive.open() == optimal.open()) {
                assertThat(naive.mismatch()).isGreaterThanOrEqualTo(optimal.mismatch());
            }
            withOpenPlaces += best.open > 0 ? 1 : 0;
            withMismatch += best.mismatch > 0 ? 1 : 0;
        }
        // The random cases must exercise both hard and soft constraints, or the comparison proves little.
        assertThat(withOpenPlaces).isGreaterThan(50);
        assertThat(withMismatch).isGreaterThan(50);
    }

    @Test
    void theGuideWhoLikesToWalkOnLeadsTheBriskTripNotTheStroll() {
        Guide walker = guide("gids-01", Pace.BRISK, List.of("nl"), List.of(), Set.of());
        Guide stroller = guide("gids-02", Pace.RELAXED, List.of("nl"), List.of(), Set.of());
        Trip stroll = trip("Genieten onderweg, Veluwe", RELAXED_GROUP, 1, "nl", Pace.RELAXED, null);
        Trip brisk = trip("Stevig tempo, Veluwe", BRISK_GROUP, 1, "nl", Pace.BRISK, null);

        Plan optimal = Matching.optimal(List.of(stroll, brisk), List.of(walker, stroller));
        Plan naive = Matching.firstFree(List.of(stroll, brisk), List.of(walker, stroller));

        assertThat(optimal.pairs()).isEqualTo(Map.of(stroll.id(), List.of("gids-02"), brisk.id(), List.of("gids-01")));
        assertThat(optimal.mismatch()).isZero();
        // By name the stroll comes first and gets the first guide: the walker, 3 points each way.
        assertThat(naive.pairs()).isEqualTo(Map.of(stroll.id(), List.of("gids-01"), brisk.id(), List.of("gids-02")));
        assertThat(naive.mismatch()).isEqualTo(2 * Mismatch.PACE);
    }

    @Test
    void weighsPaceAboveTopicAboveGroupAndLanguage() {
        Trip trip = trip("Stevig tempo", BRISK_GROUP, 1, "en", Pace.BRISK, "vogels");
        Guide guide = guide("gids-03", Pace.RELAXED, List.of("nl", "en"), List.of("planten"), Set.of(RELAXED_GROUP));
        assertThat(Mismatch.between(guide, trip)).isEqualTo(new Mismatch(3, 2, 1, 1));
        Guide noPreferences = guide("gids-04", null, List.of("en"), List.of(), Set.of());
        assertThat(Mismatch.between(noPreferences, trip).total()).isZero();

        // The relaxed guide with the right topic (3 points) beats nobody, but loses to a brisk one on another topic (2).
        Guide briskOtherTopic = guide("gids-05", Pace.BRISK, List.of("en"), List.of("planten"), Set.of());
        Guide relaxedRightTopic = guide("gids-06", Pace.RELAXED, List.of("en"), List.of("vogels"), Set.of());
        assertThat(Matching.optimal(List.of(trip), List.of(relaxedRightTopic, briskOtherTopic)).pairs().get(trip.id()))
                .containsExactly("gids-05");
    }

    @Test
    void explainsATripThatTooFewGuidesSpeakingItsLanguageCanTake() {
        Trip english = trip("Stevig tempo", BRISK_GROUP, 2, "en", Pace.BRISK, null);
        Guide speaks = guide("gids-01", Pace.BRISK, List.of("nl", "en"), List.of(), Set.of());
        Guide doesNot = guide("gids-02", Pace.BRISK, List.of("nl"), List.of(), Set.of());
        Plan plan = Matching.optimal(List.of(english), List.of(speaks, doesNot));
        assertThat(plan.pairs().get(english.id())).containsExactly("gids-01");
        assertThat(plan.trips().get(0).shortage()).isEqualTo(new Plan.Shortage(1, 1, 2));
    }

    @Test
    void leavesOpenOnlyWhatCannotBeFilledAndTakesNoGuideTwiceADay() {
        // Two German trips on one day, one German-speaking guide: one trip stays open, and she is on one trip only.
        Trip morning = trip("Ochtend", BRISK_GROUP, 1, "de", Pace.BRISK, null);
        Trip afternoon = trip("Middag", RELAXED_GROUP, 1, "de", Pace.RELAXED, null);
        Guide german = guide("gids-07", Pace.RELAXED, List.of("de"), List.of(), Set.of());
        Plan plan = Matching.optimal(List.of(morning, afternoon), List.of(german));
        assertThat(plan.open()).isEqualTo(1);
        assertThat(plan.pairs().get(afternoon.id())).containsExactly("gids-07");
        assertThat(plan.pairs().get(morning.id())).isEmpty();
        assertThat(plan.trips().stream().filter(t -> t.trip() == morning).findFirst().orElseThrow().shortage())
                .isEqualTo(new Plan.Shortage(1, 1, 1));
        // A guide who is not available that day is not placed, however well they fit.
        Guide weekdays = new Guide("gids-08", Pace.BRISK, List.of("de"), List.of(), Set.of(), EnumSet.of(DayOfWeek.MONDAY));
        assertThat(Matching.optimal(List.of(morning), List.of(weekdays)).open()).isEqualTo(1);
    }

    @Test
    void countsViolationsOfAPlanEnteredByHand() {
        Trip trip = trip("Ochtend", BRISK_GROUP, 2, "de", Pace.BRISK, null);
        Trip other = trip("Middag", BRISK_GROUP, 1, "nl", Pace.BRISK, null);
        Guide german = guide("gids-07", Pace.RELAXED, List.of("de", "nl"), List.of(), Set.of());
        Guide dutch = guide("gids-09", Pace.BRISK, List.of("nl"), List.of(), Set.of());
        Plan plan = Plan.of(List.of(trip, other), List.of(german, dutch),
                Map.of(trip.id(), List.of("gids-07", "gids-09"), other.id(), List.of("gids-07")));
        assertThat(plan.violations()).isEqualTo(2);
        assertThat(plan.trips().stream().flatMap(t -> t.guides().stream()).map(Plan.Placement::violation))
                .containsExactlyInAnyOrder(null, Plan.Violation.LANGUAGE, Plan.Violation.TWICE_THAT_DAY);
        // gids-07: the wrong pace twice and German first on the Dutch trip; gids-09: Dutch first on the German trip.
        assertThat(plan.mismatch()).isEqualTo(2 * Mismatch.PACE + 2 * Mismatch.LANGUAGE);
    }

    @Test
    void hungarianMatchesBruteForceOnRandomRectangularMatrices() {
        Random random = new Random(4);
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(5);
            int m = n + random.nextInt(3);
            long[][] cost = new long[n][m];
            for (long[] row : cost) {
                for (int j = 0; j < m; j++) {
                    row[j] = random.nextInt(20);
                }
            }
            int[] assignment = Hungarian.assign(cost);
            assertThat(new HashSet<>(java.util.Arrays.stream(assignment).boxed().toList())).hasSize(n);
            long total = 0;
            for (int i = 0; i < n; i++) {
                total += cost[i][assignment[i]];
            }
            assertThat(total).as("round %d", round).isEqualTo(bruteMatrix(cost, 0, new boolean[m]));
        }
    }

    private static long bruteMatrix(long[][] cost, int row, boolean[] used) {
        if (row == cost.length) {
            return 0;
        }
        long best = Long.MAX_VALUE;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, cost[row][j] + bruteMatrix(cost, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    private record Best(int open, int mismatch) {
    }

    /** Every way to give each place a guide or leave it open, over all trips and days at once. */
    private static Best bruteForce(List<Trip> trips, List<Guide> guides) {
        List<Trip> places = new ArrayList<>();
        for (Trip trip : trips) {
            for (int k = 0; k < trip.needed(); k++) {
                places.add(trip);
            }
        }
        int[] best = {Integer.MAX_VALUE, Integer.MAX_VALUE};
        search(places, guides, 0, new ArrayList<>(), 0, 0, best);
        return new Best(best[0], best[1]);
    }

    private static void search(List<Trip> places, List<Guide> guides, int index, List<String> taken, int open, int mismatch,
            int[] best) {
        if (index == places.size()) {
            if (open < best[0] || open == best[0] && mismatch < best[1]) {
                best[0] = open;
                best[1] = mismatch;
            }
            return;
        }
        Trip trip = places.get(index);
        search(places, guides, index + 1, taken, open + 1, mismatch, best);
        for (Guide guide : guides) {
            String day = trip.date() + " " + guide.staffRef();
            // One trip a day per guide (so also one place per trip): the hard constraints, written out independently.
            if (taken.contains(day) || !guide.days().contains(trip.date().getDayOfWeek())
                    || !guide.languages().contains(trip.language())) {
                continue;
            }
            taken.add(day);
            search(places, guides, index + 1, taken, open, mismatch + cost(guide, trip), best);
            taken.remove(taken.size() - 1);
        }
    }

    /** The mismatch written out again from the documented weights, not through Mismatch.between. */
    private static int cost(Guide guide, Trip trip) {
        int cost = 0;
        if (guide.pace() != null && trip.pace() != null && guide.pace() != trip.pace()) {
            cost += 3;
        }
        if (trip.topic() != null && !guide.topics().isEmpty() && !guide.topics().contains(trip.topic())) {
            cost += 2;
        }
        if (!guide.groups().isEmpty() && !guide.groups().contains(trip.group())) {
            cost += 1;
        }
        if (!guide.languages().get(0).equals(trip.language())) {
            cost += 1;
        }
        return cost;
    }

    private static List<Guide> randomGuides(Random random, int count) {
        List<Guide> guides = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> languages = new ArrayList<>(LANGUAGES);
            java.util.Collections.shuffle(languages, random);
            languages = languages.subList(0, 1 + random.nextInt(2));
            List<String> topics = random.nextBoolean() ? List.of() : List.of(TOPICS.get(random.nextInt(TOPICS.size())));
            Set<GroupId> groups = random.nextInt(3) == 0 ? Set.of() : Set.of(random.nextBoolean() ? BRISK_GROUP : RELAXED_GROUP);
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek day : List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)) {
                if (random.nextInt(4) != 0) {
                    days.add(day);
                }
            }
            Pace pace = random.nextInt(3) == 0 ? null : random.nextBoolean() ? Pace.BRISK : Pace.RELAXED;
            guides.add(new Guide(String.format("gids-%02d", i), pace, languages, topics, groups, days));
        }
        return guides;
    }

    private static List<Trip> randomTrips(Random random, int count) {
        List<Trip> trips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean brisk = random.nextBoolean();
            LocalDate date = SATURDAY.plusDays(random.nextInt(2));
            String topic = random.nextBoolean() ? null : TOPICS.get(random.nextInt(TOPICS.size()));
            trips.add(new Trip(UUID.randomUUID(), "t" + i, brisk ? BRISK_GROUP : RELAXED_GROUP, date, "Trip " + i,
                    1 + random.nextInt(2), LANGUAGES.get(random.nextInt(2)), random.nextInt(4) == 0 ? null : brisk ? Pace.BRISK : Pace.RELAXED,
                    topic, List.of()));
        }
        return trips;
    }

    private static Guide guide(String ref, @Nullable Pace pace, List<String> languages, List<String> topics, Set<GroupId> groups) {
        return new Guide(ref, pace, languages, topics, groups, EnumSet.allOf(DayOfWeek.class));
    }

    private static Trip trip(String name, GroupId group, int needed, String language, @Nullable Pace pace, @Nullable String topic) {
        return new Trip(UUID.randomUUID(), name, group, SATURDAY, name, needed, language, pace, topic, List.of());
    }
}
