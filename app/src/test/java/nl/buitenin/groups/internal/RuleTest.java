package nl.buitenin.groups.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.buitenin.platform.InvalidInputException;

/** The rule format: what it reads, how it decides, and that a wrong rule is refused naming the word where it went wrong. */
class RuleTest {

    @Test
    void conditionsOnTextListsAndNumbersAllMustHold() {
        Rule rule = Rule.parse("rule", "trips >= 3 and age_band in (55-64, 65+) and channel != phone and name = \"Van Dam\"");
        assertThat(rule.attributes()).containsExactlyInAnyOrder("trips", "age_band", "channel", "name");
        Map<String, String> member = Map.of("trips", "3", "age_band", "65+", "channel", "email", "name", "Van Dam");
        assertThat(rule.matches(member)).isTrue();
        assertThat(rule.matches(Map.of("trips", "12", "age_band", "55-64", "channel", "web", "name", "Van Dam"))).as("12 >= 3, not as text").isTrue();
        assertThat(rule.matches(Map.of("trips", "2", "age_band", "65+", "channel", "email", "name", "Van Dam"))).isFalse();
        assertThat(rule.matches(Map.of("trips", "3", "age_band", "35-54", "channel", "email", "name", "Van Dam"))).isFalse();
        assertThat(rule.matches(Map.of("trips", "3", "age_band", "65+", "channel", "phone", "name", "Van Dam"))).isFalse();
        assertThat(rule.matches(Map.of("trips", "3", "age_band", "65+", "name", "Van Dam"))).as("no channel: != does not hold either").isFalse();
        assertThat(rule.matches(Map.of("trips", "veel", "age_band", "65+", "channel", "email", "name", "Van Dam"))).isFalse();
    }

    @Test
    void orderComparisonsReadDecimalCommasAndPoints() {
        assertThat(Rule.parse("rule", "spend > 4.5").matches(Map.of("spend", "4,6"))).as("a value sent with a decimal comma").isTrue();
        assertThat(Rule.parse("rule", "spend > \"4,5\"").matches(Map.of("spend", "4.6"))).as("a comma in a rule's number needs quotes").isTrue();
        assertThat(Rule.parse("rule", "spend < 4.5").matches(Map.of("spend", "4,5"))).isFalse();
        assertThat(Rule.parse("rule", "spend <= 4.5").matches(Map.of("spend", "4,5"))).isTrue();
    }

    @Test
    void aWrongRuleIsRefusedNamingWhereItWentWrong() {
        assertRefused("", "groups.invalid.rule.empty");
        assertRefused("Pace = brisk", "groups.invalid.rule.attribute", "Pace");
        assertRefused("pace = \"brisk", "groups.invalid.rule.word", "\"brisk");
        assertRefused("pace ~ brisk", "groups.invalid.rule.operator", "~");
        assertRefused("pace brisk", "groups.invalid.rule.operator", "brisk");
        assertRefused("trips >= many", "groups.invalid.rule.number", "trips", "many");
        assertRefused("pace = brisk or pace = relaxed", "groups.invalid.rule.and", "or");
        assertRefused("pace =", "groups.invalid.rule.incomplete");
        assertRefused("age in 55, 65", "groups.invalid.rule.list", "age");
        assertRefused("age in (55 65)", "groups.invalid.rule.list", "age");
        assertRefused("pace = =", "groups.invalid.rule.value", "=");
        assertRefused("x = " + "a".repeat(Rule.MAX_LENGTH), "groups.invalid.rule.long", String.valueOf(Rule.MAX_LENGTH));
    }

    private static void assertRefused(String rule, String key, Object... args) {
        assertThatThrownBy(() -> Rule.parse("rule", rule)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("rule");
                assertThat(error.key()).isEqualTo(key);
                assertThat(error.args()).containsExactly(args);
            });
        });
    }
}
