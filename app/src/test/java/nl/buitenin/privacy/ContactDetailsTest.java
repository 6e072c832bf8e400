package nl.buitenin.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.buitenin.platform.InvalidInputException;

class ContactDetailsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "06-12345678|+31612345678",
            "06 1234 5678|+31612345678",
            "+31 6 12345678|+31612345678",
            "+31 (0)6 1234 5678|+31612345678",
            "0031 6 12345678|+31612345678",
            "020-1234567|+31201234567",
            "(020) 123 45 67|+31201234567",
            "0800-1234|+318001234",
            "+44 20 7946 0958|+442079460958"})
    void normalisesDutchAndInternationalPhoneNumbersToE164(String written, String e164) {
        assertThat(new ContactDetails(null, null, written).phone()).isEqualTo(e164);
    }

    @Test
    void refusesAWrongPhoneNumberNamingTheField() {
        assertThatThrownBy(() -> new ContactDetails("Jan", null, "12-03-2024"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting("field").containsExactly("phone"));
    }

    @Test
    void refusesAWrongEmailAddressNamingTheField() {
        assertThatThrownBy(() -> new ContactDetails("Jan", "jan@", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("email");
    }

    @Test
    void needsAtLeastOnePart() {
        assertThatThrownBy(() -> new ContactDetails(" ", "", null)).hasMessageContaining("at least");
    }

    @Test
    void lowerCasesTheDomainButKeepsTheLocalPart() {
        assertThat(new ContactDetails(null, "Jan.DeVries@Example.NL", null).email()).isEqualTo("Jan.DeVries@example.nl");
    }
}
