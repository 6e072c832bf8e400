package nl.buitenin.contact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.jayway.jsonpath.JsonPath;

import picocli.CommandLine;

class SimulatePolicyCommandTest {

    @TempDir
    Path folder;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    static Path year() throws Exception {
        return Paths.get(SimulatePolicyCommandTest.class.getResource("/contact/interactions-2025.csv").toURI());
    }

    int run(String... args) {
        CommandLine commandLine = new CommandLine(new SimulatePolicyCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void aPolicyWithoutLimitsInvitesAfterEveryContactLikeTheBaseline() throws Exception {
        Path askAlways = Files.writeString(folder.resolve("always.json"), """
                {"sampleShare":1.0,"recontactDays":0,"capPerQuarter":100,"capPerYear":400,"quietFrom":"00:00","quietUntil":"00:00",
                 "quietDays":[],"operationalContactDays":0}""");
        assertThat(run("--interactions", year().toString(), "--policy", askAlways.toString(), "--json")).as("stderr: %s", err).isZero();
        String json = out.toString();
        int interactions = JsonPath.read(json, "$.interactions");
        assertThat(interactions).isEqualTo(16640);
        assertThat((int) JsonPath.read(json, "$.invitations")).isEqualTo(interactions);
        assertThat((int) JsonPath.read(json, "$.peopleInvitedMoreThanOnce")).isEqualTo((int) JsonPath.read(json, "$.everyContactPeopleAskedMoreThanOnce"));
    }

    @Test
    void theDefaultPolicyAsksFarFewerPeopleMoreThanOnceAndSaysWhy() throws Exception {
        assertThat(run("--interactions", year().toString(), "--json")).as("stderr: %s", err).isZero();
        String json = out.toString();
        int interactions = JsonPath.read(json, "$.interactions");
        int invitations = JsonPath.read(json, "$.invitations");
        // A double with seventeen digits is read as a BigDecimal, so through Number.
        double share = JsonPath.<Number>read(json, "$.shareInvitedMoreThanOnce").doubleValue();
        double baseline = JsonPath.<Number>read(json, "$.everyContactShareAskedMoreThanOnce").doubleValue();
        assertThat(invitations).isLessThan(interactions / 5);
        assertThat(share).isLessThan(baseline / 4);
        assertThat((int) JsonPath.read(json, "$.mostInvitationsForOnePerson")).isLessThanOrEqualTo(4);
        assertThat((int) JsonPath.read(json, "$.refusalsByReason.NOT_SAMPLED")).isPositive();
        assertThat((int) JsonPath.read(json, "$.refusalsByReason.RECONTACT_WINDOW")).isPositive();
        assertThat((int) JsonPath.read(json, "$.refusalsByReason.RECENT_OPERATIONAL_CONTACT")).isPositive();
        assertThat((int) JsonPath.read(json, "$.invitations") + (int) JsonPath.read(json, "$.refusals")).isEqualTo(interactions);
    }

    @Test
    void theReportCanBeLimitedToAPeriodAndPrintedAsATable() throws Exception {
        assertThat(run("--interactions", year().toString(), "--from", "2025-04-01", "--to", "2025-06-30")).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("ask after every contact").contains("share of people asked more than once").contains("NOT_SAMPLED");
    }

    @Test
    void badRowsAreNamedByLine() throws Exception {
        Path bad = Files.writeString(folder.resolve("bad.csv"), """
                time,customer,touchpoint
                2025-03-01T10:00:00,BP1,web
                yesterday,BP2,web
                2025-03-01T11:00:00,,web
                """);
        assertThat(run("--interactions", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 3").contains("yesterday").contains("line 4").contains("person is empty");
        Path noHeader = Files.writeString(folder.resolve("noheader.csv"), "when,who\n2025-01-01T10:00:00,x\n");
        assertThat(run("--interactions", noHeader.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("header");
    }

    /**
     * Ten people each with a contact on a Tuesday at 14:00, ten on a Tuesday at 21:30 and ten on a Saturday at 21:30, everyone
     * sampled: without waiting only the afternoon is invited; waiting at most 24 hours adds the Tuesday evening (invited on
     * Wednesday at 09:00), while Saturday evening would wait until Monday 09:00, 35.5 hours, and is too long after the contact.
     */
    @Test
    void eveningContactsAreInvitedTheNextMorningAndTheShareIsReportedPerHour() throws Exception {
        StringBuilder csv = new StringBuilder("time,customer,touchpoint\n");
        for (int i = 0; i < 10; i++) {
            csv.append("2025-03-04T14:00:00,afternoon-").append(i).append(",phone\n");
            csv.append("2025-03-04T21:30:00,evening-").append(i).append(",phone\n");
            csv.append("2025-03-08T21:30:00,saturday-").append(i).append(",phone\n");
        }
        Path file = Files.writeString(folder.resolve("evenings.csv"), csv);
        Path policy = Files.writeString(folder.resolve("policy.json"), "{\"sampleShare\": 1.0, \"operationalContactDays\": 0}");
        assertThat(run("--interactions", file.toString(), "--policy", policy.toString(), "--json")).as("stderr: %s", err).isZero();
        String json = out.toString();
        assertThat((int) JsonPath.read(json, "$.invitations")).isEqualTo(20);
        assertThat((int) JsonPath.read(json, "$.postponedPastQuietTime")).isEqualTo(10);
        assertThat((int) JsonPath.read(json, "$.refusalsByReason.TOO_LONG_AFTER_CONTACT")).isEqualTo(10);
        assertThat((int) JsonPath.read(json, "$.perHour[14].contacts")).isEqualTo(10);
        assertThat((int) JsonPath.read(json, "$.perHour[14].invited")).isEqualTo(10);
        assertThat((int) JsonPath.read(json, "$.perHour[21].contacts")).isEqualTo(20);
        assertThat((int) JsonPath.read(json, "$.perHour[21].invited")).isEqualTo(10);
        assertThat((int) JsonPath.read(json, "$.perHourWithoutWaiting[21].invited")).isZero();
        assertThat((int) JsonPath.read(json, "$.perHourWithoutWaiting[14].invited")).isEqualTo(10);
        assertThat(JsonPath.<Number>read(json, "$.perHour[21].share").doubleValue()).isEqualTo(0.5);

        out.getBuffer().setLength(0);
        assertThat(run("--interactions", file.toString(), "--policy", policy.toString())).isZero();
        assertThat(out.toString()).contains("waits at most 24 hours after its contact")
                .containsPattern("21:00-22:00 +20 +0 +0\\.0% +10 +50\\.0%")
                .containsPattern("14:00-15:00 +10 +10 +100\\.0% +10 +100\\.0%");
    }
}
