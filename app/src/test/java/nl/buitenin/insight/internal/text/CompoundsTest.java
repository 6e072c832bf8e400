package nl.buitenin.insight.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nl.buitenin.insight.text.TextAnalyzer;

/** Dutch compounds split with OpenTaal's dictionary; the expected parts are written by hand. */
class CompoundsTest {

    private static final Compounds COMPOUNDS = Compounds.dutch();

    @Test
    void compoundsSplitIntoKnownParts() {
        assertThat(COMPOUNDS.parts("wachttijden")).containsExactly("wacht", "tijden");
        assertThat(COMPOUNDS.parts("klantenservicemedewerker")).containsExactly("klanten", "servicemedewerker");
        assertThat(COMPOUNDS.parts("bagagevervoer")).containsExactly("bagage", "vervoer");
        assertThat(COMPOUNDS.parts("boekingsbevestiging")).containsExactly("boekings", "bevestiging");
        assertThat(COMPOUNDS.parts("hotelkamers")).containsExactly("hotel", "kamers");
    }

    @Test
    void aWordListedWholeIsSplitOnlyIntoPartsOfFourLettersOrMore() {
        assertThat(COMPOUNDS.parts("reisleidster")).containsExactly("reis", "leidster");
        assertThat(COMPOUNDS.parts("vervoer")).isEmpty();
        assertThat(COMPOUNDS.parts("overnachting")).isEmpty();
        assertThat(COMPOUNDS.parts("overnachtingen")).isEmpty();
    }

    @Test
    void wordsThatAreNoCompoundOfKnownPartsStayWhole() {
        assertThat(COMPOUNDS.parts("xyzzyqwerty")).isEmpty();
        assertThat(COMPOUNDS.parts("gids")).isEmpty();
        assertThat(COMPOUNDS.parts("")).isEmpty();
    }

    @Test
    void inflectedFormsAreKnown() {
        assertThat(COMPOUNDS.isInflectedWord("kamers")).isTrue();
        assertThat(COMPOUNDS.isInflectedWord("bedden")).isTrue();
        assertThat(COMPOUNDS.isInflectedWord("problemen")).isTrue();
        assertThat(COMPOUNDS.isInflectedWord("huizen")).isTrue();
        assertThat(COMPOUNDS.isInflectedWord("vriendelijk")).isTrue();
        assertThat(COMPOUNDS.isInflectedWord("wachttijden")).isFalse();
    }

    @Test
    void theDictionaryIsReadWithoutProperNounsAndWithIjAsTwoLetters() {
        assertThat(COMPOUNDS.size()).isGreaterThan(100_000);
        assertThat(COMPOUNDS.isWord("vriendelijk")).isTrue(); // written with the ligature in the file
        assertThat(COMPOUNDS.isWord("amsterdam")).isFalse();
    }

    @Test
    void theAnalyzerOffersThePartsInLowerCase() {
        assertThat(TextAnalyzer.standard().compoundParts("Wachttijden")).containsExactly("wacht", "tijden");
    }
}
