package nl.buitenin.demand.internal.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.buitenin.demand.internal.DemandFigures;
import nl.buitenin.demand.internal.erlang.ServiceTarget;
import nl.buitenin.demand.internal.erlang.StaffingGoal;
import nl.buitenin.demand.internal.volume.SeriesKey;
import nl.buitenin.journey.Channel;

/**
 * The gaps of a hand-made plan against a hand-made roster, checked with Erlang C written out here from its textbook
 * form (the sum over k of a^k/k!), not with the application's recurrence: what the plan needs, what the rostered
 * agents achieve after shrinkage, and how days and intervals without a roster are read.
 */
class GapsTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final double AHT = 300;
    static final int MINUTES = 15;
    static final double SHRINKAGE = 0.30;
    static final StaffingGoal GOAL = new StaffingGoal(new ServiceTarget(0.80, 20), null, 1, SHRINKAGE, null);
    static final LocalDate TUESDAY = LocalDate.of(2026, 12, 8);
    static final LocalDate WEDNESDAY = TUESDAY.plusDays(1);

    /** Erlang C's probability of waiting: (a^n/n!)·n/(n−a) over the sum of a^k/k! for k < n plus that same term. */
    static double waitProbability(int n, double a) {
        double term = 1;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double queued = term * n / (n - a);
        return queued / (sum + queued);
    }

    static double serviceLevel(int n, double a) {
        return n <= a ? 0 : 1 - waitProbability(n, a) * Math.exp(-(n - a) * 20 / AHT);
    }

    static double asa(int n, double a) {
        return waitProbability(n, a) * AHT / (n - a);
    }

    /** The fewest agents that answer 80 % within 20 s, searched by hand, then scheduled for 30 % shrinkage. */
    static int needed(double calls) {
        double a = calls * AHT / (MINUTES * 60);
        int n = (int) Math.floor(a) + 1;
        while (serviceLevel(n, a) < 0.80) {
            n++;
        }
        return (int) Math.ceil(n / (1 - SHRINKAGE) - 1e-9);
    }

    static ZonedDateTime at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), ZONE);
    }

    static DemandFigures.PlanInterval interval(ZonedDateTime start, double calls) {
        double a = calls * AHT / (MINUTES * 60);
        int scheduled = needed(calls);
        return new DemandFigures.PlanInterval(start, calls, a, 0, scheduled, 0, null, 0, null, null, null);
    }

    @Test
    void eachRosteredIntervalIsShortOverOrEvenWithTheServiceItsAgentsGive() {
        List<DemandFigures.PlanInterval> intervals = new ArrayList<>(List.of(interval(at(TUESDAY, 10, 0), 40),
                interval(at(TUESDAY, 10, 15), 60), interval(at(TUESDAY, 10, 30), 20), interval(at(TUESDAY, 11, 0), 30),
                interval(at(WEDNESDAY, 10, 0), 40)));
        DemandFigures.Plan plan = new DemandFigures.Plan(new SeriesKey(Channel.PHONE, "Test"), "m", AHT, false, GOAL, intervals,
                List.of(TUESDAY, WEDNESDAY));
        // By the formula above: 40 calls = 13.33 Erlang need 18 on the phones (87.9 % within 20 s), 26 rostered;
        // 60 calls = 20 Erlang need 25, 36 rostered; 20 calls = 6.67 Erlang need 10, 15 rostered; 30 calls need 14, 20 rostered.
        assertThat(needed(40)).isEqualTo(26);
        assertThat(needed(60)).isEqualTo(36);
        assertThat(needed(20)).isEqualTo(15);
        assertThat(needed(30)).isEqualTo(20);
        Map<Instant, Integer> roster = new HashMap<>();
        roster.put(at(TUESDAY, 10, 0).toInstant(), 26); // even
        roster.put(at(TUESDAY, 10, 15).toInstant(), 33); // 3 short
        roster.put(at(TUESDAY, 10, 30).toInstant(), 17); // 2 over
        roster.put(at(TUESDAY, 10, 45).toInstant(), 1); // nothing forecast: 1 over
        // 11:00 is forecast but not on Tuesday's roster: 0 agents. Wednesday has no roster at all.

        Gaps.Result gaps = Gaps.of(plan, roster, ZONE, MINUTES);

        assertThat(gaps.notRostered()).containsExactly(WEDNESDAY);
        assertThat(gaps.rostered()).containsExactly(TUESDAY);
        assertThat(gaps.intervals()).extracting(g -> g.start().toLocalTime().toString())
                .containsExactly("10:00", "10:15", "10:30", "10:45", "11:00");
        Gaps.Gap even = gaps.intervals().get(0);
        Gaps.Gap shortBy3 = gaps.intervals().get(1);
        Gaps.Gap overBy2 = gaps.intervals().get(2);
        Gaps.Gap nothingForecast = gaps.intervals().get(3);
        Gaps.Gap nobody = gaps.intervals().get(4);

        assertThat(even.difference()).isZero();
        assertThat(even.onPhones()).isEqualTo(18); // 26 × 0.7 = 18.2: 18 whole agents answer
        assertThat(even.serviceLevel()).isCloseTo(serviceLevel(18, 40 / 3.0), within(1e-9)).isCloseTo(0.8786, within(1e-4));
        assertThat(even.asaSeconds()).isCloseTo(asa(18, 40 / 3.0), within(1e-9));

        assertThat(shortBy3.isShort()).isTrue();
        assertThat(shortBy3.shortBy()).isEqualTo(3);
        assertThat(shortBy3.onPhones()).isEqualTo(23); // 33 × 0.7 = 23.1
        assertThat(shortBy3.serviceLevel()).isCloseTo(serviceLevel(23, 20), within(1e-9)).isCloseTo(0.6596, within(1e-4));
        assertThat(shortBy3.asaSeconds()).isCloseTo(asa(23, 20), within(1e-9)).isCloseTo(41.6, within(0.05));

        assertThat(overBy2.overBy()).isEqualTo(2);
        assertThat(overBy2.onPhones()).isEqualTo(11); // 17 × 0.7 = 11.9
        assertThat(overBy2.serviceLevel()).isCloseTo(serviceLevel(11, 20 / 3.0), within(1e-9));

        assertThat(nothingForecast.needed()).isZero();
        assertThat(nothingForecast.overBy()).isEqualTo(1);
        assertThat(nothingForecast.serviceLevel()).isEqualTo(1);

        assertThat(nobody.rostered()).isZero();
        assertThat(nobody.shortBy()).isEqualTo(20);
        assertThat(nobody.serviceLevel()).isZero();
        assertThat(nobody.asaSeconds()).as("no agents: the queue grows without end").isNull();

        assertThat(gaps.shortIntervals()).isEqualTo(2);
        assertThat(gaps.overIntervals()).isEqualTo(2);
        assertThat(gaps.largestShort()).isEqualTo(nobody);
        assertThat(gaps.shortAgentHours(MINUTES)).isCloseTo((3 + 20) / 4.0, within(1e-9));
    }

    @Test
    void withoutAnyRosterThereAreNoGapsOnlyDaysNotRosteredAndADayThatNeedsNobodyIsNeither() {
        DemandFigures.Plan plan = new DemandFigures.Plan(new SeriesKey(Channel.PHONE, "Test"), "m", AHT, false, GOAL,
                List.of(interval(at(TUESDAY, 10, 0), 40)), List.of(TUESDAY, WEDNESDAY));
        Gaps.Result gaps = Gaps.of(plan, Map.of(), ZONE, MINUTES);
        assertThat(gaps.anyRoster()).isFalse();
        assertThat(gaps.intervals()).isEmpty();
        assertThat(gaps.largestShort()).isNull();
        assertThat(gaps.notRostered()).as("Wednesday has no contacts forecast").containsExactly(TUESDAY);
        assertThat(gaps.rostered()).isEmpty();
    }

    @Test
    void theLargestShortageIsTheEarliestOfEqualOnesAndTheFirstDaysCanBeTakenApart() {
        List<DemandFigures.PlanInterval> intervals = List.of(interval(at(TUESDAY, 9, 0), 40), interval(at(WEDNESDAY, 9, 0), 40),
                interval(at(WEDNESDAY, 9, 15), 40));
        DemandFigures.Plan plan = new DemandFigures.Plan(new SeriesKey(Channel.PHONE, "Test"), "m", AHT, false, GOAL, intervals,
                List.of(TUESDAY, WEDNESDAY));
        Map<Instant, Integer> roster = Map.of(at(TUESDAY, 9, 0).toInstant(), 23, at(WEDNESDAY, 9, 0).toInstant(), 23,
                at(WEDNESDAY, 9, 15).toInstant(), 20);
        Gaps.Result gaps = Gaps.of(plan, roster, ZONE, MINUTES);
        assertThat(gaps.largestShort().start()).isEqualTo(at(WEDNESDAY, 9, 15));
        assertThat(gaps.firstDays(1).intervals()).hasSize(1);
        assertThat(gaps.firstDays(1).largestShort().start()).isEqualTo(at(TUESDAY, 9, 0));
        assertThat(gaps.firstDays(1).days()).containsExactly(TUESDAY);
    }

    @Test
    void erlangAWithPatienceGivesTheAbandonRateOfTheRosteredAgents() {
        StaffingGoal patient = new StaffingGoal(new ServiceTarget(0.80, 20), null, 1, SHRINKAGE, 60.0);
        DemandFigures.Plan plan = new DemandFigures.Plan(new SeriesKey(Channel.PHONE, "Test"), "m", AHT, false, patient,
                List.of(interval(at(TUESDAY, 10, 0), 40)), List.of(TUESDAY));
        Gaps.Gap gap = Gaps.of(plan, Map.of(at(TUESDAY, 10, 0).toInstant(), 10), ZONE, MINUTES).intervals().get(0);
        // 7 agents answering 13.3 Erlang: many hang up, but the queue stays finite because they do.
        assertThat(gap.onPhones()).isEqualTo(7);
        assertThat(gap.abandonProbability()).isNotNull().isGreaterThan(0.3).isLessThan(1);
        assertThat(gap.asaSeconds()).isNotNull();
    }
}
