package nl.buitenin.groups.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.buitenin.groups.GroupId;
import nl.buitenin.groups.GroupKind;
import nl.buitenin.privacy.PersonKey;

/** The stretches in which a rule holds follow the attribute history, whatever order the attributes were recorded in. */
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

    private static Attribute attribute(String name, String value, String from) {
        return new Attribute(PERSON, name, value, Instant.parse(from), name + from);
    }
}
