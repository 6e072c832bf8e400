package nl.buitenin.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.testing.FuzzInput;

/**
 * A contact budget file (REST API, stored settings) ends in a budget, which is written back to the same budget, or in a
 * refusal that names the field or line.
 */
class OfferPolicyFileFuzzTest {

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"{\"budget\":{\"perWeek\":3,\"perMonth\":6,\"perQuarter\":12},", "\"kinds\":{\"OFFER\":{\"perWeek\":1}}",
            "\"INVITATION\"", "\"TOLD_BACK\"", "\"topicCap\":", "\"topicCapDays\":", "\"recentSurveyDays\":", "null", "[null]", "1e308", "-1",
            "2147483648", "}"})
    void everyBudgetFileEndsInABudgetOrAClearRefusal(byte[] input) {
        try {
            OfferPolicy policy = OfferPolicyFile.read(FuzzInput.text(input)).toPolicy();
            assertThat(OfferPolicyFile.read(OfferPolicyFile.of(policy).write()).toPolicy()).isEqualTo(policy);
        } catch (InvalidInputException refusal) {
            FuzzInput.assertClear(refusal);
        }
    }
}
