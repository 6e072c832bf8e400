package nl.buitenin.textinsight.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.journey.Interactions;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.listening.Comment;
import nl.buitenin.listening.Comments;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.textinsight.NoteKind;
import nl.buitenin.textinsight.TextSource;
import nl.buitenin.textinsight.internal.DemandAfterCommit;
import nl.buitenin.textinsight.internal.Notes;
import nl.buitenin.textinsight.internal.ResponseText;
import nl.buitenin.textinsight.internal.TextReading;
import nl.buitenin.textinsight.internal.ThemeSuggestions;

/**
 * Buitenpad's texts read: every comment of the demo's answers (which the demo stores without publishing, so no
 * listener saw them) is analysed in batches like a live event, and staff record notes of what they heard on the
 * phone, during a call back, at a home visit and from guides, over the last year; those are analysed through the
 * live path (their event). Complaints are analysed by the listener of the cases the loop demo opened.
 */
@Component
class TextInsightDemo implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(TextInsightDemo.class);
    private static final int BATCH = 500;

    /** What staff heard, per touchpoint (Dutch name) and kind; most in Dutch, some in English. */
    private record Heard(String touchpoint, NoteKind kind, String text) {
    }

    private static final List<Heard> HEARD = List.of(
            new Heard("Vragen per telefoon", NoteKind.PHONE_CALL,
                    "Mevrouw belde voor de derde keer over haar bagage. Ze was boos dat niemand had teruggebeld."),
            new Heard("Vragen per telefoon", NoteKind.PHONE_CALL, "Meneer wilde weten of honden mee mogen. Duidelijk uitgelegd, hij was tevreden."),
            new Heard("Vragen per telefoon", NoteKind.PHONE_CALL, "Lange wachttijd aan de telefoon, klant hing bijna op. Daarna wel goed geholpen."),
            new Heard("Vragen per telefoon", NoteKind.PHONE_CALL, "Caller asked why the route app shows no map offline. Quite annoyed."),
            new Heard("Terugbelgesprek", NoteKind.PHONE_CALL, "Blij dat we terugbelden, de oplossing voor de dubbele boeking werkt."),
            new Heard("Terugbelgesprek", NoteKind.PHONE_CALL, "Nog steeds geen terugbetaling ontvangen, erg teleurgesteld."),
            new Heard("Bezoek aan huis", NoteKind.VISIT, "Fijn gesprek aan de keukentafel. Ze wandelen volgend jaar weer mee."),
            new Heard("Bezoek aan huis", NoteKind.AT_THE_DOOR, "Aan de deur: de folder was onduidelijk over de prijs van de bagagedienst."),
            new Heard("Gids", NoteKind.FOCUS_GROUP, "Focusgroep: het tempo van de groep lag te hoog voor de oudere wandelaars."),
            new Heard("Gids", NoteKind.FOCUS_GROUP, "Focusgroep: de gidsen zijn geweldig, iedereen noemde hun verhalen."),
            new Heard("Gids", NoteKind.FOCUS_GROUP, "Focus group: the guide was friendly, but the groups were too big."),
            new Heard("Accommodatie", NoteKind.FOCUS_GROUP, "Focusgroep: de kamers waren schoon, het ontbijt was karig."),
            new Heard("Accommodatie", NoteKind.PHONE_CALL, "Klacht over lawaai in het hotel, slecht geslapen."),
            new Heard("Dagetappe met de route-app", NoteKind.FOCUS_GROUP, "De route-app is handig, maar de batterij was snel leeg."),
            new Heard("Vragen via de chat", NoteKind.OTHER, "Op de beurs: mensen vinden de website overzichtelijk en de chat snel."),
            new Heard("Klacht", NoteKind.PHONE_CALL, "Klant voelde zich niet gehoord bij de eerste klacht. Excuses aangeboden."));

    private final Comments comments;
    private final Notes notes;
    private final TextReading reading;
    private final Touchpoints touchpoints;
    private final Interactions interactions;
    private final DemandAfterCommit demand;
    private final ThemeSuggestions suggestions;

    TextInsightDemo(Comments comments, Notes notes, TextReading reading, Touchpoints touchpoints, Interactions interactions,
            DemandAfterCommit demand, ThemeSuggestions suggestions) {
        this.suggestions = suggestions;
        this.interactions = interactions;
        this.demand = demand;
        this.comments = comments;
        this.notes = notes;
        this.reading = reading;
        this.touchpoints = touchpoints;
    }

    @Override
    public int order() {
        return 650;
    }

    @Override
    public String name() {
        return "text insight";
    }

    @Override
    public void load(DemoContext context) {
        // The loop step's tags are all in: the model learns from them all before it suggests on the comments.
        suggestions.rebuild();
        int analysed = analyseComments();
        int recorded = recordNotes(context);
        // The demo's contacts came in as history, without events: their reasons are read here, as a listener would.
        Instant end = context.today().plusDays(1).atStartOfDay(context.zone()).toInstant();
        int contacts = demand.readHistory(interactions.withReasons(context.firstDay().atStartOfDay(context.zone()).toInstant(), end));
        log.info("Demo text insight: {} comments analysed, {} notes recorded, {} contact reasons read", analysed, recorded, contacts);
    }

    private int analyseComments() {
        Map<UUID, List<Comment>> byResponse = new LinkedHashMap<>();
        for (Comment comment : comments.latest(null, Integer.MAX_VALUE)) {
            byResponse.computeIfAbsent(comment.response(), r -> new ArrayList<>()).add(comment);
        }
        List<TextReading.Written> texts = new ArrayList<>();
        int analysed = 0;
        for (List<Comment> written : byResponse.values()) {
            // The query sorts by response then question within a moment; the text is read in question order, as live.
            List<Comment> ordered = written.stream().sorted(java.util.Comparator.comparing(Comment::questionKey)).toList();
            Comment first = ordered.get(0);
            texts.add(new TextReading.Written(TextSource.COMMENT, first.response().toString(), first.person(), first.touchpoint(),
                    first.at(), ResponseText.of(ordered)));
            if (texts.size() == BATCH) {
                analysed += reading.analyse(texts).analysed();
                texts.clear();
            }
        }
        return analysed + reading.analyse(texts).analysed();
    }

    private int recordNotes(DemoContext context) {
        Random random = context.random(name());
        Map<String, Touchpoint> byName = new LinkedHashMap<>();
        touchpoints.all().forEach(t -> byName.putIfAbsent(t.nameNl(), t));
        List<PersonKey> persons = persons(context);
        int count = Math.max(HEARD.size(), Math.min(120, context.people() / 40));
        LocalDate today = context.today();
        int recorded = 0;
        for (int i = 0; i < count; i++) {
            Heard heard = HEARD.get(i % HEARD.size());
            Touchpoint touchpoint = byName.get(heard.touchpoint());
            if (touchpoint == null) {
                continue;
            }
            Instant at = today.minusDays(1 + random.nextInt(360)).atTime(9 + random.nextInt(8), random.nextInt(60))
                    .atZone(context.zone()).toInstant();
            // A call or a visit is with one person; a focus group or a fair is not about anybody in particular.
            boolean aboutOne = !persons.isEmpty() && (heard.kind() == NoteKind.PHONE_CALL || heard.kind() == NoteKind.VISIT
                    || heard.kind() == NoteKind.AT_THE_DOOR) && random.nextInt(3) > 0;
            String person = aboutOne ? persons.get(random.nextInt(persons.size())).value() : null;
            notes.record(new Notes.NoteInput(touchpoint.id().value().toString(), heard.kind().name(), heard.text(), person, null),
                    "medewerker", at, at);
            recorded++;
        }
        return recorded;
    }

    @SuppressWarnings("unchecked")
    private static List<PersonKey> persons(DemoContext context) {
        Object shared = context.get("privacy.persons");
        if (shared instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof PersonKey) {
            return (List<PersonKey>) list;
        }
        return List.of();
    }
}
