package nl.buitenin.loop.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import nl.buitenin.access.User;
import nl.buitenin.access.Users;
import nl.buitenin.loop.internal.CaseFile;
import nl.buitenin.loop.internal.CaseTypes;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.NotFoundException;

/** What the loop pages share: the signed-in user and turning cases into views. */
@Component
class LoopPages {

    private final Users users;
    private final CaseTypes types;
    private final Organisations organisations;
    private final Clock clock;

    LoopPages(Users users, CaseTypes types, Organisations organisations, Clock clock) {
        this.users = users;
        this.types = types;
        this.organisations = organisations;
        this.clock = clock;
    }

    User me() {
        return users.current().orElseThrow(() -> new NotFoundException("access.thing.user", "current"));
    }

    ZoneId zone() {
        return organisations.current().timeZone();
    }

    Clock clock() {
        return clock;
    }

    Map<UUID, String> userNames() {
        return users.all().stream().collect(Collectors.toMap(u -> u.id().value(), User::displayName));
    }

    List<User> teamMembers(String team) {
        return users.all().stream().filter(u -> team != null && team.equals(u.team())).toList();
    }

    List<CaseView> views(List<CaseFile> cases, Locale locale) {
        Map<String, CaseTypes.Definition> byCode = types.all().stream()
                .collect(Collectors.toMap(d -> d.type().code(), Function.identity()));
        Map<UUID, String> names = userNames();
        var now = clock.instant();
        return cases.stream().map(c -> CaseView.of(c, byCode, names, zone(), now, locale)).toList();
    }

    CaseView view(CaseFile c, Locale locale) {
        return views(List.of(c), locale).get(0);
    }
}
