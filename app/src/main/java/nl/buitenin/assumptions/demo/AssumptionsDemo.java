package nl.buitenin.assumptions.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import nl.buitenin.assumptions.NewAssumption;
import nl.buitenin.assumptions.internal.AssumptionBook;
import nl.buitenin.assumptions.internal.TestForm;
import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.insight.ThemedAnswers;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.readings.PilotTrials;

/**
 * Buitenpad's assumptions, written by staff of three departments over the past year and tested on the demo's data:
 * some the data confirms, some it refutes (complaints about the trip were not mostly about the accommodation: in the
 * half year before the walking groups were split, the pace of the group was the largest theme on the journey map's
 * theme counts), and two not yet testable, of which one becomes a survey question and one a pilot. "Bellen om te
 * boeken scoort een 8 of hoger" is read by the analyst as: most callers satisfied (CSAT 4 or 5 from at least 50 %); read
 * as 80 % satisfied it is not yet decided on the demo data. Runs after every step that writes answers, themes and
 * contact reasons. No workshop yet: the workshop reference is empty.
 */
@Component
class AssumptionsDemo implements DemoStep {

    static final String FAILURE_DEMAND = "textinsight.share.failureDemand";

    private final AssumptionBook book;
    private final Journeys journeys;
    private final Touchpoints touchpoints;
    private final ObjectProvider<ThemedAnswers> themes;

    AssumptionsDemo(AssumptionBook book, Journeys journeys, Touchpoints touchpoints, ObjectProvider<ThemedAnswers> themes) {
        this.book = book;
        this.journeys = journeys;
        this.touchpoints = touchpoints;
        this.themes = themes;
    }

    @Override
    public int order() {
        return 760;
    }

    @Override
    public String name() {
        return "assumptions";
    }

    @Override
    public void load(DemoContext context) {
        Optional<Touchpoint> phoneBooking = named("Boeken per telefoon");
        Optional<Touchpoint> website = named("Boeken op de website");
        Optional<Touchpoint> phoneQuestions = named("Vragen per telefoon");
        Optional<Touchpoint> evaluation = named("Evaluatie");
        if (phoneBooking.isEmpty() || website.isEmpty() || phoneQuestions.isEmpty() || evaluation.isEmpty() || journeys.all().isEmpty()) {
            return;
        }
        LocalDate today = context.today();
        String year = today.minusDays(364).toString();
        String weeks = today.minusWeeks(12).plusDays(1).toString();
        String now = today.toString();
        UUID pace = theme("tempo van de groep");
        UUID accommodation = theme("kwaliteit accommodatie");

        // The trip's two assumptions were made shortly before the walking groups were split by pace (nine months ago,
        // the groups demo's date): they are tested on the half year of comments before the split, the time they were
        // about (and the "before" of the split page). Since the split the pace complaints have dropped.
        LocalDate split = today.minusMonths(9);
        String beforeSplit = split.minusWeeks(26).toString();
        String lastBefore = split.minusDays(1).toString();
        add(context, 300, "De meeste klachten over de reis gaan over de accommodatie", "Reizen", "analist", evaluation.get(), false,
                accommodation == null ? null
                        : new TestForm("theme", null, accommodation.toString(), null, null, "most", null, null, beforeSplit, lastBefore));
        add(context, 290, "Het tempo van de groep is de grootste klacht over de reis", "Reizen", "analist", evaluation.get(), false,
                pace == null ? null : new TestForm("theme", null, pace.toString(), null, null, "largest", null, null, beforeSplit, lastBefore));
        add(context, 200, "Bellen om te boeken scoort een 8 of hoger", "Verkoop", "medewerker", phoneBooking.get(), true,
                new TestForm("score", "csat", null, null, null, "at_least", "50", null, year, now));
        add(context, 190, "Online boeken gaat makkelijk: gemiddeld minstens een 5 op 7", "Verkoop", "beheerder", website.get(), true,
                new TestForm("score", "ces", null, null, null, "at_least", "5", null, weeks, now));
        add(context, 120, "Minder dan een kwart van de vragen aan de telefoon is faalvraag", "Klantenservice", "teamleider",
                phoneQuestions.get(), true, new TestForm("share", FAILURE_DEMAND, null, null, null, "at_most", null, "25", year, now));
        add(context, 100, "Bellers met een vraag zijn meestal tevreden over het gesprek", "Klantenservice", "medewerker",
                phoneQuestions.get(), true, new TestForm("score", "csat", null, null, null, "at_least", "50", null, weeks, now));
        UUID mail = add(context, 40, "Mensen lezen de bevestigingsmail niet", "Verkoop", "medewerker", website.get(), true, null);
        book.toQuestion(mail, "De bevestigingsmail vertelde mij wat ik moest weten.", "The confirmation e-mail told me what I needed to know.");
        UUID callBack = add(context, 30, "Terugbellen maakt wachtende bellers tevredener", "Klantenservice", "teamleider", phoneBooking.get(),
                true, null);
        book.toPilot(callBack, new PilotTrials.NewPilot("Terugbellen bij boeken per telefoon",
                "Wie telefonisch wil boeken en langer dan twee minuten wacht, wordt binnen een uur teruggebeld.", "csat",
                today.plusDays(7), today.plusDays(48), List.of(phoneBooking.get().id()), List.of()));
    }

    private UUID add(DemoContext context, int daysAgo, String statement, String department, String owner, Touchpoint touchpoint,
            boolean atTouchpoint, @Nullable TestForm test) {
        Instant at = context.today().minusDays(daysAgo).atTime(LocalTime.of(15, 0)).atZone(context.zone()).toInstant();
        UUID id = book.proposeAt(new NewAssumption(statement, department, owner, touchpoint.journey(), atTouchpoint ? touchpoint.id() : null,
                null), at);
        if (test != null) {
            book.chooseTest(id, test);
        }
        return id;
    }

    private @Nullable UUID theme(String nameNl) {
        ThemedAnswers taxonomy = themes.getIfAvailable();
        return taxonomy == null ? null
                : taxonomy.themes().stream().filter(t -> t.nameNl().equals(nameNl)).map(ThemedAnswers.Theme::id).findFirst().orElse(null);
    }

    private Optional<Touchpoint> named(String nameNl) {
        return touchpoints.all().stream().filter(t -> t.nameNl().toLowerCase(Locale.ROOT).equals(nameNl.toLowerCase(Locale.ROOT))).findFirst();
    }
}
