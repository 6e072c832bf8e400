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
