package nl.buitenin.offers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.testing.FuzzInput;

/**
 * An interest settings file (REST API, stored settings) ends in settings, which are written back to the same settings, or
 * in a refusal that names the field or line.
 */
class InterestSettingsFileFuzzTest {

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"{\"kinds\":{\"purchase\":{\"weight\":1.0,\"halfLifeDays\":14}}", "\"search\"", "\"offer_click\"", "\"visit\"",
            "\"contact\"", "\"threshold\":0.5", "\"purchaseCloses\":true", "null", "[null]", "1e308", "-1", "NaN", "0.001", "}"})
    void everySettingsFileEndsInSettingsOrAClearRefusal(byte[] input) {
        try {
            InterestSettings settings = InterestSettingsFile.read(FuzzInput.text(input)).toSettings();
            assertThat(InterestSettingsFile.read(InterestSettingsFile.of(settings).write()).toSettings()).isEqualTo(settings);
        } catch (InvalidInputException refusal) {
            FuzzInput.assertClear(refusal);
        }
    }
}
