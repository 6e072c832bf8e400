package nl.buitenin.workshop.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import nl.buitenin.assumptions.Assumptions;
import nl.buitenin.assumptions.NewAssumption;
import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.Stage;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.workshop.internal.Group;
import nl.buitenin.workshop.internal.Item;
import nl.buitenin.workshop.internal.ItemKind;
import nl.buitenin.workshop.internal.JdbcWorkshops;
import nl.buitenin.workshop.internal.Participant;
import nl.buitenin.workshop.internal.Workshop;

/**
 * A closed, anonymous workshop of Buitenpad's staff three weeks before the demo's today, on the journey "Wandelreis boeken
 * en beleven": Verkoop, Reisbegeleiding and Klantenservice put twelve notes of every kind on it (among them the
 * assumptions "Bellen om te boeken scoort een 8 of hoger" and "De meeste klachten over de reis gaan over de
 * accommodatie", which the demo's data can test), the facilitator grouped them and the participants voted with three dots
 * each. Written as history (no events), like the demo's interactions; its assumption notes are linked to the demo's
 * assumptions that say the same, so the result shows which held.
 */
@Component
class WorkshopDemo implements DemoStep {

    static final String TITLE = "Klantreis-workshop: boeken en beleven";

    private final JdbcWorkshops store;
    private final Journeys journeys;
    private final Assumptions assumptions;

    WorkshopDemo(JdbcWorkshops store, Journeys journeys, Assumptions assumptions) {
        this.store = store;
        this.journeys = journeys;
        this.assumptions = assumptions;
    }

    @Override
    public int order() {
        return 800;
    }

    @Override
    public String name() {
        return "workshop";
    }

    private record Note(String department, String author, ItemKind kind, String stage, @Nullable String touchpoint, String text,
            @Nullable Integer group, int dots) {
    }

    @Override
    public void load(DemoContext context) {
        Journey journey = journeys.all().stream().filter(j -> j.nameNl().equals("Wandelreis boeken en beleven")).findFirst().orElseThrow();
        LocalDate day = context.today().minusDays(21);
        Instant start = day.atTime(LocalTime.of(13, 30)).atZone(context.zone()).toInstant();
        UUID id = UUID.nameUUIDFromBytes(("workshop-demo-" + context.seed()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        store.insert(new Workshop(id, journey.id(), TITLE, day, true, code(context), Workshop.Status.OPEN, Workshop.Voting.NONE, 3, 1,
                "analist", start.minusSeconds(3 * 24 * 3600), null, List.of("Verkoop", "Reisbegeleiding", "Klantenservice")));
        String[][] people = {{"beheerder", "Verkoop"}, {"planner", "Reisbegeleiding"}, {"medewerker", "Klantenservice"},
                {"teamleider", "Klantenservice"}};
        for (int i = 0; i < people.length; i++) {
            store.insertParticipant(new Participant(UUID.randomUUID(), id, people[i][0], people[i][1], start.plusSeconds(60L * i)));
        }
        List<Group> groups = List.of(new Group(UUID.randomUUID(), 1, "Boeken zonder drempels"),
                new Group(UUID.randomUUID(), 2, "Goed voorbereid op reis"), new Group(UUID.randomUUID(), 3, "Onderweg"));
        groups.forEach(g -> store.insertGroup(id, g));
        List<Note> notes = List.of(
                new Note("Verkoop", "beheerder", ItemKind.ASSUMPTION, "Boeken", "Boeken per telefoon",
                        "Bellen om te boeken scoort een 8 of hoger", 0, 2),
                new Note("Verkoop", "beheerder", ItemKind.PAIN_POINT, "Boeken", "Boeken op de website",
                        "Het boekingsformulier vraagt twee keer om dezelfde gegevens", 0, 3),
                new Note("Verkoop", "beheerder", ItemKind.IDEA, "Oriënteren", "Website",
                        "Laat per reis zien hoe zwaar de dagetappes zijn", 0, 1),
                new Note("Reisbegeleiding", "planner", ItemKind.ASSUMPTION, "Op reis", null,
                        "De meeste klachten over de reis gaan over de accommodatie", 2, 2),
                new Note("Reisbegeleiding", "planner", ItemKind.MOMENT_THAT_MATTERS, "Op reis", "Gids",
                        "De eerste avond met de gids bepaalt hoe de hele reis voelt", 2, 1),
                new Note("Reisbegeleiding", "planner", ItemKind.PAIN_POINT, "Op reis", "Dagetappe met de route-app",
                        "De route-app verliest onderweg vaak het bereik", 2, 0),
                new Note("Reisbegeleiding", "planner", ItemKind.IDEA, "Voorbereiden", "Reisinformatie in de app",
                        "Stuur een week voor vertrek een korte checklist in de app", 1, 2),
                new Note("Klantenservice", "medewerker", ItemKind.ASSUMPTION, "Voorbereiden", "Bevestigingsmail",
                        "Mensen lezen de bevestigingsmail niet", 1, 0),
                new Note("Klantenservice", "medewerker", ItemKind.PAIN_POINT, "Voorbereiden", "Vragen per telefoon",
                        "In de week voor vertrek wachten bellers lang aan de telefoon", 1, 1),
                new Note("Klantenservice", "teamleider", ItemKind.MOMENT_THAT_MATTERS, "Na de reis", "Klacht",
                        "Hoe snel we terugbellen na een klacht", null, 0),
                new Note("Klantenservice", "teamleider", ItemKind.IDEA, "Na de reis", "Nazorg",
                        "Bel na de reis wie een lage score gaf zelf op", null, 0),
                new Note("Klantenservice", "medewerker", ItemKind.PAIN_POINT, "Voorbereiden", null,
                        "Het is onduidelijk welke bagage mee moet op een wandelreis", 1, 0));
        List<String> voters = new ArrayList<>();
        for (String[] person : people) {
            for (int dot = 0; dot < 3; dot++) {
                voters.add(person[0]);
            }
        }
        int voter = 0;
        for (int i = 0; i < notes.size(); i++) {
            Note note = notes.get(i);
            Stage stage = journey.stages().stream().filter(s -> s.nameNl().equals(note.stage())).findFirst().orElseThrow();
            TouchpointId touchpoint = note.touchpoint() == null ? null : stage.touchpoints().stream()
                    .filter(t -> t.nameNl().equals(note.touchpoint())).map(Touchpoint::id).findFirst().orElseThrow();
            Instant at = start.plusSeconds(600L + 90L * i);
            Item item = new Item(UUID.randomUUID(), id, stage.id(), touchpoint, note.kind(), note.text(), note.author(), note.department(),
                    note.group() == null ? null : groups.get(note.group()).id(), null, at, at);
            store.insertItem(item);
            if (note.kind() == ItemKind.ASSUMPTION) {
                handOver(journey, id, item, note);
            }
            for (int dot = 0; dot < note.dots(); dot++) {
                store.insertVote(id, item.id(), voters.get(voter++ % voters.size()), at.plusSeconds(3600));
            }
        }
        store.setVoting(id, Workshop.Voting.CLOSED, 3);
        store.close(id, start.plusSeconds(3 * 3600));
        store.forgetAuthors(id);
    }

    /**
     * Links an assumption note to the demo's assumption with the same statement (the assumptions step wrote them, with
     * their tests, before this one), or proposes it as the hand-over would, so that no assumption is made twice.
     */
    private void handOver(Journey journey, UUID workshop, Item item, Note note) {
        UUID ref = assumptions.adopt(note.text(), journey.id(), workshop).orElseGet(() -> assumptions.propose(
                new NewAssumption(note.text(), note.department(), null, journey.id(), item.touchpoint(), workshop)));
        store.linkAssumption(item.id(), ref);
    }

    /** A join code of the demo's own, from its random generator (the workshop is closed, so nobody joins with it). */
    private static String code(DemoContext context) {
        java.util.Random random = context.random("workshop");
        String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }
}
