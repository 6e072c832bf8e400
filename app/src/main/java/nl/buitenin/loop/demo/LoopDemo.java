package nl.buitenin.loop.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.buitenin.access.User;
import nl.buitenin.access.Users;
import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.Comment;
import nl.buitenin.listening.Comments;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.loop.ActionId;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.internal.AnswerThemes;
import nl.buitenin.loop.internal.CallbackOutcome;
import nl.buitenin.loop.internal.CaseFile;
import nl.buitenin.loop.internal.CaseFiles;
import nl.buitenin.loop.internal.CaseTypes;
import nl.buitenin.loop.internal.CaseWork;
import nl.buitenin.loop.internal.CasesFromAnswers;
import nl.buitenin.loop.internal.ImprovementAction;
import nl.buitenin.loop.internal.Improving;
import nl.buitenin.loop.internal.Quarter;
import nl.buitenin.loop.internal.Teams;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.privacy.PersonKey;

/**
 * Buitenpad's cases over two years: team Klantenservice led by {@code teamleider}, themes such as "tempo van de
 * groep" (seed 000) and "wachttijd telefoon" (seed 001), and improvement actions of which some are done.
 * The detractor cases are not made up here: every demo answer that meets its survey's case rule (shared by
 * the answers demo) opens its case through {@link CasesFromAnswers}, the path of a live answer, at the
 * moment of the answer; the complaints that came in by phone, mail or at the desk are added beside them.
 * Agents then work the cases (calls, notes, resolution, now and then a reopening) as far as their age
 * allows, so the loop-closure figures come from these cases. Fewer answers are unhappy about the pace of
 * the group after the groups were split, so the figures and the public page tell the story of the seeds.
 */
@Component
class LoopDemo implements DemoStep {

    static final String TEAM = "Klantenservice";

    private final CaseWork work;
    private final CaseFiles cases;
    private final CaseTypes types;
    private final Teams teams;
    private final Themes themes;
    private final Improving improving;
    private final Users users;
    private final CasesFromAnswers casesFromAnswers;
    private final Comments comments;
    private final AnswerThemes answerThemes;

    LoopDemo(CaseWork work, CaseFiles cases, CaseTypes types, Teams teams, Themes themes, Improving improving,
            Users users, CasesFromAnswers casesFromAnswers, Comments comments, AnswerThemes answerThemes) {
        this.casesFromAnswers = casesFromAnswers;
        this.comments = comments;
        this.answerThemes = answerThemes;
        this.work = work;
        this.cases = cases;
        this.types = types;
        this.teams = teams;
        this.themes = themes;
        this.improving = improving;
        this.users = users;
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public String name() {
        return "loop";
    }

    record DemoTheme(String nl, String en, double weight, List<String> examples) {
    }

    /**
     * The demo's themes with five Dutch example phrases each, the same as the taxonomy of insight's development
     * sets (test resources {@code nl/buitenin/insight/devsets/taxonomy.csv}), where an automatic suggester starts.
     */
    static final List<DemoTheme> THEMES = List.of(
            new DemoTheme("tempo van de groep", "pace of the group", 3, List.of("het tempo lag te hoog", "ik liep steeds achteraan",
                    "er werd op iedereen gewacht", "te weinig pauzes", "een snelle en een langzame groep")),
            new DemoTheme("wachttijd telefoon", "waiting time on the phone", 3, List.of("drie kwartier in de wacht", "niemand nam op",
                    "binnen twee minuten aan de lijn", "niet teruggebeld zoals beloofd", "keuzemenu met zes opties")),
            new DemoTheme("boekingsbevestiging onduidelijk", "unclear booking confirmation", 2, List.of("wat betekent optie B",
                    "twee verschillende vertrekdata", "bevestiging nooit ontvangen", "onder voorbehoud, gaat de reis nu door",
                    "alles stond duidelijk in de bevestiging")),
            new DemoTheme("kwaliteit accommodatie", "quality of accommodation", 2, List.of("de kamer rook muf", "schoon en rustig hotel",
                    "schimmel in de badkamer", "heerlijk ontbijt", "uitzicht op een parkeerplaats")),
            new DemoTheme("bagagevervoer", "luggage transport", 1, List.of("koffer stond niet in het hotel",
                    "bagage altijd keurig op tijd", "koffer kapot aangekomen", "bagage moest om half acht klaarstaan",
                    "bagagelabels niet ontvangen")),
            new DemoTheme("routebeschrijving", "route description", 1, List.of("verkeerd gelopen bij de splitsing", "duidelijke kaartjes",
                    "afstanden klopten niet", "pad bestond niet meer", "beschrijving alleen in het Nederlands")));

    private static final String[] COMPLAINTS = {
            "De groep liep veel te snel, ik heb niets van het uitzicht gezien.",
            "Ik stond drie kwartier in de wacht voordat ik iemand aan de lijn kreeg.",
            "Uit de boekingsbevestiging werd niet duidelijk waar we de eerste dag moesten zijn.",
            "De kamer in het tweede hotel was vochtig en rook muf.",
            "Mijn koffer kwam een dag later aan dan ik.",
            "De routebeschrijving van dag 3 klopte niet met de bordjes.",
            "Niemand heeft gereageerd op mijn vorige mail.",
            "De gids wilde vooral zelf snel lopen."};

    /**
     * The theme (index in {@link #THEMES}) an analyst reads in each complaint comment the answers demo writes,
     * by its words: praise, the chat's slow answer and the long day stages fit none of the demo themes.
     */
    private static final Map<String, Integer> COMMENT_THEMES = Map.of(
            "De groep liep veel te snel, ik had geen tijd om van het uitzicht te genieten.", 0,
            "Graag een rustiger groep voor wie wil genieten in plaats van presteren.", 0,
            "Lang moeten wachten aan de telefoon voordat ik iemand sprak.", 1,
            "De bevestiging van de boeking was onduidelijk; ik wist niet of het gelukt was.", 2,
            "The booking confirmation was confusing and arrived late.", 2,
            "De accommodatie was gehorig en het bed was slecht.", 3);

    /** An analyst gets round to two of every three comments that name a theme; the third stays untagged. */
    private static final int TAGGED_OF_EVERY = 3;

    @Override
    public void load(DemoContext context) {
        Random random = context.random(name());
        ZoneId zone = context.zone();
        User lead = users.byUsername("teamleider").orElseThrow();
        User agent = users.byUsername("medewerker").orElseThrow();
        teams.save(new Teams.Team(TEAM, lead.id().value()));
        for (CaseTypes.Definition d : types.all()) {
            types.save(new CaseTypes.Definition(d.type(), d.nameNl(), d.nameEn(), d.slaWorkingDays(), TEAM));
        }
        List<ThemeId> themeIds = new ArrayList<>();
        for (DemoTheme t : THEMES) {
            themeIds.add(themes.add(t.nl(), t.en(), null, t.examples()).id());
        }
        List<PersonKey> persons = persons(context, random);
        List<TouchpointId> touchpoints = touchpoints(context);
        Instant now = context.today().atTime(17, 0).atZone(zone).toInstant();
        Instant splitGroups = context.today().minusMonths(10).atTime(11, 0).atZone(zone).toInstant();

        casesFromAnswers(context, themeIds, agent, random, now, splitGroups);
        int count = Math.max(60, Math.min(240, context.people() / 20));
        int recent = 12;
        for (int i = 0; i < count + recent; i++) {
            // Most cases spread over the two years; the last few of the past week fill today's queue.
            long days = i < count ? random.nextInt((int) ChronoUnit.DAYS.between(context.firstDay(), context.today()) + 1)
                    : ChronoUnit.DAYS.between(context.firstDay(), context.today()) - random.nextInt(7);
            Instant opened = context.firstDay().plusDays(days).atTime(8 + random.nextInt(12), random.nextInt(60))
                    .atZone(zone).toInstant();
            int theme = pickTheme(random, opened.isAfter(splitGroups));
            double kind = random.nextDouble();
            CaseType type = kind < 0.88 ? CaseType.COMPLAINT : new CaseType("question");
            CaseSource source = CaseSource.complaint("demo-" + i);
            PersonKey person = random.nextDouble() < 0.93 ? persons.get(random.nextInt(persons.size())) : null;
            User owner = random.nextDouble() < 0.8 ? agent : lead;
            CaseFile c = work.open(new CaseWork.Opening(source, type, person, touchpoints.get(theme % touchpoints.size()),
                    Channel.values()[random.nextInt(Channel.values().length)],
                    TEAM, owner.id().value(), COMPLAINTS[(theme + random.nextInt(2) * 6) % COMPLAINTS.length]),
                    "system", opened).file();
            themes.tag(c.id(), themeIds.get(theme), owner.username(), ThemeTagging.Tagger.USER, opened.plusSeconds(600));
            if (random.nextDouble() < 0.15) {
                themes.tag(c.id(), themeIds.get(random.nextInt(themeIds.size())), owner.username(), ThemeTagging.Tagger.USER,
                        opened.plusSeconds(700));
            }
            work(c, owner.username(), random, now);
        }
        tagAnswers(themeIds, now);
        actions(themeIds, context, zone, random);
        work.escalateOverdue(now);
    }

    /**
     * Opens the case of every demo answer that meets a case rule, through the same path as a live answer;
     * an agent tags its root cause (the phone survey's about the phone, the trip's about the trip) and
     * works it. Returns how many cases were opened.
     */
    private int casesFromAnswers(DemoContext context, List<ThemeId> themeIds, User agent, Random random, Instant now,
            Instant splitGroups) {
        List<CompletedResponse> answers = context.get("listening.caseAnswers");
        if (answers == null) {
            return 0;
        }
        int opened = 0;
        for (CompletedResponse answer : answers) {
            var result = casesFromAnswers.open(answer);
            if (result.isEmpty() || !result.get().created()) {
                continue;
            }
            CaseFile c = result.get().file();
            boolean aboutThePhone = answer.caseRulesMatched().stream().anyMatch(rule -> rule.startsWith("LOW_CSAT"));
            int theme = aboutThePhone ? (random.nextDouble() < 0.75 ? 1 : 2) : pickTheme(random, c.openedAt().isAfter(splitGroups));
            themes.tag(c.id(), themeIds.get(theme), agent.username(), ThemeTagging.Tagger.USER, c.openedAt().plusSeconds(600));
            work(c, agent.username(), random, now);
            opened++;
        }
        return opened;
    }

    /**
     * Analyst {@code analist} tags the demo's comments with the theme they are about, through the service the
     * answers page uses, a day after each answer; before the actions are completed, so their "you said, we did"
     * reaches answer raisers too. Which comments are tagged follows from their order, not from chance, so the
     * other steps' random draws stay as they were. Returns how many answers were tagged.
     */
    private int tagAnswers(List<ThemeId> themeIds, Instant now) {
        String analyst = users.byUsername("analist").map(User::username).orElse("analist");
        List<Comment> all = new ArrayList<>(comments.latest(null, Integer.MAX_VALUE));
        all.sort(Comparator.comparing(Comment::at).thenComparing(Comment::text).thenComparing(c -> c.response().toString()));
        int matching = 0;
        int tagged = 0;
        for (Comment comment : all) {
            Integer theme = COMMENT_THEMES.get(comment.text());
            if (theme == null || matching++ % TAGGED_OF_EVERY == TAGGED_OF_EVERY - 1) {
                continue;
            }
            Instant at = comment.at().plus(1, ChronoUnit.DAYS);
            if (answerThemes.tag(comment.response(), themeIds.get(theme), analyst, ThemeTagging.Tagger.USER, at.isAfter(now) ? now : at)) {
                tagged++;
            }
        }
        return tagged;
    }

    /** Calls, resolution, closure and now and then a reopening, as far as the case's age allows. */
    private void work(CaseFile c, String actor, Random random, Instant now) {
        double hoursToContact = 1 + Math.exp(random.nextGaussian() * 1.0 + 2.8);
        Instant contact = c.openedAt().plusSeconds((long) (hoursToContact * 3600));
        if (contact.isAfter(now) || random.nextDouble() < 0.015) {
            return;
        }
        if (random.nextDouble() < 0.25) {
            // the failed attempt halfway to the call that reached them: never before the case was opened
            Instant attempt = c.openedAt().plusSeconds((long) (hoursToContact * 3600 / 2));
            work.callBack(c, actor, CallbackOutcome.NOT_REACHED, "Voicemail ingesproken.", attempt);
        }
        work.callBack(c, actor, CallbackOutcome.REACHED, "Excuses gemaakt en uitgelegd wat we ermee doen.", contact);
        cases.addNote(c.id(), contact.plusSeconds(300), actor, "Reiziger waardeerde het telefoontje.");
        Instant resolved = contact.plusSeconds((long) (3600 * (2 + random.nextInt(72))));
        if (resolved.isAfter(now) || random.nextDouble() < 0.02) {
            return;
        }
        work.resolve(c, actor, random.nextBoolean() ? "Tegoedbon aangeboden" : "Uitgelegd en doorgegeven aan het product-team", resolved);
        Instant closed = resolved.plusSeconds(3600L * 24 * (1 + random.nextInt(5)));
        if (closed.isAfter(now)) {
            return;
        }
        work.close(c, actor, closed);
        Instant reopened = closed.plusSeconds(3600L * 24 * 3);
        if (random.nextDouble() < 0.06 && reopened.isBefore(now)) {
            work.reopen(c, actor, "Reiziger belde opnieuw: het probleem speelde nog.", reopened);
            Instant again = reopened.plusSeconds(3600L * 24 * (1 + random.nextInt(4)));
            if (again.plusSeconds(3600L * 24).isBefore(now)) {
                work.resolve(c, actor, "Opnieuw opgelost: extra uitleg en excuses", again);
                work.close(c, actor, again.plusSeconds(3600L * 24));
            }
        }
    }

    /** After the groups were split, far fewer cases are about the pace of the group. */
    private static int pickTheme(Random random, boolean afterSplit) {
        double[] weights = THEMES.stream().mapToDouble(DemoTheme::weight).toArray();
        if (afterSplit) {
            weights[0] = 0.5;
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private void actions(List<ThemeId> themeIds, DemoContext context, ZoneId zone, Random random) {
        UUID analyst = users.byUsername("analist").map(u -> u.id().value()).orElse(null);
        ImprovementAction split = improving.plan("Groepen splitsen in tempo- en genietgroep",
                "Split groups into a brisk and a leisurely group",
                "Bij elke wandelreis kiest u nu zelf: de tempogroep voor wie wil doorstappen, of de genietgroep met meer tijd voor het uitzicht. Elke groep heeft een eigen gids.",
                "On every walking holiday you now choose: the brisk group for those who like to press on, or the leisurely group with more time for the view. Each group has its own guide.",
                analyst, context.today().minusMonths(10), Set.of(themeIds.get(0)));
        complete(split.id(), context.today().minusMonths(10), zone, random);

        ImprovementAction phone = improving.plan("Extra bezetting telefoon op maandagochtend",
                "More staff on the phone on Monday mornings",
                "Op maandagochtend, het drukste moment van de week, zitten er nu twee extra medewerkers aan de telefoon. De gemiddelde wachttijd is teruggebracht tot onder de twee minuten.",
                "On Monday mornings, the busiest time of the week, two more agents now answer the phone. The average waiting time is down to under two minutes.",
                analyst, null, Set.of(themeIds.get(1)));
        LocalDate lastQuarter = Quarter.of(context.today()).previous().firstDay().plusDays(20);
        complete(phone.id(), lastQuarter, zone, random);

        ImprovementAction confirmation = improving.plan("Nieuwe boekingsbevestiging met dagprogramma",
                "New booking confirmation with a day-by-day programme",
                "De bevestiging vermeldt per dag het startpunt, de vertrektijd en het telefoonnummer van de gids.",
                "The confirmation lists for each day the starting point, the departure time and the guide's phone number.",
                analyst, context.today().plusMonths(1), Set.of(themeIds.get(2)));
        improving.start(confirmation.id());

        improving.plan("Accommodaties jaarlijks laten keuren", "Inspect accommodation every year",
                "Elk hotel en pension op onze routes wordt eens per jaar bezocht en beoordeeld.",
                "Every hotel and guesthouse on our routes is visited and rated once a year.",
                analyst, context.today().plusMonths(4), Set.of(themeIds.get(3), themeIds.get(4)));
    }

    /**
     * Completes the action back in time. Its ActionCompleted event sends the real "you said, we did"
     * messages (to the log in the demo) to everyone who raised one of its themes and may be written to.
     */
    private void complete(ActionId id, LocalDate day, ZoneId zone, Random random) {
        improving.complete(id, day.atTime(10, 0).atZone(zone).toInstant());
    }

    @SuppressWarnings("unchecked")
    private static List<PersonKey> persons(DemoContext context, Random random) {
        Object shared = context.get("privacy.persons");
        if (shared instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof PersonKey) {
            return (List<PersonKey>) list;
        }
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        List<PersonKey> keys = new ArrayList<>();
        for (int i = 0; i < Math.max(50, context.people() / 4); i++) {
            StringBuilder key = new StringBuilder("p_");
            for (int j = 0; j < 26; j++) {
                key.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            keys.add(new PersonKey(key.toString()));
        }
        return keys;
    }

    /** The journey module's touchpoints when it has shared them; otherwise stable ids for four of Buitenpad's. */
    @SuppressWarnings("unchecked")
    private static List<TouchpointId> touchpoints(DemoContext context) {
        Object shared = context.get("journey.touchpoints");
        if (shared instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof TouchpointId) {
            return (List<TouchpointId>) list;
        }
        return List.of("wandeling", "telefoon", "boeking", "accommodatie", "bagage", "route").stream()
                .map(name -> new TouchpointId(UUID.nameUUIDFromBytes(("buitenpad-touchpoint-" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .toList();
    }
}
