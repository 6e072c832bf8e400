package nl.buitenin.insight.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class DemandClassifierTest {

    private final DemandClassifier classifier = DemandClassifier.standard();

    @Test
    void aRequestTheOrganisationIsThereForIsValueDemand() {
        DemandReading reading = classifier.classify("Wil een wandelreis in de Ardennen boeken voor vier personen");
        assertThat(reading.type()).isEqualTo(DemandType.VALUE);
        assertThat(reading.kind()).isNull();
        assertThat(reading.why().nl()).startsWith("Waardevraag");
        assertThat(reading.why().en()).startsWith("Value demand");
    }

    @Test
    void eachKindOfFailureIsReadFromItsCuesInDutchAndEnglish() {
        assertThat(classifier.classify("Waar blijven mijn reisbescheiden?").kind()).isEqualTo(FailureKind.CHASING);
        assertThat(classifier.classify("Where are my travel documents?").kind()).isEqualTo(FailureKind.CHASING);
        assertThat(classifier.classify("Factuur staat op een verkeerde naam").kind()).isEqualTo(FailureKind.CORRECTING);
        assertThat(classifier.classify("The invoice has the wrong amount").kind()).isEqualTo(FailureKind.CORRECTING);
        assertThat(classifier.classify("Begrijpt de routebeschrijving van dag twee niet").kind())
                .isEqualTo(FailureKind.NOT_UNDERSTANDING);
        assertThat(classifier.classify("Doesn't understand the route description").kind())
                .isEqualTo(FailureKind.NOT_UNDERSTANDING);
        assertThat(classifier.classify("Klacht over het ontbijt in het hotel").kind()).isEqualTo(FailureKind.COMPLAINT);
        assertThat(classifier.classify("The app keeps crashing").kind()).isEqualTo(FailureKind.COMPLAINT);
        assertThat(classifier.classify("Belt voor de tweede keer over de factuur").kind()).isEqualTo(FailureKind.REPEATING);
    }

    @Test
    void theWhyNamesTheCueInBothLanguages() {
        DemandReading reading = classifier.classify("Waar blijft mijn boekingsbevestiging");
        assertThat(reading.type()).isEqualTo(DemandType.FAILURE);
        assertThat(reading.why().nl()).contains("najagen").contains("waar blijft");
        assertThat(reading.why().en()).contains("chasing").contains("waar blijft");
        assertThat(reading.why().in(Language.NL)).isEqualTo(reading.why().nl());
    }

    @Test
    void cuesAreStemmedSoInflectedFormsMatch() {
        // "beloofd" is the cue; "beloofde" and "belooft" share its stem only through the Dutch stemmer
        assertThat(classifier.classify("De medewerker beloofde mij terug te bellen").failure()).isTrue();
        assertThat(classifier.classify("Vraagt naar de hoogteverschillen per dag").kind()).isEqualTo(FailureKind.NOT_UNDERSTANDING);
    }

    @Test
    void theSameUnresolvedMatterAgainWithinTheWindowIsRepeating() {
        Instant first = Instant.parse("2026-03-01T10:00:00Z");
        List<DemandReading> readings = classifier.classify(List.of(
                new DemandContact("Koffer niet aangekomen in het hotel", first),
                new DemandContact("Vraagt waar de koffer is", first.plus(Duration.ofDays(3)))));
        assertThat(readings.get(0).kind()).isEqualTo(FailureKind.COMPLAINT);
        assertThat(readings.get(1).kind()).isEqualTo(FailureKind.REPEATING);
        assertThat(readings.get(1).why().nl()).contains("3 dagen eerder").contains("koffer");
        assertThat(readings.get(1).why().en()).contains("3 days before");
    }

    @Test
    void aRepeatOutsideTheWindowOrAboutAnotherMatterIsReadOnItsOwn() {
        Instant first = Instant.parse("2026-03-01T10:00:00Z");
        DemandContact complaint = new DemandContact("Koffer niet aangekomen in het hotel", first);
        assertThat(classifier.classify(List.of(complaint,
                new DemandContact("Vraagt naar de koffer", first.plus(Duration.ofDays(15))))).get(1).type())
                .isEqualTo(DemandType.VALUE);
        assertThat(classifier.classify(List.of(complaint,
                new DemandContact("Wil een extra nacht in Maastricht", first.plus(Duration.ofDays(2))))).get(1).type())
                .isEqualTo(DemandType.VALUE);
        DemandClassifier wide = new DemandClassifier(TextAnalyzer.standard(), Duration.ofDays(30));
        assertThat(wide.classify(List.of(complaint,
                new DemandContact("Vraagt naar de koffer", first.plus(Duration.ofDays(15))))).get(1).kind())
                .isEqualTo(FailureKind.REPEATING);
    }

    @Test
    void anEarlierValueContactOrAReasonThatMovesTheMatterOnIsNoRepeat() {
        List<DemandReading> readings = classifier.classify(List.of(DemandContact.of("Vraagt of de reis geschikt is met astma"),
                DemandContact.of("Vraagt nogmaals of de reis geschikt is met astma"),
                DemandContact.of("Belt terug na overleg met huisarts over astma, wil nu boeken")));
        assertThat(readings.get(0).type()).isEqualTo(DemandType.VALUE);
        // says itself that it is asked again
        assertThat(readings.get(1).kind()).isEqualTo(FailureKind.REPEATING);
        assertThat(readings.get(2).type()).isEqualTo(DemandType.VALUE);
    }

    @Test
    void contactsAreReadInTimeOrderAndReturnedInListOrder() {
        Instant first = Instant.parse("2026-03-01T10:00:00Z");
        List<DemandReading> readings = classifier.classify(List.of(
                new DemandContact("Vraagt weer naar de koffer", first.plus(Duration.ofDays(1))),
                new DemandContact("Koffer kwijt na de laatste etappe", first)));
        assertThat(readings.get(0).kind()).isEqualTo(FailureKind.REPEATING);
        assertThat(readings.get(1).kind()).isEqualTo(FailureKind.COMPLAINT);
    }

    @Test
    void aReadingKeepsTypeAndKindConsistent() {
        DemandReading.Why why = new DemandReading.Why("x", "y");
        assertThatThrownBy(() -> new DemandReading(DemandType.VALUE, FailureKind.CHASING, why))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemandReading(DemandType.FAILURE, null, why)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemandClassifier(TextAnalyzer.standard(), Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
