package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.buitenin.platform.InvalidInputException.FieldError;

/** Request values are read one way: blank is not given, white space is dropped, a bad value names its field. */
class RequestValuesTest {

    @Test
    void aBlankValueIsNotGivenAndWhiteSpaceAroundAValueIsDropped() {
        assertThat(RequestValues.blank(null)).isTrue();
        assertThat(RequestValues.blank(" \t")).isTrue();
        assertThat(RequestValues.blank(" x ")).isFalse();
        assertThat(RequestValues.given("  ")).isNull();
        assertThat(RequestValues.given(" Dirk ")).isEqualTo("Dirk");
        assertThat(RequestValues.date("from", " ", "loop.invalid.date")).isNull();
        assertThat(RequestValues.uuid("id", null, "journey.invalid.uuid")).isNull();
        assertThat(RequestValues.choice("unit", "", ChronoUnit.class, "platform.invalid.value", "")).isNull();
        assertThat(RequestValues.whole("agents", "", "demand.invalid.wholeNumber")).isNull();
        assertThat(RequestValues.decimal("calls", null, "demand.invalid.calls")).isNull();
    }

    @Test
    void readsDatesIdsChoicesAndNumbers() {
        UUID id = UUID.randomUUID();
        assertThat(RequestValues.date("from", " 2026-03-01 ", "loop.invalid.date")).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(RequestValues.uuid("id", " " + id + " ", "journey.invalid.uuid")).isEqualTo(id);
        assertThat(RequestValues.id("id", id.toString(), Wrapped::new, "journey.invalid.uuid")).isEqualTo(new Wrapped(id));
        assertThat(RequestValues.choice("unit", " days ", ChronoUnit.class, "platform.invalid.value", "days")).isEqualTo(ChronoUnit.DAYS);
        assertThat(RequestValues.whole("agents", " 12 ", "demand.invalid.wholeNumber")).isEqualTo(12);
        assertThat(RequestValues.decimal("calls", "4,5", "demand.invalid.calls")).isEqualTo(4.5);
    }

    @Test
    void aValueThatCannotBeReadIsRefusedNamingItsFieldThroughTheCallersKeyWithTheValueAsSent() {
        assertRefused(() -> RequestValues.date("from", "1-3-2026", "loop.invalid.date"), "from", "loop.invalid.date", "1-3-2026");
        assertRefused(() -> RequestValues.uuid("stage", "abc", "journey.invalid.uuid"), "stage", "journey.invalid.uuid", "abc");
        assertRefused(() -> RequestValues.whole("agents", "2.5", "demand.invalid.wholeNumber"), "agents", "demand.invalid.wholeNumber", "2.5");
        assertRefused(() -> RequestValues.decimal("calls", "veel", "demand.invalid.calls"), "calls", "demand.invalid.calls", "veel");
        // A choice's arguments are the caller's: its text may name the choices, not the value.
        assertRefused(() -> RequestValues.choice("by", "PERSON", ChronoUnit.class, "loop.invalid.by"), "by", "loop.invalid.by");
        assertRefused(() -> RequestValues.required("customerId", " ", "privacy.invalid.required"), "customerId", "privacy.invalid.required");
        assertRefused(() -> RequestValues.requiredChoice("by", " ", ChronoUnit.class, "loop.invalid.by"), "by", "loop.invalid.by");
        assertThat(RequestValues.requiredChoice("by", "Weeks", ChronoUnit.class, "loop.invalid.by")).isEqualTo(ChronoUnit.WEEKS);
        assertRefused(() -> RequestValues.require(RequestValues.date("day", "", "demand.invalid.day"), "day", "demand.invalid.day", ""),
                "day", "demand.invalid.day", "");
    }

    @Test
    void aFormCollectsTheErrorsOfEveryFieldInsteadOfStoppingAtTheFirst() {
        List<FieldError> errors = new ArrayList<>();
        Integer agents = RequestValues.collecting(errors, () -> RequestValues.whole("agents", "x", "demand.invalid.wholeNumber"));
        Double calls = RequestValues.collecting(errors, () -> RequestValues.decimal("calls", "y", "demand.invalid.calls"));
        Integer fine = RequestValues.collecting(errors, () -> RequestValues.whole("size", "3", "demand.invalid.wholeNumber"));

        assertThat(agents).isNull();
        assertThat(calls).isNull();
        assertThat(fine).isEqualTo(3);
        assertThat(errors).extracting(FieldError::field).containsExactly("agents", "calls");
        assertThat(errors.get(0).message()).isEqualTo("'x' is not a whole number");
    }

    private static void assertRefused(Runnable read, String field, String key, Object... args) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.errors()).hasSize(1);
            assertThat(e.errors().get(0).field()).isEqualTo(field);
            assertThat(e.errors().get(0).key()).isEqualTo(key);
            assertThat(e.errors().get(0).args()).containsExactly(args);
        });
    }

    record Wrapped(UUID id) {
    }
}
