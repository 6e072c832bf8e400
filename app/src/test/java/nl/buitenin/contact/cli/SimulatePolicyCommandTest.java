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
        double share = JsonPath.read(json, "$.shareInvitedMoreThanOnce");
        double baseline = JsonPath.read(json, "$.everyContactShareAskedMoreThanOnce");
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
}
