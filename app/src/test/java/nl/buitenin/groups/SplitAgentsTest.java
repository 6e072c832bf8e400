package nl.buitenin.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.groups.internal.SplitAgents;
import nl.buitenin.groups.internal.SplitComparison;
import nl.buitenin.groups.internal.SplitEconomics;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.journey.internal.NewInteraction;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * Agents as a cost of a split, on a set built by hand. The split was 40 days ago; "before" and "after" are 28 days each.
 * The organisation staffs its phone line for 80 % answered within 20 seconds, a call takes 300 seconds, an agent's hour
 * costs € 30; demand counts in blocks of 15 minutes (900 s).
 * <p>
 * Group A (5 people): before the split each phones once, on days of their own (5 blocks of 1 call). After it all five
 * phone in one block, a0 twice (1 block of 6 calls), and a1…a4 once more on days of their own (4 blocks of 1 call).
 * Not counted: a0's chat in that block (not the phone), a0's purchase by phone in it (no contact), a non-member's call in
 * it, and a3's call 30 days after the split (past "after"). Group B has two callers: hidden by the small-cell rule (5).
 * <p>
 * Erlang C by hand (a = calls × 300 / 900 Erlang; C(n, a) the probability of waiting, service level
 * 1 − C·e^(−(n−a)·20/300)): one call, a = 1/3: n = 1 gives C = 1/3, SL = 0.681 (too low); n = 2 gives C = 0.0476,
 * SL = 0.957, so 2 agents. Six calls, a = 2: n = 3 gives C = 0.444, SL = 0.584; n = 4 gives C = 0.174, SL = 0.848, so 4
 * agents. Before: 5 × 2 agents × ¼ h = 2.5 agent hours; after: 4 × ¼ h + 4 × 2 × ¼ h = 3.0. A month is 365.25 / 12 =
 * 30.4375 days, so before 2.5 × 30.4375 / 28 = 2.71763 and after 3.0 × 30.4375 / 28 = 3.26116 hours a month: 0.54353
 * extra agent hours, € 16.31 a month. The agent counts are checked once more below with the textbook Erlang C sum
 * (a^n/n! · n/(n−a) over Σ a^k/k! plus that term), written in the test apart from demand's recurrence.
 */
@DatabaseTest
@AutoConfigureMockMvc
class SplitAgentsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    SmallCellRule smallCells;
    @Autowired
    InteractionIngest ingest;
    @Autowired
    SplitComparison comparison;
    @Autowired
    SplitEconomics economics;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    Organisations organisations;

    @Test
    void theExtraAgentHoursOfEachGroupComeFromDemandsErlangStaffingOfItsPhoneCalls() throws Exception {
        assertThat(smallCells.k()).as("the set below is built for the default small-cell rule").isEqualTo(5);
        assertThat(textbookAgents(1, 900, 300, 0.80, 20)).as("hand computation, one call").isEqualTo(2);
        assertThat(textbookAgents(6, 900, 300, 0.80, 20)).as("hand computation, six calls").isEqualTo(4);

        GroupsFixture fixture = GroupsFixture.in(context, mvc);
        String split = Unique.name("agents");
        GroupId a = fixture.group("CHOSEN", split, null);
        GroupId b = fixture.group("CHOSEN", split, null);
        List<PersonKey> as = fixture.people(5);
        List<PersonKey> bs = fixture.people(2);
        PersonKey outsider = fixture.person();
        ZoneId zone = organisations.current().timeZone();
        LocalDate day = LocalDate.now(zone).minusDays(40);
        Instant at = day.atStartOfDay(zone).toInstant();
        Instant beforeFrom = day.minusDays(28).atStartOfDay(zone).toInstant();
        Instant afterTo = day.plusDays(28).atStartOfDay(zone).toInstant();
        String tag = Unique.name("agent");
        List<String[]> joins = new ArrayList<>();
        joins.addAll(GroupsFixture.joining(tag, as, a, at.toString()));
        joins.addAll(GroupsFixture.joining(tag, bs, b, at.toString()));
        fixture.memberships(joins);

        var stage = journeys.addStage(journeys.createJourney(new Names(Unique.name("Bellen"), Unique.name("Calling"))), new Names("Vragen", "Questions"));
        TouchpointId phone = journeys.addTouchpoint(stage, new Names(Unique.name("Telefoon"), Unique.name("Phone")), Channel.PHONE, null);
        TouchpointId chat = journeys.addTouchpoint(stage, new Names(Unique.name("Chat"), Unique.name("Chat")), Channel.CHAT, null);
        List<NewInteraction> interactions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            interactions.add(call(phone, as.get(i), at(day.minusDays(20 - i), 10, 5, zone), InteractionKind.CONTACT));
        }
        LocalDate busy = day.plusDays(3);
        for (int i = 0; i < 5; i++) {
            interactions.add(call(phone, as.get(i), at(busy, 10, 1 + 2 * i, zone), InteractionKind.CONTACT));
        }
        interactions.add(call(phone, as.get(0), at(busy, 10, 12, zone), InteractionKind.CONTACT));
        for (int i = 1; i < 5; i++) {
            interactions.add(call(phone, as.get(i), at(day.plusDays(4 + i), 14, 5, zone), InteractionKind.CONTACT));
        }
        // Not counted: another channel, another kind, a non-member, a call past "after".
        interactions.add(call(chat, as.get(0), at(busy, 10, 3, zone), InteractionKind.CONTACT));
        interactions.add(call(phone, as.get(0), at(busy, 10, 4, zone), InteractionKind.PURCHASE));
        interactions.add(call(phone, outsider, at(busy, 10, 6, zone), InteractionKind.CONTACT));
        interactions.add(call(phone, as.get(3), at(day.plusDays(30), 11, 0, zone), InteractionKind.CONTACT));
        for (PersonKey p : bs) {
            interactions.add(call(phone, p, at(day.minusDays(10), 9, 30, zone), InteractionKind.CONTACT));
            interactions.add(call(phone, p, at(day.plusDays(10), 9, 30, zone), InteractionKind.CONTACT));
        }
        ingest.recordValid(interactions);

        String settings = "{\"split\":\"" + split + "\",\"hourlyCost\":35,\"hoursPerTrip\":6,\"groups\":[],\"agentHourlyCost\":30,"
                + "\"servicePercent\":80,\"serviceSeconds\":20,\"ahtSeconds\":300}";
        mvc.perform(put("/api/v1/groups/economics").with(user(fixture.admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(settings)).andExpect(status().isOk());

        SplitEconomics.Result result = economics.of(comparison.compare(split, beforeFrom, at, afterTo, null), null);
        SplitAgents.Result agents = result.agents();
        assertThat(agents.intervalMinutes()).as("demand's blocks").isEqualTo(15);
        assertThat(agents.ahtSeconds()).isEqualTo(300);
        SplitAgents.AgentLine ofA = agents.lines().stream().filter(l -> l.group().id().equals(a)).findFirst().orElseThrow();
        SplitAgents.AgentLine ofB = agents.lines().stream().filter(l -> l.group().id().equals(b)).findFirst().orElseThrow();
        assertThat(ofA.before().calls()).isEqualTo(5);
        assertThat(ofA.before().people()).isEqualTo(5);
        assertThat(ofA.before().agentHours()).isCloseTo(5 * 2 * 0.25, within(1e-9));
        assertThat(ofA.after().calls()).isEqualTo(10);
        assertThat(ofA.after().agentHours()).isCloseTo(4 * 0.25 + 4 * 2 * 0.25, within(1e-9));
        assertThat(ofA.before().agentHoursPerMonth()).isCloseTo(2.71763, within(1e-4));
        assertThat(ofA.after().agentHoursPerMonth()).isCloseTo(3.26116, within(1e-4));
        assertThat(ofA.extraHoursPerMonth()).isCloseTo(0.54353, within(1e-4));
        assertThat(ofA.extraCostPerMonth()).isCloseTo(16.3058, within(1e-3));
        assertThat(ofB.hidden()).isTrue();
        assertThat(agents.extraHoursPerMonth()).as("the total counts the groups shown").isCloseTo(0.54353, within(1e-4));
        assertThat(agents.extraCostPerMonth()).isCloseTo(16.3058, within(1e-3));

        // A stricter service level needs more agents: 90 % within 20 s for one call (a = 1/3) still 2 agents (SL 0.957),
        // for six (a = 2) 5 agents (n = 4 gives 0.848): after = 5 × ¼ + 8 × ¼ = 3.25 hours.
        assertThat(textbookAgents(6, 900, 300, 0.90, 20)).isEqualTo(5);
        mvc.perform(put("/api/v1/groups/economics").with(user(fixture.admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(settings.replace("\"servicePercent\":80", "\"servicePercent\":90"))).andExpect(status().isOk());
        SplitAgents.AgentLine stricter = economics.of(comparison.compare(split, beforeFrom, at, afterTo, null), null).agents().lines()
                .stream().filter(l -> l.group().id().equals(a)).findFirst().orElseThrow();
        assertThat(stricter.after().agentHours()).isCloseTo(3.25, within(1e-9));
        mvc.perform(put("/api/v1/groups/economics").with(user(fixture.admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(settings)).andExpect(status().isOk());

        // The API and the page, in Dutch and English, four weeks either side of the split's day.
        String json = mvc.perform(get("/api/v1/groups/economics").param("split", split).param("date", day.toString()).param("weeks", "4")
                .with(user(fixture.analyst))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Double> extra = JsonPath.read(json, "$.agents.groups[?(@.group == '" + a + "')].extraHoursPerMonth");
        assertThat(extra).singleElement().satisfies(x -> assertThat(x).isCloseTo(0.54353, within(1e-4)));
        List<Boolean> hiddenB = JsonPath.read(json, "$.agents.groups[?(@.group == '" + b + "')].hidden");
        assertThat(hiddenB).containsExactly(true);
        assertThat((Double) JsonPath.read(json, "$.agents.servicePercent")).isEqualTo(80.0);
        for (String language : List.of("nl", "en")) {
            boolean nl = language.equals("nl");
            String html = mvc.perform(get("/groups/economics").param("split", split).param("date", day.toString()).param("weeks", "4")
                    .with(user(nl ? fixture.analystNl : fixture.analyst))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            String text = VisibleText.of(html);
            assertThat(VisibleText.problems(html)).as(language).isEmpty();
            assertThat(VisibleText.codesInText(text)).as(language).isEmpty();
            assertThat(text).as(language).contains(nl
                    ? "5 telefoontjes in 28 dagen voor de splitsing vroegen 2,5 agenturen, 10 telefoontjes in 28 dagen erna 3,0 agenturen; "
                            + "per maand 2,7 en 3,3 uur, een verschil van +0,5 uur. Tegen € 30 per agentuur is dat € 16 per maand."
                    : "5 calls in 28 days before the split needed 2.5 agent hours, 10 calls in 28 days after it 3.0 agent hours; "
                            + "a month 2.7 and 3.3 hours, a difference of +0.5 hours. At € 30 an agent hour that is € 16 a month.",
                    nl ? "80 % binnen 20 seconden" : "80 % within 20 seconds",
                    nl ? "bij een gesprek van 300 seconden (zoals ingevoerd, of de standaard van de personeelsplanning)"
                            : "with a call taking 300 seconds (as entered, or the staffing plan's default)",
                    nl ? "te weinig bellers om te tonen" : "too few callers to show",
                    nl ? "Aan de telefoon verandert het werk met +0,5 agenturen per maand (€ 16)."
                            : "On the phone the work changes by +0.5 agent hours a month (€ 16).");
        }

        // A wrong service level is refused by field, in the reader's language.
        String refused = mvc.perform(put("/api/v1/groups/economics").with(user(fixture.admin)).with(csrf()).header("Accept-Language", "nl")
                .contentType(MediaType.APPLICATION_JSON).content(settings.replace("\"servicePercent\":80", "\"servicePercent\":100")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("\"servicePercent\"", "Kies een getal van 1 tot en met 99.");
    }

    /**
     * The fewest agents for the service level by the textbook Erlang C formula, summed term by term (not demand's
     * recurrence): C(n, a) = (a^n/n! · n/(n−a)) / (Σ_{k<n} a^k/k! + a^n/n! · n/(n−a)).
     */
    static int textbookAgents(double calls, double intervalSeconds, double aht, double share, double seconds) {
        double a = calls * aht / intervalSeconds;
        for (int n = (int) Math.floor(a) + 1; n < 1000; n++) {
            double sum = 0;
            double term = 1;
            for (int k = 0; k < n; k++) {
                sum += term;
                term = term * a / (k + 1);
            }
            double top = term * n / (n - a);
            double waiting = top / (sum + top);
            if (1 - waiting * Math.exp(-(n - a) * seconds / aht) >= share) {
                return n;
            }
        }
        throw new AssertionError("no n");
    }

    private static Instant at(LocalDate day, int hour, int minute, ZoneId zone) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), zone).toInstant();
    }

    private static NewInteraction call(TouchpointId touchpoint, PersonKey person, Instant at, InteractionKind kind) {
        return new NewInteraction("agent-" + UUID.randomUUID(), touchpoint, at, person, kind);
    }
}
