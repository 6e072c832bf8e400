package nl.buitenin.readings;

import static nl.buitenin.readings.PilotFixture.join;
import static nl.buitenin.readings.PilotFixture.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import nl.buitenin.insight.readings.Comparison;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.readings.internal.Pilot;
import nl.buitenin.readings.internal.PilotControl;
import nl.buitenin.readings.internal.PilotForm;
import nl.buitenin.readings.internal.PilotMeasure;
import nl.buitenin.readings.internal.PilotReadings;
import nl.buitenin.readings.internal.PilotState;
import nl.buitenin.readings.internal.Pilots;
import nl.buitenin.testing.DatabaseTest;

/**
 * Pilots stored and read on both databases: the plan, the fixed horizon, and results that equal the formulas
 * written out here (adjusted-Wald NPS difference, two shares, Welch), never the code's own output.
 */
@DatabaseTest
class PilotsTest {

    private static final double Z975 = new NormalDistribution().inverseCumulativeProbability(0.975);
    private static final double Z80 = new NormalDistribution().inverseCumulativeProbability(0.80);

    @Autowired
    ApplicationContext context;
    @Autowired
    Pilots pilots;
    @Autowired
    PilotReadings readings;

    PilotFixture fixture;
    LocalDate today;

    @BeforeEach
    void journey() {
        fixture = PilotFixture.in(context);
        today = readings.today();
    }

    @Test
    void aPilotIsStoredWithItsTouchpointsAndControlAndChangesUntilItStarts() {
        Pilot defined = pilots.define(form("Duidelijkere boekingspagina", "nps", today.plusDays(7), today.plusDays(48), "touchpoints",
                List.of(fixture.website), List.of(fixture.phone, fixture.shop)));

        Pilot read = pilots.byId(defined.id());
        assertThat(read).isEqualTo(defined);
        assertThat(read.touchpoints()).containsExactly(fixture.website);
        assertThat(read.controlTouchpoints()).containsExactly(fixture.phone, fixture.shop);
        assertThat(read.state(today)).isEqualTo(PilotState.PLANNED);
        assertThat(read.days()).isEqualTo(42);
        assertThat(pilots.all()).extracting(Pilot::id).contains(defined.id());

        Pilot changed = pilots.change(defined.id(), form("Eén boekingspagina", "ces", today.plusDays(14), today.plusDays(27), "period_before",
                List.of(fixture.website, fixture.phone), List.of()));
        Pilot again = pilots.byId(defined.id());
        assertThat(again).isEqualTo(changed);
        assertThat(again.name()).isEqualTo("Eén boekingspagina");
        assertThat(again.measure()).isEqualTo(PilotMeasure.CES);
        assertThat(again.control()).isEqualTo(PilotControl.PERIOD_BEFORE);
        assertThat(again.controlTouchpoints()).isEmpty();
        assertThat(again.controlFrom()).isEqualTo(today);
        assertThat(again.controlTo()).isEqualTo(today.plusDays(13));
        assertThat(again.createdOn()).isEqualTo(defined.createdOn());
    }

    @Test
    void aPilotThatStartedKeepsItsPlan() {
        Pilot running = pilots.defineOn(form("Loopt al", "nps", today.minusDays(3), today.plusDays(10), "period_before",
                List.of(fixture.website), List.of()), today.minusDays(10), Instant.now());
        assertThatThrownBy(() -> pilots.change(running.id(), form("Verschoven", "nps", today.plusDays(1), today.plusDays(5), "period_before",
                List.of(fixture.website), List.of()))).isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).key()).isEqualTo("readings.conflict.pilot.started");
        assertThat(pilots.byId(running.id()).name()).isEqualTo("Loopt al");
    }

    @Test
    void badInputIsRefusedNamingEveryField() {
        InvalidInputException e = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> pilots.define(
                new PilotForm(" ", "", "likes", today.minusDays(1).toString(), today.minusDays(1).toString(), "touchpoints", List.of(),
                        List.of())));
        assertThat(e.errors()).extracting(InvalidInputException.FieldError::field, InvalidInputException.FieldError::key)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("name", "readings.invalid.pilot.name.missing"),
                        org.assertj.core.groups.Tuple.tuple("change", "readings.invalid.pilot.change.missing"),
                        org.assertj.core.groups.Tuple.tuple("measure", "readings.invalid.pilot.measure"),
                        org.assertj.core.groups.Tuple.tuple("startsOn", "readings.invalid.pilot.startsOn.past"),
                        org.assertj.core.groups.Tuple.tuple("endsOn", "readings.invalid.pilot.endsOn.notAfterStart"),
                        org.assertj.core.groups.Tuple.tuple("touchpoints", "readings.invalid.pilot.touchpoints.missing"),
                        org.assertj.core.groups.Tuple.tuple("controlTouchpoints", "readings.invalid.pilot.controlTouchpoints.missing"));

        assertThatThrownBy(() -> pilots.define(form("Overlap", "nps", today.plusDays(1), today.plusDays(30), "touchpoints",
                List.of(fixture.website, fixture.phone), List.of(fixture.phone))))
                .isInstanceOfSatisfying(InvalidInputException.class, o -> assertThat(o.errors()).singleElement()
                        .satisfies(f -> {
                            assertThat(f.field()).isEqualTo("controlTouchpoints");
                            assertThat(f.key()).isEqualTo("readings.invalid.pilot.controlTouchpoints.overlap");
                        }));
        assertThatThrownBy(() -> pilots.define(new PilotForm("Onbekend", "x", "nps", today.plusDays(1).toString(), "morgen", "vroeger",
                List.of("balie", fixture.website.value().toString()), List.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, o -> assertThat(o.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactlyInAnyOrder("endsOn", "control", "touchpoints[0]"));
        assertThatThrownBy(() -> pilots.define(form("Te lang", "nps", today.plusDays(1), today.plusDays(400), "period_before",
                List.of(fixture.website), List.of()))).isInstanceOfSatisfying(InvalidInputException.class,
                        o -> assertThat(o.errors()).extracting(InvalidInputException.FieldError::key)
                                .containsExactly("readings.invalid.pilot.endsOn.tooLong"));
    }

    /** NPS: pilot group at the website, control at the phone, the same three weeks; answers elsewhere or later do not count. */
    @Test
    void aFinishedNpsPilotEqualsTheAdjustedWaldDifference() {
        LocalDate start = today.minusDays(40);
        LocalDate end = today.minusDays(20);
        fixture.answers(fixture.website, start, QuestionType.NPS, join(times(12, 10), times(6, 9), times(8, 8), times(4, 5)));
        fixture.answers(fixture.website, end, QuestionType.NPS, join(times(2, 10), times(1, 3)));
        fixture.answers(fixture.phone, start.plusDays(3), QuestionType.NPS, join(times(6, 10), times(4, 9), times(10, 7), times(13, 3)));
        fixture.answers(fixture.website, end.plusDays(1), QuestionType.NPS, times(20, 0));
        fixture.answers(fixture.website, start.minusDays(1), QuestionType.NPS, times(20, 0));
        fixture.answers(fixture.shop, start.plusDays(2), QuestionType.NPS, times(20, 0));
        fixture.answers(fixture.website, start.plusDays(1), QuestionType.CSAT, times(20, 1));
        Pilot pilot = pilots.defineOn(form("NPS-pilot", "nps", start, end, "touchpoints", List.of(fixture.website), List.of(fixture.phone)),
                start.minusDays(7), Instant.now());

        PilotReadings.Result result = readings.result(pilot, today).orElseThrow();

        // Pilot: 20 promoters, 8 passives, 5 detractors of 33; control: 10, 10, 13 of 33.
        assertThat(result.pilotN()).isEqualTo(33);
        assertThat(result.controlN()).isEqualTo(33);
        double p1 = (20 + 0.75) / 36;
        double d1 = (5 + 0.75) / 36;
        double p2 = (10 + 0.75) / 36;
        double d2 = (13 + 0.75) / 36;
        double centre = (p1 - d1) - (p2 - d2);
        double se = Math.sqrt((p1 + d1 - (p1 - d1) * (p1 - d1)) / 36 + (p2 + d2 - (p2 - d2) * (p2 - d2)) / 36);
        Comparison c = result.comparison();
        assertThat(c).isNotNull();
        assertThat(c.difference().value()).isCloseTo(100.0 * (20 - 5) / 33 - 100.0 * (10 - 13) / 33, within(1e-9));
        assertThat(c.difference().lower()).isCloseTo(100 * (centre - Z975 * se), within(1e-6));
        assertThat(c.difference().upper()).isCloseTo(100 * (centre + Z975 * se), within(1e-6));
        assertThat(c.difference().pValue()).isCloseTo(2 * (1 - new NormalDistribution().cumulativeProbability(centre / se)), within(1e-9));
        assertThat(c.first().n()).isEqualTo(33);
        // The difference these groups could detect: NPS formula with the control's shares, 33 per group.
        double p = 10.0 / 33;
        double d = 13.0 / 33;
        assertThat(result.detectableDifference()).isCloseTo(100 * (Z975 + Z80) * Math.sqrt(2 * (p + d - (p - d) * (p - d)) / 33), within(1e-6));
    }

    /** CSAT: the share of 4 and 5, the pooled two-proportion z-test; control = the same touchpoint the weeks before. */
    @Test
    void aFinishedCsatPilotComparesTopTwoSharesWithThePeriodBefore() {
        LocalDate start = today.minusDays(30);
        LocalDate end = today.minusDays(16);
        fixture.answers(fixture.phone, start.plusDays(5), QuestionType.CSAT, join(times(30, 5), times(10, 4), times(10, 2)));
        fixture.answers(fixture.phone, start.minusDays(15), QuestionType.CSAT, join(times(15, 5), times(10, 4), times(25, 3)));
        fixture.answers(fixture.phone, start.minusDays(16), QuestionType.CSAT, times(10, 1));
        Pilot pilot = pilots.defineOn(form("CSAT-pilot", "csat", start, end, "period_before", List.of(fixture.phone), List.of()),
                start.minusDays(20), Instant.now());
        assertThat(pilot.controlFrom()).isEqualTo(start.minusDays(15));

        Comparison c = readings.result(pilot, today).orElseThrow().comparison();

        assertThat(c).isNotNull();
        assertThat(c.difference().value()).isCloseTo(100.0 * (40 - 25) / 50, within(1e-9));
        double pooled = 65.0 / 100;
        double z = (40.0 / 50 - 25.0 / 50) / Math.sqrt(pooled * (1 - pooled) * (2.0 / 50));
        assertThat(c.difference().pValue()).isCloseTo(2 * (1 - new NormalDistribution().cumulativeProbability(z)), within(1e-9));
        assertThat(c.difference().excludesZero()).isTrue();
    }

    /** Means (CES): Welch's t interval and test. */
    @Test
    void aFinishedCesPilotEqualsWelchsTest() {
        LocalDate start = today.minusDays(20);
        LocalDate end = today.minusDays(6);
        int[] pilotValues = join(times(10, 7), times(6, 6), times(4, 4));
        int[] controlValues = join(times(5, 7), times(5, 5), times(8, 4), times(4, 2));
        fixture.answers(fixture.website, start, QuestionType.CES, pilotValues);
        fixture.answers(fixture.shop, end, QuestionType.CES, controlValues);
        Pilot pilot = pilots.defineOn(form("CES-pilot", "ces", start, end, "touchpoints", List.of(fixture.website), List.of(fixture.shop)),
                start.minusDays(7), Instant.now());

        Comparison c = readings.result(pilot, today).orElseThrow().comparison();

        double m1 = mean(pilotValues);
        double m2 = mean(controlValues);
        double v1 = variance(pilotValues) / pilotValues.length;
        double v2 = variance(controlValues) / controlValues.length;
        double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (pilotValues.length - 1) + v2 * v2 / (controlValues.length - 1));
        TDistribution t = new TDistribution(df);
        double se = Math.sqrt(v1 + v2);
        assertThat(c).isNotNull();
        assertThat(c.difference().value()).isCloseTo(m1 - m2, within(1e-9));
        assertThat(c.difference().lower()).isCloseTo(m1 - m2 - t.inverseCumulativeProbability(0.975) * se, within(1e-9));
        assertThat(c.difference().pValue()).isCloseTo(2 * t.cumulativeProbability(-Math.abs(m1 - m2) / se), within(1e-9));
    }

    @Test
    void aRunningPilotShowsProgressButNoResult() {
        fixture.answers(fixture.website, today.minusDays(2), QuestionType.NPS, times(30, 10));
        fixture.answers(fixture.phone, today.minusDays(1), QuestionType.NPS, times(30, 0));
        Pilot pilot = pilots.defineOn(form("Loopt", "nps", today.minusDays(5), today.plusDays(9), "touchpoints", List.of(fixture.website),
                List.of(fixture.phone)), today.minusDays(12), Instant.now());

        assertThat(pilot.state(today)).isEqualTo(PilotState.RUNNING);
        assertThat(readings.result(pilot, today)).isEmpty();
        PilotReadings.Progress progress = readings.progress(pilot, today);
        assertThat(progress.pilotAnswers()).isEqualTo(30);
        assertThat(progress.controlAnswers()).isEqualTo(30);
        assertThat(progress.daysDone()).isEqualTo(5);
        assertThat(progress.daysLeft()).isEqualTo(10);
        // The same pilot read on the day after its end has a result.
        assertThat(readings.result(pilot, today.plusDays(10))).isPresent();
    }

    /** The plan: answers of the 56 days before it was defined, per day, times its length; the NPS formula for the MDE. */
    @Test
    void thePlanExpectsAnswersFromRecentVolumesAndGivesTheMinimumDetectableDifference() {
        fixture.answers(fixture.website, today.minusDays(10), QuestionType.NPS, join(times(28, 10), times(14, 7), times(14, 2)));
        fixture.answers(fixture.phone, today.minusDays(20), QuestionType.NPS, times(112, 8));
        fixture.answers(fixture.website, today.minusDays(57), QuestionType.NPS, times(50, 0));
        Pilot pilot = pilots.define(form("Plan", "nps", today.plusDays(7), today.plusDays(34), "touchpoints", List.of(fixture.website),
                List.of(fixture.phone)));

        PilotReadings.Plan plan = readings.plan(pilot);

        assertThat(plan.recentPilot()).isEqualTo(56);
        assertThat(plan.expectedPilot()).isEqualTo(28); // 56 answers in 56 days, a 28-day pilot
        assertThat(plan.expectedControl()).isEqualTo(56);
        int perGroup = (int) Math.floor(2.0 * 28 * 56 / (28 + 56)); // 37
        assertThat(plan.perGroup()).isEqualTo(perGroup);
        double p = 0.5;
        double d = 0.25;
        assertThat(plan.minimumDifference()).isCloseTo(100 * (Z975 + Z80) * Math.sqrt(2 * (p + d - (p - d) * (p - d)) / perGroup), within(1e-6));

        Pilot empty = pilots.define(form("Leeg", "csat", today.plusDays(7), today.plusDays(34), "period_before", List.of(fixture.shop), List.of()));
        assertThat(readings.plan(empty).minimumDifference()).isNull();
    }

    private PilotForm form(String name, String measure, LocalDate start, LocalDate end, String control, List<TouchpointId> group,
            List<TouchpointId> controlGroup) {
        return new PilotForm(name, "Wat er verandert", measure, start.toString(), end.toString(), control,
                group.stream().map(t -> t.value().toString()).toList(), controlGroup.stream().map(t -> t.value().toString()).toList());
    }

    private static double mean(int[] values) {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }

    private static double variance(int[] values) {
        double mean = mean(values);
        return java.util.Arrays.stream(values).mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
    }
}
