package nl.buitenin.groups.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.buitenin.groups.GroupId;
import nl.buitenin.groups.GroupKind;
import nl.buitenin.privacy.PersonKey;

/**
 * The stretches in which a rule holds follow the attribute history, whatever order the attributes were recorded in;
 * evaluated from a moment on, they are joined to those before it.
 */
class RuleMembershipsTest {

    static final PersonKey PERSON = new PersonKey("p_aaaaaaaaaaaaaaaaaaaaaaaaaa");

    @Test
    void aRuleHoldsFromTheMomentItsConditionsAreMetUntilOneIsNoLonger() {
        Group group = new Group(GroupId.random(), "Rustig", "Relaxed", "", "", GroupKind.RULE, null,
                Rule.parse("rule", "pace = relaxed and trips >= 2"), true, Instant.EPOCH, Instant.EPOCH);
        List<Attribute> timeline = List.of(attribute("pace", "relaxed", "2011-01-01T00:00:00Z"), attribute("trips", "1", "2011-01-01T00:00:00Z"),
                attribute("trips", "2", "2011-02-01T00:00:00Z"), attribute("pace", "brisk", "2011-03-01T00:00:00Z"),
                attribute("trips", "3", "2011-03-15T00:00:00Z"), attribute("pace", "relaxed", "2011-04-01T00:00:00Z"));
        assertThat(RuleMemberships.stretches(group, timeline)).map(s -> s[0] + "/" + s[1])
                .containsExactly("2011-02-01T00:00:00Z/2011-03-01T00:00:00Z", "2011-04-01T00:00:00Z/null");
        assertThat(RuleMemberships.stretches(group, List.of(attribute("pace", "relaxed", "2011-01-01T00:00:00Z")))).isEmpty();
    }

    /**
     * Evaluated from a moment on, the stretches before it stay as they were and those after it follow the new evaluation,
     * one stretch where the rule held on through the moment; by hand.
     */
    @Test
    void stretchesFromAMomentOnAreJoinedToThoseBefore() {
        Instant since = Instant.parse("2011-06-01T00:00:00Z");
        // Held before and on through the moment: one stretch, ending where the new evaluation says.
        assertThat(joined(l(s("2011-01-01", "2011-02-01"), s("2011-05-01", null)), since, l(s("2011-04-01", "2011-07-01"))))
                .containsExactly("2011-01-01/2011-02-01", "2011-05-01/2011-07-01");
        // Held before, no longer from the moment on: cut there.
        assertThat(joined(l(s("2011-05-01", null)), since, l())).containsExactly("2011-05-01/2011-06-01");
        // Ended right at the moment and holds again from it: one stretch.
        assertThat(joined(l(s("2011-05-01", "2011-06-01")), since, l(s("2011-06-01", null))))
                .containsExactly("2011-05-01/null");
        // Stretches after the moment in the earlier evaluation go; the new one's before the moment are not taken.
        assertThat(joined(l(s("2011-07-01", "2011-08-01")), since, l(s("2011-01-01", "2011-03-01"), s("2011-06-15", null))))
                .containsExactly("2011-06-15/null");
        // Not held before: the new stretch starts at the moment at the earliest.
        assertThat(joined(l(), since, l(s("2011-03-01", "2011-09-01")))).containsExactly("2011-06-01/2011-09-01");
    }

    private static List<String> joined(List<Instant[]> earlier, Instant since, List<Instant[]> fresh) {
        return RuleMemberships.joined(earlier, since, fresh).stream()
                .map(s -> s[0].toString().substring(0, 10) + "/" + (s[1] == null ? "null" : s[1].toString().substring(0, 10))).toList();
    }

    private static List<Instant[]> l(Instant[]... stretches) {
        return java.util.Arrays.asList(stretches);
    }

    private static Instant[] s(String from, String to) {
        return new Instant[] {Instant.parse(from + "T00:00:00Z"), to == null ? null : Instant.parse(to + "T00:00:00Z")};
    }

    private static Attribute attribute(String name, String value, String from) {
        return new Attribute(PERSON, name, value, Instant.parse(from), name + from);
    }
}
