package nl.buitenin.insight.readings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Simulated staff with known habits (issue: "30 agents, a few who game, a few who are genuinely better: the gamers are
 * flagged, the better ones are not"). Answers come from one latent logistic model: an honest agent's distribution is
 * the base one moved by a small personal shift; a better agent's is moved up by one logit; a gamer's is the base one
 * with part of the answers from 5 to 8 turned into a 10.
 */
class ScoreGamingTest {

    private static final double[] BASE = {0.02, 0.01, 0.02, 0.03, 0.04, 0.06, 0.08, 0.16, 0.20, 0.18, 0.20};

    /**
     * Over 20 simulated organisations (30 agents in three teams; three gamers who turn half of their 5-to-8 answers into
     * a 10, three agents one logit better, 24 honest ones with a small personal shift; 500 answers each), the gamers are
     * flagged in at least 80 % of cases, the better agents and the honest ones (almost) never — although the better
     * agents have more tens than any honest one: a plain comparison of top shares would flag them.
     */
    @Test
    void flagsTheGamersAndNotTheGenuinelyBetter() {
        int runs = 20;
        int gamers = 0;
        int better = 0;
        int honest = 0;
        for (long seed = 0; seed < runs; seed++) {
            List<GamingSignal> signals = new ScoreGaming(0, 10, 0.05, 20).read(organisation(new SplittableRandom(seed), 500, 0.5));
            assertThat(signals).hasSize(30);
            gamers += (int) signals.stream().filter(s -> s.staff().startsWith("gamer")).filter(GamingSignal::flagged).count();
            better += (int) signals.stream().filter(s -> s.staff().startsWith("better")).filter(GamingSignal::flagged).count();
            honest += (int) signals.stream().filter(s -> s.staff().startsWith("honest")).filter(GamingSignal::flagged).count();
            double betterTop = signals.stream().filter(s -> s.staff().startsWith("better")).mapToDouble(GamingSignal::topShare).min().orElseThrow();
            double honestTop = signals.stream().filter(s -> s.staff().startsWith("honest")).mapToDouble(GamingSignal::topShare).max().orElseThrow();
            assertThat(betterTop).as("every better agent has more tens than any honest one").isGreaterThan(honestTop);
        }
        assertThat(gamers / (3.0 * runs)).as("gamers flagged").isGreaterThanOrEqualTo(0.8);
        assertThat(better).as("better agents flagged").isZero();
        assertThat(honest / (24.0 * runs)).as("honest agents flagged").isLessThanOrEqualTo(0.01);
    }

    /** Less gaming or fewer answers, less power: the figures in docs/readings.md come from this set-up. */
    @Test
    void powerGrowsWithTheNumberOfAnswers() {
        int few = 0;
        int many = 0;
        for (long seed = 100; seed < 110; seed++) {
            few += flaggedGamers(new ScoreGaming(0, 10, 0.05, 20).read(organisation(new SplittableRandom(seed), 100, 0.3)));
            many += flaggedGamers(new ScoreGaming(0, 10, 0.05, 20).read(organisation(new SplittableRandom(seed), 500, 0.3)));
        }
        assertThat(many).isGreaterThan(few);
    }

    private static int flaggedGamers(List<GamingSignal> signals) {
        return (int) signals.stream().filter(s -> s.staff().startsWith("gamer")).filter(GamingSignal::flagged).count();
    }

    static List<StaffAnswer> organisation(SplittableRandom random, int answersEach, double gaming) {
        List<StaffAnswer> answers = new ArrayList<>();
        for (int agent = 0; agent < 30; agent++) {
            String team = "team-" + (agent % 3);
            String kind = agent < 3 ? "gamer" : agent < 6 ? "better" : "honest";
            double shift = kind.equals("better") ? 1.0 : random.nextGaussian() * 0.15;
            for (int i = 0; i < answersEach; i++) {
                int score = draw(random, shift);
                if (kind.equals("gamer") && score >= 5 && score <= 8 && random.nextDouble() < gaming) {
                    score = 10;
                }
                answers.add(new StaffAnswer(kind + "-" + agent, team, score, null));
            }
        }
        return answers;
    }

    @Test
    void aCommentAskingForATenFlagsEvenWithoutTheExcess() {
        List<StaffAnswer> answers = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int agent = 0; agent < 5; agent++) {
            for (int i = 0; i < 40; i++) {
                answers.add(new StaffAnswer("a" + agent, "t", draw(random, 0), null));
            }
        }
        answers.add(new StaffAnswer("a2", "t", 9, "Ze vroeg of ik een 10 wilde geven"));
        List<GamingSignal> signals = new ScoreGaming(0, 10, 0.05, 20).read(answers);
        GamingSignal asked = signals.get(2);
        assertThat(asked.flagged()).isTrue();
        assertThat(asked.reasons()).containsExactly(GamingSignal.Reason.ASKED_FOR_SCORE);
        assertThat(asked.askedForScore()).isEqualTo(1);
    }

    @Test
    void tooFewAnswersAreNotTested() {
        List<StaffAnswer> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(new StaffAnswer("few", null, 10, null));
            answers.add(new StaffAnswer("other", null, i, null));
        }
        GamingSignal few = new ScoreGaming(0, 10, 0.05, 20).read(answers).get(0);
        assertThat(few.pValue()).isNull();
        assertThat(few.flagged()).isFalse();
    }

    static int draw(SplittableRandom random, double shift) {
        // Inverse of the base cumulative distribution moved by the shift on the logit scale.
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
}
