package nl.buitenin.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.groups.internal.JdbcAttributes;
import nl.buitenin.groups.internal.JdbcMemberships;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.RetentionExpired;
import nl.buitenin.privacy.internal.Erasure;
import nl.buitenin.privacy.internal.Exports;
import nl.buitenin.privacy.internal.PersonExport;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;

/**
 * Memberships and attributes are personal data: in the person's export under the purpose "customer groups", gone after
 * their erasure (somebody else's stay), and past the purpose's retention the memberships that ended and the values
 * replaced before the cutoff go while the current ones stay.
 */
@DatabaseTest
@AutoConfigureMockMvc
class GroupsPrivacyTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    Persons persons;
    @Autowired
    Exports exports;
    @Autowired
    Erasure erasure;
    @Autowired
    JdbcMemberships memberships;
    @Autowired
    JdbcAttributes attributes;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void exportErasureAndRetentionReachEveryMembershipAndAttribute() throws Exception {
        GroupsFixture fixture = GroupsFixture.in(context, mvc);
        String split = Unique.name("tempo");
        GroupId brisk = fixture.group("CHOSEN", split, null);
        GroupId enjoying = fixture.group("CHOSEN", split, null);
        PersonKey person = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Mies Bakker", "mies@example.org", null));
        PersonKey bystander = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Bram", null, null));
        String tag = Unique.name("p");
        // An attribute name of this test's own: groups by rule that other tests in the same context created read "pace".
        String pace = "pace_" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        for (PersonKey p : List.of(person, bystander)) {
            fixture.memberships(List.of(new String[] {tag + p.value() + "1", p.value(), brisk.toString(), "2011-01-01T00:00:00Z"},
                    new String[] {tag + p.value() + "2", p.value(), enjoying.toString(), "2011-03-01T00:00:00Z"}));
            mvc.perform(post("/api/v1/groups/attributes").with(user(fixture.admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"items\":[{\"sourceId\":\"" + tag + p.value() + "a\",\"person\":\"" + p.value()
                            + "\",\"name\":\"" + pace + "\",\"value\":\"brisk\",\"at\":\"2011-01-01T00:00:00Z\"},{\"sourceId\":\"" + tag + p.value()
                            + "b\",\"person\":\"" + p.value() + "\",\"name\":\"" + pace + "\",\"value\":\"relaxed\",\"at\":\"2011-03-01T00:00:00Z\"}]}"))
                    .andExpect(status().isOk());
        }

        PersonExport export = exports.export(person);
        PersonExport.Section groups = export.sections().stream().filter(s -> s.name().equals("groups")).findFirst().orElseThrow();
        assertThat(groups.purpose()).isEqualTo(CustomerGroups.PURPOSE);
        assertThat(groups.records()).hasSize(2);
        assertThat(export.sections().stream().filter(s -> s.name().equals("group-attributes")).findFirst().orElseThrow().records())
                .hasSize(2);

        // Retention: the membership that ended on 1 March and the value replaced then are past a cutoff of 1 April.
        EventsHandled handled = EventsHandled.since(registry);
        transactions.executeWithoutResult(s -> events.publishEvent(new RetentionExpired(CustomerGroups.PURPOSE,
                Instant.parse("2011-04-01T00:00:00Z"))));
        handled.await();
        assertThat(memberships.of(person)).extracting(m -> m.group()).containsExactly(enjoying);
        assertThat(attributes.of(person)).extracting(a -> a.value()).containsExactly("relaxed");

        EventsHandled erased = EventsHandled.since(registry);
        assertThat(erasure.erase(person, "test")).isTrue();
        erased.await();
        assertThat(memberships.of(person)).isEmpty();
        assertThat(attributes.of(person)).isEmpty();
        assertThat(memberships.of(bystander)).extracting(m -> m.group()).containsExactly(enjoying);
        assertThat(attributes.of(bystander)).hasSize(1);
    }
}
