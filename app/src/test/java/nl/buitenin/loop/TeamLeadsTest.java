package nl.buitenin.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.buitenin.access.Role;
import nl.buitenin.access.User;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.loop.internal.Teams;
import nl.buitenin.testing.DatabaseTest;

/**
 * Who leads a team, asked through loop's public {@link TeamLeads}: the lead of a team set up in loop's settings leads it
 * (and their own team is the team they lead); a member of the team, a lead of another team and a user without a team lead
 * nothing here.
 */
@DatabaseTest
class TeamLeadsTest {

    @Autowired
    TeamLeads leads;
    @Autowired
    Teams teams;
    @Autowired
    JdbcUsers users;

    @Test
    void theLeadOfATeamLeadsItAndNobodyElseDoes() {
        String team = "Boekingen " + UUID.randomUUID().toString().substring(0, 8);
        User lead = user(team);
        User member = user(team);
        User elsewhere = user("Reisadvies " + UUID.randomUUID().toString().substring(0, 8));
        User teamless = user(null);
        teams.save(new Teams.Team(team, lead.id().value()));

        assertThat(leads.leads(lead.id(), team)).isTrue();
        assertThat(leads.leads(member.id(), team)).isFalse();
        assertThat(leads.leads(elsewhere.id(), team)).isFalse();
        assertThat(leads.teamLedBy(lead.id())).contains(team);
        assertThat(leads.teamLedBy(lead.username())).contains(team);
        assertThat(leads.teamLedBy(member.id())).isEmpty();
        assertThat(leads.teamLedBy(elsewhere.username())).isEmpty();
        assertThat(leads.teamLedBy(teamless.id())).isEmpty();
        assertThat(leads.teamLedBy("nobody-" + UUID.randomUUID())).isEmpty();
        assertThat(leads.leadOf(team)).contains(lead.id());
        assertThat(leads.leadOf("no such team " + UUID.randomUUID())).isEmpty();
    }

    private User user(String team) {
        String name = "u" + UUID.randomUUID().toString().substring(0, 12);
        users.create(new NewUser(name, "Test " + name, "a long enough password", Set.of(Role.AGENT), team, "nl", false));
        return users.byUsername(name).orElseThrow();
    }
}
