package nl.buitenin.contact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.jayway.jsonpath.JsonPath;

import picocli.CommandLine;

/**
 * simulate-policy with offers on a constructed file, every figure counted by hand below (Europe/Amsterdam; a policy that
 * invites after every contact at once, so each interaction is also an invitation in the person's contact log; the offer
 * rules, budget and interest settings are the defaults: a purchase adds 1 halving in 14 days, a search 0.4 halving in
 * 10 days, an interest counts above 0.5, no offer within 7 days after a survey, one offer per topic in 30 days).
 *
 * <p>A books Cuba on Monday 3 March 12:00. The naive rule asks on 4, 11, 18 and 25 March (10:00). Policy: 4 March
 * refused (survey the day before); 11 March sent (interest 2^(−190/336) = 0.68); 18 and 25 March refused twice each
 * (interest 0.48 and lower, and the topic's cap).
 *
 * <p>B searches Japan on 5, 12 and 19 March (09:00), each also an invitation. Naive: 6, 13, 20 and 27 March. Policy: 6
 * March refused (survey; interest 0.4 × 0.93 = 0.37), 13 and 20 March refused (survey the day before, though the
 * interest counts: 0.60 and 0.74), 27 March refused (interest 0.80 × 2^(−193/240) = 0.46).
 *
 * <p>C has two contacts without a topic (10 and 20 March). Requested 8, sent 1; refused for a survey 4 times, for no
 * interest 4 times, for the topic's cap twice. Contacts in March, with N = 2: policy A 2 (invitation, offer), B 3
 * (invitations), C 2: one person over; naive A 1 + 4, B 3 + 4, C 2: two people over.
 *
 * <p>Cuba alone, booked on 31 March 2024 (a year before the last day): the naive rule offers on 1 April 2024 and every
 * week until 31 March 2025, 53 times; the policy once.
 */
class SimulateOffersTest {

    @TempDir
    Path folder;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path file;
    Path askAlways;

    @BeforeEach
    void files() throws Exception {
        file = Files.writeString(folder.resolve("interactions.csv"), """
                time,person,touchpoint,topic,kind
                2025-03-03T12:00:00,reiziger-a,boekingen,Cuba,purchase
                2025-03-05T09:00:00,reiziger-b,site,Japan,search
                2025-03-10T11:00:00,reiziger-c,balie,,
                2025-03-12T09:00:00,reiziger-b,site,japan,search
                2025-03-19T09:00:00,reiziger-b,site,Japan,search
                2025-03-20T11:00:00,reiziger-c,balie,,
                """);
        askAlways = Files.writeString(folder.resolve("always.json"), """
                {"sampleShare":1.0,"recontactDays":0,"capPerQuarter":100,"capPerYear":400,"quietFrom":"00:00","quietUntil":"00:00",
                 "quietDays":[],"operationalContactDays":0}""");
    }

    int run(String... args) {
        CommandLine commandLine = new CommandLine(new SimulatePolicyCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void theNaiveRuleAndThePolicyAreCountedAsByHand() {
        assertThat(run("--interactions", file.toString(), "--policy", askAlways.toString(), "--to", "2025-03-31", "--contacts-per-month", "2",
                "--json")).as("stderr: %s", err).isZero();
        String json = out.toString();
        assertThat((int) JsonPath.read(json, "$.invitations")).isEqualTo(6);
        assertThat((int) JsonPath.read(json, "$.offers.requested")).isEqualTo(8);
        assertThat((int) JsonPath.read(json, "$.offers.sent")).isEqualTo(1);
        assertThat((int) JsonPath.read(json, "$.offers.refused")).isEqualTo(7);
        assertThat(JsonPath.<Map<String, Integer>>read(json, "$.offers.refusedByReason"))
                .isEqualTo(Map.of("RECENT_SURVEY", 4, "NO_INTEREST", 4, "TOPIC_CAP", 2));
        assertThat((int) JsonPath.read(json, "$.offers.monthlyLimit")).isEqualTo(2);
        assertThat((int) JsonPath.read(json, "$.offers.peopleContactedOverLimit")).isEqualTo(1);
        assertThat((int) JsonPath.read(json, "$.offers.naivePeopleContactedOverLimit")).isEqualTo(2);
        assertThat(JsonPath.<Number>read(json, "$.offers.shareContactedOverLimit").doubleValue()).isEqualTo(1.0 / 3);
        assertThat((String) JsonPath.read(json, "$.offers.cuba.booked")).isEqualTo("2024-03-31");
        assertThat((int) JsonPath.read(json, "$.offers.cuba.naiveOffers")).isEqualTo(53);
        assertThat((int) JsonPath.read(json, "$.offers.cuba.policyOffers")).isEqualTo(1);
    }

    @Test
    void theTableNamesTheReasonsInWords() {
        assertThat(run("--interactions", file.toString(), "--policy", askAlways.toString(), "--to", "2025-03-31", "--contacts-per-month", "2"))
                .as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("offers sent", "people contacted more than 2 times in a month", "sent a survey recently",
                "no interest that counts now", "maximum offers on this topic reached").doesNotContain("RECENT_SURVEY", "TOPIC_CAP");
    }

    @Test
    void withoutTopicsThereIsNoOffersPart() throws Exception {
        Path plain = Files.writeString(folder.resolve("plain.csv"), "time,person,touchpoint\n2025-03-10T11:00:00,reiziger-c,balie\n");
        assertThat(run("--interactions", plain.toString(), "--json")).as("stderr: %s", err).isZero();
        assertThat((Object) JsonPath.read(out.toString(), "$.offers")).isNull();
    }

    @Test
    void anUnknownKindIsNamedByLine() throws Exception {
        Path bad = Files.writeString(folder.resolve("bad.csv"), "time,person,touchpoint,topic,kind\n2025-03-10T11:00:00,reiziger-c,balie,Cuba,booking\n");
        assertThat(run("--interactions", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 2", "kind 'booking'");
    }
}
