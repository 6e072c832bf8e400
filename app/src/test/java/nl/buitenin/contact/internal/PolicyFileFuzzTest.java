package nl.buitenin.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.testing.FuzzInput;

/**
 * A contact policy file (REST API, stored settings, {@code simulate-policy --policy}) ends in a policy, which
 * is written back to the same policy, or in a refusal that names the field or line.
 */
class PolicyFileFuzzTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"{\"sampleShare\":0.5,", "\"touchpointShares\":{\"3f2b8c1e-2a4d-4c6e-9b1a-7d5e3c2f1a0b\":0.2}",
            "\"samplingPeriodDays\":", "\"recontactDays\":", "\"capPerQuarter\":", "\"capPerYear\":", "\"quietFrom\":\"21:00\"",
            "\"quietUntil\":\"08:00\"", "\"quietDays\":[\"SUNDAY\"]", "\"operationalContactDays\":", "\"invitationChannel\":\"EMAIL\"",
            "null", "[null]", "1e308", "-1", "2147483648", "NaN", "}"})
    void everyPolicyFileEndsInAPolicyOrAClearRefusal(byte[] input) {
        try {
            Policy policy = PolicyFile.read(FuzzInput.text(input)).toPolicy(AMSTERDAM);
            assertThat(PolicyFile.read(PolicyFile.of(policy).write()).toPolicy(AMSTERDAM)).isEqualTo(policy);
        } catch (InvalidInputException refusal) {
            FuzzInput.assertClear(refusal);
        }
    }
}
