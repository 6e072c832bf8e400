package nl.buitenin.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The scrubber against a hand-labelled corpus of Dutch and English sentences (test resource
 * privacy/scrubber-corpus.tsv: identifiers, input, expected output), including sentences that must
 * stay as they are (dates, amounts, times, booking numbers, an IBAN with a wrong checksum).
 */
class FreeTextScrubberTest {

    private final FreeTextScrubber scrubber = new FreeTextScrubber();

    record Example(int line, List<String> identifiers, String input, String expected) {
    }

    @Test
    void scrubsEverySentenceOfTheCorpusAsLabelled() throws IOException {
        List<Example> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
        List<String> wrong = new ArrayList<>();
        for (Example example : corpus) {
            String actual = scrubber.scrub(example.input(), example.identifiers());
            if (!actual.equals(example.expected())) {
                wrong.add("line " + example.line() + ":\n  input    " + example.input() + "\n  expected " + example.expected()
                        + "\n  actual   " + actual);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void leavesOrdinaryTextAloneIncludingTheUnchangedSentencesOfTheCorpus() throws IOException {
        long unchanged = corpus().stream().filter(e -> e.input().equals(e.expected())).count();
        assertThat(unchanged).as("sentences that must stay as they are").isGreaterThanOrEqualTo(10);
    }

    @Test
    void validatesIbanChecksums() {
        assertThat(FreeTextScrubber.isIban("NL91ABNA0417164300")).isTrue();
        assertThat(FreeTextScrubber.isIban("GB82 WEST 1234 5698 7654 32")).isTrue();
        assertThat(FreeTextScrubber.isIban("NL92ABNA0417164300")).isFalse();
    }

    @Test
    void leavesNullAndEmptyTextAsItIs() {
        assertThat(scrubber.scrub(null, List.of("Jan"))).isNull();
        assertThat(scrubber.scrub("", List.of("Jan"))).isEmpty();
    }

    /** The notation that survived the erasure of a case text: the parentheses around the number stay. */
    @Test
    void aPhoneNumberInParenthesesKeepsItsParentheses() {
        assertThat(scrubber.scrub("Klacht van Joke de Wit (06 12 34 56 78)", List.of("Joke de Wit", "+31612345678")))
                .isEqualTo("Klacht van [naam] ([telefoon])");
        assertThat(scrubber.scrub("Bel (020) 123 4567 of (06) 1234 5678.")).isEqualTo("Bel [telefoon] of [telefoon].");
    }

    @Test
    void everyNotationOfThePersonsNumberGoes() {
        List<String> notations = List.of("06 12 34 56 78", "0612345678", "+31 6 12345678", "06-12345678", "(06) 1234 5678",
                "0031 6 1234 5678", "+31 (0)6 1234 5678", "06.12.34.56.78");
        for (String notation : notations) {
            assertThat(scrubber.scrubOnly("bel " + notation + " na zes uur", List.of("+31612345678")))
                    .as(notation).isEqualTo("bel [telefoon] na zes uur");
            assertThat(scrubber.scrub("bel " + notation + " na zes uur")).as(notation).isEqualTo("bel [telefoon] na zes uur");
        }
    }

    @Test
    void scrubbingOnePersonLeavesSomebodyElsesDetails() {
        assertThat(scrubber.scrubOnly("Buurman Jan de Vries (06-12345678, jan@example.nl) klaagde; bel Anna op 0687654321 of anna@example.nl",
                List.of("Jan de Vries", "jan@example.nl", "+31612345678")))
                .isEqualTo("Buurman [naam] ([telefoon], [e-mail]) klaagde; bel Anna op 0687654321 of anna@example.nl");
    }

    @Test
    void searchTermsFindEveryNotation() {
        FreeTextScrubber.SearchTerms terms = scrubber.searchTerms(List.of("KLANT-1", "Jan de Vries", "Jan@Example.nl", "06 12 34 56 78"));
        // The e-mail address contains "jan": a text with the address is found by the shorter term.
        assertThat(terms.words()).containsExactlyInAnyOrder("klant-1", "jan", "vries");
        assertThat(scrubber.searchTerms(List.of("Piet", "x.y@example.nl")).words()).containsExactlyInAnyOrder("piet", "x.y@example.nl");
        assertThat(terms.digits()).containsExactly("612345678");
        for (String notation : List.of("06 12 34 56 78", "+31 (0)6-1234.5678", "0031612345678")) {
            assertThat(notation.replaceAll("[ \\-().+/]", "")).contains(terms.digits().get(0));
        }
    }

    private static List<Example> corpus() throws IOException {
        List<Example> examples = new ArrayList<>();
        try (InputStream in = FreeTextScrubberTest.class.getResourceAsStream("/privacy/scrubber-corpus.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] parts = lines[i].split("\t", -1);
                List<String> identifiers = parts[0].isBlank() ? List.of() : Arrays.asList(parts[0].split("\\|"));
                examples.add(new Example(i + 1, identifiers, parts[1], parts[2]));
            }
        }
        return examples;
    }
}
