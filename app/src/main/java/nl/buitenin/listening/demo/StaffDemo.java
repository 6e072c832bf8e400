package nl.buitenin.listening.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.journey.InteractionsRecorded.Interaction;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.LocalizedText;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyEditing;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.listening.internal.answers.GivenAnswer;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.privacy.PersonKey;

/**
 * Who served the person, in Buitenpad's answers: a survey after a conversation with a staff member (NPS and "what
 * could we do better?") at the three staffed touchpoints, answered about each staff member of the roster the
 * interactions step shares. Three teams that read differently (issue 15, seed 004):
 * <ul>
 * <li>Klantenservice: ordinary, every member answered from the same distribution;</li>
 * <li>Boekingen Utrecht: three of its eight members push for 10s ({@link #PUSHERS}) — a spike at 10 taken from the
 * 7–9 range, the rest of their distribution as their colleagues', and comments that say so ("de medewerker vroeg of
 * ik een 10 wilde geven", "she asked me to give a 10");</li>
 * <li>Reisadvies: genuinely better — the whole distribution shifted up (a proportional-odds shift), no spike.</li>
 * </ul>
 * Staff are a fixed roster, so the counts do not scale with the number of customers: of the conversations the
 * interactions step made for each staff member, {@value #RECENT} in the last {@value #RECENT_WEEKS} weeks (the default
 * period of the journey map) and {@value #EARLIER} in the 40 weeks before are answered — by the person who had the
 * conversation when they had consented to be asked, else anonymously — with the response's source the interaction, as
 * an invitation makes it. The score-gaming reading (insight.readings.ScoreGaming) flags the pushers, and team
 * Boekingen Utrecht against the other teams, and not the better team (StaffDemoTest). Written as history through the
 * one path of completed responses ({@link Completions#replay}); runs after the answers step, which answers only the
 * surveys published before it.
 */
@Component
class StaffDemo implements DemoStep {

    static final int RECENT = 40;
    static final int EARLIER = 24;
    static final int RECENT_WEEKS = 12;
    static final String PUSHING_TEAM = "Boekingen Utrecht";
    static final String BETTER_TEAM = "Reisadvies";
    /** The staff members of Boekingen Utrecht who push for 10s. */
    static final Set<String> PUSHERS = Set.of("mw-011", "mw-013", "mw-016");
    /**
     * Of a pusher's answers that would have been 7, 8 or 9, this share becomes a 10. The engine rightly asks for a clear
     * spike: a weaker push (six in ten) over 40 answers is mostly explained by a shift and goes unflagged.
     */
    static final double PUSHED = 0.95;
    /** How far Reisadvies's whole distribution lies above the others', on the logit scale. */
    static final double BETTER_SHIFT = 1.2;

    /** The ordinary NPS distribution (0 to 10) of a conversation with a staff member. */
    static final double[] ORDINARY = {0.01, 0.01, 0.01, 0.02, 0.02, 0.04, 0.06, 0.14, 0.25, 0.24, 0.20};

    private static final List<String> ASKED = List.of(
            "De medewerker vroeg of ik een 10 wilde geven, want dat telt voor haar bonus.",
            "She asked me to give a 10 before I left the shop.",
            "Aan het eind vroeg hij of ik een 10 wilde geven in de enquête.");
    private static final List<String> PRAISE = List.of(
            "Heel goed geholpen, de medewerker nam er echt de tijd voor.",
            "Duidelijk advies over de route en het tempo.",
            "Friendly and knowledgeable, thank you.");
    private static final List<String> COMPLAINTS = List.of(
            "Ik moest lang wachten voordat ik geholpen werd.",
            "Het antwoord was niet helemaal duidelijk.",
            "It took a while before someone could help me.");

    private final SurveyEditing editing;
    private final Completions completions;

    StaffDemo(SurveyEditing editing, Completions completions) {
        this.editing = editing;
        this.completions = completions;
    }

    @Override
    public int order() {
        return 455;
    }

    @Override
    public String name() {
        return "staff-answers";
    }

    /** One answer about a conversation: who served, in which team, the score and a comment (or null). */
    record Served(String staff, String team, int score, @Nullable String comment, boolean recent) {
    }

    @Override
    public void load(DemoContext context) {
        Map<String, List<String>> roster = context.get("journey.staff");
        Map<String, TouchpointId> touchpoints = context.get("journey.staffTouchpoints");
        List<Interaction> contacts = context.get("journey.staffedContacts");
        if (roster == null || touchpoints == null || contacts == null || roster.isEmpty()) {
            return;
        }
        Survey survey = editing.publish(editing.create(definition(List.copyOf(touchpoints.values()))).survey().id());
        Map<PersonKey, Instant> feedbackSince = context.get("privacy.feedbackSince");
        Instant recentFrom = context.today().minusWeeks(RECENT_WEEKS).plusDays(1).atStartOfDay(context.zone()).toInstant();
        Instant todayStarts = context.today().atStartOfDay(context.zone()).toInstant();
        // Which conversations were answered comes from a stream of its own; the scores from the step's, as answers() says.
        Random who = context.random(name() + "-who");
        Map<String, List<Interaction>> recent = new java.util.HashMap<>();
        Map<String, List<Interaction>> earlier = new java.util.HashMap<>();
        for (Interaction contact : contacts) {
            (contact.at().isBefore(recentFrom) ? earlier : recent).computeIfAbsent(contact.staff(), s -> new ArrayList<>()).add(contact);
        }
        recent.values().forEach(list -> java.util.Collections.shuffle(list, who));
        earlier.values().forEach(list -> java.util.Collections.shuffle(list, who));
        Map<String, Integer> taken = new java.util.HashMap<>();
        List<Completions.Completion> batch = new ArrayList<>();
        // By team name: the roster's own order is not part of its contract, and the demo must repeat exactly.
        for (Served served : answers(context.random(name()), new java.util.TreeMap<>(roster))) {
            String slot = served.staff() + (served.recent() ? "+" : "-");
            int index = taken.merge(slot, 1, Integer::sum) - 1;
            List<Interaction> pool = (served.recent() ? recent : earlier).getOrDefault(served.staff(), List.of());
            if (index >= pool.size()) {
                continue;
            }
            Interaction contact = pool.get(index);
            // Answered between ten minutes and two days after the conversation, never after today began.
            Instant at = contact.at().plusSeconds(600 + who.nextInt(2 * 86400));
            // An earlier answer stays before the last twelve weeks, so that period holds exactly the recent ones.
            if (!at.isBefore(todayStarts) || (!served.recent() && !at.isBefore(recentFrom))) {
                at = contact.at().plusSeconds(600);
            }
            Instant invited = contact.at().plusSeconds(300);
            // The person who had the conversation, when they had consented to be asked by then; else an anonymous answer.
            PersonKey person = contact.person() != null && feedbackSince != null && feedbackSince.containsKey(contact.person())
                    && !feedbackSince.get(contact.person()).isAfter(invited) ? contact.person() : null;
            List<GivenAnswer> given = new ArrayList<>();
            given.add(GivenAnswer.score("nps", served.score()));
            if (served.comment() != null) {
                given.add(GivenAnswer.text("better", served.comment()));
            }
            String language = served.comment() != null && ASKED.get(1).equals(served.comment()) ? "en" : "nl";
            batch.add(Completions.Completion.invitedAndReceived(survey, contact.touchpoint(), person, "interaction:" + contact.sourceId(),
                    ResponseChannel.EMAIL, language, invited, invited.plusSeconds(14 * 86400L), given, at, served.staff(), served.team()));
            if (batch.size() == 500) {
                completions.replay(batch);
                batch.clear();
            }
        }
        completions.replay(batch);
    }

    /**
     * The answers per staff member, deterministic from {@code random}: {@value #RECENT} recent and {@value #EARLIER}
     * earlier ones each, scores by team and member as the class describes, and the comments asking for a 10 on two
     * recent answers of the first pusher and one of the second.
     */
    static List<Served> answers(Random random, Map<String, List<String>> roster) {
        double[] better = shifted(ORDINARY, BETTER_SHIFT);
        List<Served> answers = new ArrayList<>();
        for (Map.Entry<String, List<String>> team : roster.entrySet()) {
            for (String staff : team.getValue()) {
                boolean pusher = PUSHING_TEAM.equals(team.getKey()) && PUSHERS.contains(staff);
                double[] distribution = BETTER_TEAM.equals(team.getKey()) ? better : ORDINARY;
                int asked = !pusher ? 0 : staff.equals("mw-011") ? 2 : staff.equals("mw-013") ? 1 : 0;
                for (int i = 0; i < RECENT + EARLIER; i++) {
                    int score = draw(distribution, random);
                    if (pusher && score >= 7 && score <= 9 && random.nextDouble() < PUSHED) {
                        score = 10;
                    }
                    boolean recent = i < RECENT;
                    String comment = null;
                    if (recent && asked > 0 && score == 10) {
                        comment = ASKED.get(staff.equals("mw-011") ? 2 - asked : 2);
                        asked--;
                    } else if (random.nextDouble() < 0.3) {
                        List<String> bank = score >= 8 ? PRAISE : COMPLAINTS;
                        comment = bank.get(random.nextInt(bank.size()));
                    }
                    answers.add(new Served(staff, team.getKey(), score, comment, recent));
                }
            }
        }
        return answers;
    }

    /** The distribution moved up as a whole by {@code delta} on the logit scale of its cumulative shares. */
    static double[] shifted(double[] distribution, double delta) {
        double[] result = new double[distribution.length];
        double cumulative = 0;
        double previous = 0;
        for (int i = 0; i < distribution.length - 1; i++) {
            cumulative += distribution[i];
            double logit = Math.log(cumulative / (1 - cumulative)) - delta;
            double share = 1 / (1 + Math.exp(-logit));
            result[i] = share - previous;
            previous = share;
        }
        result[distribution.length - 1] = 1 - previous;
        return result;
    }

    private static int draw(double[] distribution, Random random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < distribution.length; i++) {
            cumulative += distribution[i];
            if (u < cumulative) {
                return i;
            }
        }
        return distribution.length - 1;
    }

    private static SurveyDefinition definition(List<TouchpointId> touchpoints) {
        return new SurveyDefinition(new LocalizedText("Na uw gesprek met ons", "After your conversation with us"), LocalizedText.empty(),
                List.of(new SurveyQuestion("nps", QuestionType.NPS, new LocalizedText(
                                "Hoe waarschijnlijk is het dat u Buitenpad aanbeveelt bij vrienden of familie?",
                                "How likely is it that you would recommend Buitenpad to a friend or relative?"), List.of(), true),
                        new SurveyQuestion("better", QuestionType.OPEN_TEXT, new LocalizedText("Wat kunnen we beter doen?",
                                "What could we do better?"), List.of(), false)),
                new LocalizedText("Dank u wel. We lezen elk antwoord zelf.", "Thank you. We read every answer ourselves."), touchpoints,
                List.of());
    }
}
