package nl.buitenin.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.organisation.Organisation;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.organisation.PersonWord;
import nl.buitenin.platform.EventBacklog;
import nl.buitenin.platform.StartupNotes;

/**
 * Loads Buitenpad Wandelreizen into an empty database when started with the demo profile
 * ({@code ./buitenin demo}). A database that already has users is left as it is, so a restart keeps
 * whatever was changed in the demo.
 */
@Component
@Profile("demo")
@Order(10)
class DemoLoader implements ApplicationRunner {

    static final String PASSWORD = "buitenpad-demo";
    private static final Duration SETTLE = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final Users users;
    private final Organisations organisations;
    private final List<DemoStep> steps;
    private final DemoProperties properties;
    private final StartupNotes notes;
    private final Clock clock;
    private final EventBacklog listeners;

    DemoLoader(Users users, Organisations organisations, List<DemoStep> steps, DemoProperties properties,
            StartupNotes notes, Clock clock, EventBacklog listeners) {
        this.listeners = listeners;
        this.users = users;
        this.organisations = organisations;
        this.steps = steps.stream().sorted(Comparator.comparingInt(DemoStep::order)).toList();
        this.properties = properties;
        this.notes = notes;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.all().isEmpty()) {
            load();
        } else {
            log.info("The database already holds an organisation; the demo is not loaded again.");
        }
        notes.add("Demo sign-in, password '" + PASSWORD + "' for each: beheerder (admin), analist (analyst), "
                + "medewerker (agent), teamleider (agent, team lead), planner (planner), fg (privacy officer).");
    }

    void load() {
        long start = System.nanoTime();
        Organisation organisation = organisations.update(new Organisation("Buitenpad Wandelreizen", PersonWord.TRAVELLER,
                "nl", java.time.ZoneId.of("Europe/Amsterdam")));
        createUsers();
        DemoContext context = new DemoContext(properties.people(), properties.seed(),
                LocalDate.now(clock.withZone(organisation.timeZone())), organisation.timeZone());
        for (DemoStep step : steps) {
            long stepStart = System.nanoTime();
            step.load(context);
            // What the listeners make of a step's writes (cases opened, texts analysed) is done before the next step reads
            // it, so each start of the demo gives the same data, and the demo is whole once the links are printed.
            if (!listeners.awaitSettled(SETTLE)) {
                log.warn("Demo: the listeners were still busy {} after the step '{}'; the next step goes on", SETTLE, step.name());
            }
            log.info("Demo: {} loaded in {} ms", step.name(), (System.nanoTime() - stepStart) / 1_000_000);
        }
        log.info("Demo organisation '{}' with {} people loaded in {} ms", organisation.name(), properties.people(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private void createUsers() {
        user("beheerder", "Bea Beheer", Set.of(Role.ADMIN), null);
        user("analist", "Anouk Analist", Set.of(Role.ANALYST), null);
        user("medewerker", "Mehmet de Vries", Set.of(Role.AGENT), "Klantenservice");
        // Agent and lead of Klantenservice (the lead comes from the loop step's team), as the README and start-up banner say.
        user("teamleider", "Tineke Leijten", Set.of(Role.AGENT), "Klantenservice");
        user("planner", "Pieter Planner", Set.of(Role.PLANNER), null);
        user("fg", "Femke Gegevens", Set.of(Role.PRIVACY_OFFICER), null);
    }

    private void user(String username, String name, Set<Role> roles, String team) {
        users.create(new NewUser(username, name, PASSWORD, roles, team, "nl", false));
    }
}
