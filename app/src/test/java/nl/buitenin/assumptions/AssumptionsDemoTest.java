package nl.buitenin.assumptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.assumptions.internal.Assumption;
import nl.buitenin.assumptions.internal.AssumptionBook;
import nl.buitenin.assumptions.internal.Explanations;
import nl.buitenin.assumptions.internal.KnowledgeFigure;
import nl.buitenin.assumptions.internal.TestKind;
import nl.buitenin.assumptions.internal.Why;
import nl.buitenin.insight.ThemeCount;
import nl.buitenin.insight.TouchpointThemes;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;

/**
 * The demo's assumptions, tested on the demo's data, say what the data says: complaints about the trip were not mostly
 * about the accommodation (its share recomputed here from the map's theme counts) but about the pace of the group, the
 * largest theme, one becomes a survey question and one a pilot,
 * and the organisation's figure appears. The default demo, in the context the browser tests share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class AssumptionsDemoTest {

    @Autowired
    AssumptionBook book;
    @Autowired
    Explanations explanations;
    @Autowired
    KnowledgeFigure knowledge;
    @Autowired
    TouchpointThemes themes;
    @Autowired
    Touchpoints touchpoints;

    @Test
    void theDemosAssumptionsSayWhatTheDataSays() {
        Map<String, Assumption> byStatement = book.testAll().stream().collect(Collectors.toMap(Assumption::statement, a -> a, (a, b) -> a));
        byStatement.values().forEach(a -> System.out.println("DEMO-ASSUMPTION " + a.statement() + " => "
                + explanations.explain(a.test(), a.outcome(), Locale.forLanguageTag("nl"))));

        Assumption accommodation = byStatement.get("De meeste klachten over de reis gaan over de accommodatie");
        assertThat(accommodation.outcome().verdict()).isEqualTo(Verdict.REFUTED);
        // The share recomputed here from the map's theme counts at the evaluation, with Wilson's interval by hand.
        Set<TouchpointId> journey = touchpoints.ofJourney(accommodation.journey()).stream().map(Touchpoint::id).collect(Collectors.toSet());
        List<ThemeCount> counts = themes.top(accommodation.test().from(), accommodation.test().to(), Integer.MAX_VALUE).entrySet().stream()
                .filter(e -> journey.contains(e.getKey())).flatMap(e -> e.getValue().stream()).toList();
        long total = counts.stream().mapToLong(ThemeCount::count).sum();
        long hits = counts.stream().filter(t -> t.nameNl().equals("kwaliteit accommodatie")).mapToLong(ThemeCount::count).sum();
        double[] wilson = VerdictRuleTest.wilson(hits, total);
        assertThat(accommodation.outcome().n()).isEqualTo(total);
        assertThat(accommodation.outcome().figure().lower()).isCloseTo(wilson[0], within(1e-9));
        assertThat(accommodation.outcome().figure().upper()).isCloseTo(wilson[1], within(1e-9)).isLessThanOrEqualTo(50);

        // In the half year before the split, the time these two were about, the pace of the group was the largest theme,
        // and the accommodation's explanation says so.
        assertThat(explanations.explain(accommodation.test(), accommodation.outcome(), Locale.forLanguageTag("nl")))
                .contains("Het grootste thema was ‘tempo van de groep’");
        assertThat(explanations.explain(accommodation.test(), accommodation.outcome(), Locale.ENGLISH))
                .contains("The largest theme was ‘pace of the group’");
        Assumption pace = byStatement.get("Het tempo van de groep is de grootste klacht over de reis");
        assertThat(pace.outcome().verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(pace.outcome().figure().lower()).isGreaterThan(pace.outcome().rival().upper());
        assertThat(byStatement.get("Bellen om te boeken scoort een 8 of hoger").outcome().verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(byStatement.get("Online boeken gaat makkelijk: gemiddeld minstens een 5 op 7").outcome().verdict())
                .isEqualTo(Verdict.CONFIRMED);
        assertThat(byStatement.get("Minder dan een kwart van de vragen aan de telefoon is faalvraag").outcome().verdict())
                .isEqualTo(Verdict.REFUTED);

        Assumption mail = byStatement.get("Mensen lezen de bevestigingsmail niet");
        assertThat(mail.test().kind()).isEqualTo(TestKind.QUESTION);
        assertThat(mail.outcome().verdict()).isEqualTo(Verdict.NOT_YET_TESTABLE);
        assertThat(mail.outcome().why()).isEqualTo(Why.NO_DATA);
        Assumption callBack = byStatement.get("Terugbellen maakt wachtende bellers tevredener");
        assertThat(callBack.test().kind()).isEqualTo(TestKind.PILOT);
        assertThat(callBack.outcome().why()).isEqualTo(Why.PILOT_RUNNING);

        KnowledgeFigure.Figure figure = knowledge.figure();
        assertThat(figure.overall().share()).as("the organisation's figure").isNotNull();
        assertThat(figure.overall().untested()).isGreaterThanOrEqualTo(2);
    }
}
