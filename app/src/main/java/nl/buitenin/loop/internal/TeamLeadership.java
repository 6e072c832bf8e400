package nl.buitenin.loop.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import nl.buitenin.access.User;
import nl.buitenin.access.UserId;
import nl.buitenin.access.Users;
import nl.buitenin.loop.TeamLeads;

/** Team leads from loop's teams ({@link Teams}) and the users' own teams. */
@Component
class TeamLeadership implements TeamLeads {

    private final Teams teams;
    private final Users users;

    TeamLeadership(Teams teams, Users users) {
        this.teams = teams;
        this.users = users;
    }

    @Override
    public boolean leads(UserId user, String team) {
        return team != null && teams.isLead(user.value(), team);
    }

    @Override
    public Optional<String> teamLedBy(UserId user) {
        return users.byId(user).flatMap(this::ledBy);
    }

    @Override
    public Optional<String> teamLedBy(String username) {
        return users.byUsername(username).flatMap(this::ledBy);
    }

    @Override
    public Optional<UserId> leadOf(String team) {
        return team == null ? Optional.empty() : teams.named(team).map(Teams.Team::lead).filter(java.util.Objects::nonNull).map(UserId::new);
    }

    private Optional<String> ledBy(User user) {
        return Optional.ofNullable(user.team()).filter(team -> leads(user.id(), team));
    }
}
