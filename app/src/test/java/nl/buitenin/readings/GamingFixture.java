package nl.buitenin.readings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.InteractionInput;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.listening.internal.answers.GivenAnswer;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.Unique;

/**
 * Simulated staff whose answers go through listening's real completion path ({@link Completions}); the staff reference
 * and team are then set in SQL, as the staff ingestion will set them. Scores are drawn from a base distribution moved
 * on the logit scale (as in ScoreGamingTest): gamers turn a share of their middle answers (5–8) into tens, better staff
 * have their whole distribution one logit up.
 */
public final class GamingFixture {

    private static final double[] BASE = {0.02, 0.01, 0.02, 0.03, 0.04, 0.06, 0.08, 0.16, 0.20, 0.18, 0.20};
    public static final String ASKED = "Aardige man, maar hij vroeg of ik een 10 wilde geven voor zijn bonus.";

    private final JdbcJourneys journeys;
    private final JdbcSurveys surveys;
    private final Completions completions;
    private final InteractionIngest interactions;
    private final JdbcClient jdbc;

    public GamingFixture(JdbcJourneys journeys, JdbcSurveys surveys, Completions completions, InteractionIngest interactions, JdbcClient jdbc) {
        this.journeys = journeys;
        this.surveys = surveys;
        this.completions = completions;
        this.interactions = interactions;
        this.jdbc = jdbc;
    }

    /** The organisation of the main scenario. */
    public record Staffed(String gamersTeam, String betterTeam, String honestTeam, List<String> gamers, List<String> better,
            List<String> honest, String asker, TouchpointId desk, TouchpointId phone) {
    }

    /**
     * 30 staff in three teams of ten with {@code answersEach} NPS answers each, completed in the 30 days from {@code first}:
     * in the first team two gamers (half of their middle answers turned into tens), in the second three genuinely
     * better staff; in the third one honest member has two comments saying they asked for a 10, both of one customer.
     */
    public Staffed organisation(LocalDate first, int answersEach, long seed) {
        String tag = Unique.name("t").replaceAll("[^A-Za-z0-9]", "").toLowerCase();
        String gamersTeam = "Noord " + tag;
        String betterTeam = "Oost " + tag;
        String honestTeam = "Zuid " + tag;
        TouchpointId desk = touchpoint("Balie", "Desk");
        TouchpointId phone = touchpoint("Telefoon", "Phone");
        Survey survey = survey();
        SplittableRandom random = new SplittableRandom(seed);
        Instant start = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        List<String> gamers = new ArrayList<>();
        List<String> better = new ArrayList<>();
        List<String> honest = new ArrayList<>();
        String asker = null;
        PersonKey askedBy = null;
        List<Completions.Completion> batch = new ArrayList<>();
        for (int member = 0; member < 30; member++) {
            String staff = "mw-" + tag + "-" + (member + 1);
            boolean gamer = member < 2;
            boolean good = member >= 10 && member < 13;
            (gamer ? gamers : good ? better : honest).add(staff);
            if (member == 25) {
                asker = staff;
            }
            double shift = good ? 1.0 : random.nextGaussian() * 0.15;
            for (int i = 0; i < answersEach; i++) {
                int score = draw(random, shift);
                if (gamer && score >= 5 && score <= 8 && random.nextDouble() < 0.5) {
                    score = 10;
                }
                String comment = member == 25 && i < 2 ? ASKED : random.nextDouble() < 0.1 ? "Prima geholpen." : null;
                PersonKey drawn = ASKED.equals(comment) ? person(random) : null;
                // Both comments that say a score was asked for are of one customer, who answered twice.
                askedBy = askedBy == null ? drawn : askedBy;
                PersonKey person = drawn == null ? null : askedBy;
                Instant at = start.plusSeconds(random.nextLong(30L * 86400));
                TouchpointId where = random.nextBoolean() ? desk : phone;
                batch.add(completion(survey, where, person, "gaming:" + staff + ":" + i, score, comment, at));
            }
        }
        store(batch);
        for (int member = 0; member < 30; member++) {
            String staff = "mw-" + tag + "-" + (member + 1);
            String team = member < 10 ? gamersTeam : member < 20 ? betterTeam : honestTeam;
            serve("gaming:" + staff + ":%", staff, team);
        }
        return new Staffed(gamersTeam, betterTeam, honestTeam, gamers, better, honest, asker, desk, phone);
    }

    /** The presence scenario: staff whose answers came in this long after a recorded contact. */
    public record Present(String team, String quick, List<String> others, String unknownTeam, String quickWithoutContact) {
    }

    /**
     * Two teams of five with 40 honest answers each in the 20 days from {@code first}. In the first team every answer
     * follows a recorded interaction; one member's answers come two minutes after the contact in 70 % of cases, the
     * others' in 10 % (else a day later). In the second team nobody's contact time is known, though one member's answers
     * are stored as given within two minutes of the invitation.
     */
    public Present presence(LocalDate first, long seed) {
        String tag = Unique.name("p").replaceAll("[^A-Za-z0-9]", "").toLowerCase();
        String team = "West " + tag;
        String unknownTeam = "Kust " + tag;
        TouchpointId desk = touchpoint("Balie", "Desk");
        Survey survey = survey();
        SplittableRandom random = new SplittableRandom(seed);
        Instant start = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        List<InteractionInput> contacts = new ArrayList<>();
        List<Completions.Completion> batch = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (int member = 0; member < 10; member++) {
            boolean known = member < 5;
            String staff = "mw-" + tag + "-" + (member + 1);
            if (known && member > 0) {
                others.add(staff);
            }
            double quickShare = member == 0 || member == 5 ? 0.7 : 0.1;
            for (int i = 0; i < 40; i++) {
                Instant contact = start.plusSeconds(random.nextLong(20L * 86400));
                Instant answered = random.nextDouble() < quickShare ? contact.plus(Duration.ofMinutes(2)) : contact.plus(Duration.ofDays(1));
                String source = tag + "-" + member + "-" + i;
                if (known) {
                    contacts.add(new InteractionInput(source, desk.value().toString(), contact.toString(), null, "CONTACT", null, null));
                }
                batch.add(completion(survey, desk, null, (known ? "interaction:" : "gaming:") + source, draw(random, 0), null, answered));
            }
        }
        IngestReport report = interactions.ingest(contacts);
        if (report.created() != contacts.size()) {
            throw new IllegalStateException("interactions not recorded: " + report.items().stream()
                    .filter(o -> o.status() != IngestReport.Status.CREATED).limit(3).toList());
        }
        store(batch);
        for (int member = 0; member < 10; member++) {
            String sources = (member < 5 ? "interaction:" : "gaming:") + tag + "-" + member + "-%";
            serve(sources, "mw-" + tag + "-" + (member + 1), member < 5 ? team : unknownTeam);
        }
        return new Present(team, "mw-" + tag + "-1", others, unknownTeam, "mw-" + tag + "-6");
    }

    private void store(List<Completions.Completion> batch) {
        for (int from = 0; from < batch.size(); from += 1000) {
            completions.replay(batch.subList(from, Math.min(batch.size(), from + 1000)));
        }
    }

    /** Sets who served on the member's responses, as the staff ingestion will (source refs name the member). */
    private void serve(String sources, String staff, String team) {
        jdbc.sql("update listening_response set staff_ref = :staff, team = :team where source_ref like :sources")
                .param("staff", staff).param("team", team).param("sources", sources).update();
    }

    private Completions.Completion completion(Survey survey, TouchpointId touchpoint, @Nullable PersonKey person, String source, int score,
            @Nullable String comment, Instant at) {
        List<GivenAnswer> answers = new ArrayList<>();
        answers.add(GivenAnswer.score("nps", score));
        if (comment != null) {
            answers.add(GivenAnswer.text("beter", comment));
        }
        return Completions.Completion.invitedAndReceived(survey, touchpoint, person, source, ResponseChannel.EMAIL, "nl",
                at.minus(Duration.ofMinutes(1)), at.plus(Duration.ofDays(14)), answers, at);
    }

    private TouchpointId touchpoint(String nl, String en) {
        JourneyId journey = journeys.createJourney(new Names(Unique.name("Wandelreis"), Unique.name("Walking holiday")));
        StageId stage = journeys.addStage(journey, new Names("Onderweg", "On the way"));
        return journeys.addTouchpoint(stage, new Names(nl + " " + Unique.name("x").substring(0, 4), en), Channel.LOCATION, "Utrecht");
    }

    private Survey survey() {
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        return survey;
    }

    private static PersonKey person(SplittableRandom random) {
        StringBuilder key = new StringBuilder("p_");
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        for (int i = 0; i < 26; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return new PersonKey(key.toString());
    }

    static int draw(SplittableRandom random, double shift) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int value = 0; value < BASE.length - 1; value++) {
            cumulative += BASE[value];
            double logit = Math.log(cumulative / (1 - cumulative)) - shift;
            if (u < 1 / (1 + Math.exp(-logit))) {
                return value;
            }
        }
        return BASE.length - 1;
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
