package nl.buitenin.insight.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.buitenin.testing.FuzzInput;

/**
 * Any contact reasons — free text is outside input — end in one reading each: a type and a kind that agree, and a
 * why in both languages. The text is split at line breaks into one person's contacts; the first byte chooses whether
 * they have times (a day apart) or only their order.
 */
class DemandClassifierFuzzTest {

    private static final DemandClassifier CLASSIFIER = DemandClassifier.standard();

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"nog geen", "waar blijft", "opnieuw", "tweede keer", "verkeerde", "snapt", "klacht", "koffer",
            "bevestiging", "boekingsbevestiging", "can't", "won't", "doesn't", "still not", "where is", "again", "...", "*",
            "\\n", "’"})
    void everyReasonEndsInAReading(byte[] input) {
        boolean timed = FuzzInput.choice(input) % 2 == 0;
        String[] reasons = FuzzInput.text(input).split("\n", -1);
        List<DemandContact> contacts = new ArrayList<>();
        for (int i = 0; i < reasons.length; i++) {
            contacts.add(new DemandContact(reasons[i], timed ? Instant.parse("2026-03-01T10:00:00Z").plusSeconds(86_400L * i) : null));
        }
        List<DemandReading> readings = CLASSIFIER.classify(contacts);
        assertThat(readings).hasSize(reasons.length);
        for (DemandReading reading : readings) {
            assertThat(reading.kind() == null).isEqualTo(reading.type() == DemandType.VALUE);
            assertThat(reading.why().nl()).isNotBlank();
            assertThat(reading.why().en()).isNotBlank();
        }
    }
}
