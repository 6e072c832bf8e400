package nl.buitenin.insight.readings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Score gaming per staff member, each against the rest of their team (or everybody else when the team has nobody
 * else): {@link TopScoreExcess} per member with enough answers, Benjamini–Hochberg over all tested members, and
 * comments that say the person was asked for a score ({@link ScoreRequests}). Flagged: q &le; the false-discovery
 * rate, or at least one comment naming a request. Never a ranking: the result is in the order staff first appear.
 */
public final class ScoreGaming {

    /** Below this many answers the test has too little power to say anything; no p-value is given. */
    public static final int DEFAULT_MINIMUM_ANSWERS = 20;

    private final int min;
    private final int max;
    private final double falseDiscoveryRate;
    private final int minimumAnswers;

    public ScoreGaming(int min, int max, double falseDiscoveryRate, int minimumAnswers) {
        if (max - min < 2) {
            throw new IllegalArgumentException("a scale needs at least three values, got " + min + " to " + max);
        }
        if (!(falseDiscoveryRate > 0 && falseDiscoveryRate < 1)) {
            throw new IllegalArgumentException("a false-discovery rate lies between 0 and 1, got " + falseDiscoveryRate);
        }
        this.min = min;
        this.max = max;
        this.falseDiscoveryRate = falseDiscoveryRate;
        this.minimumAnswers = Math.max(2, minimumAnswers);
    }

    public List<GamingSignal> read(List<StaffAnswer> answers) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String> teams = new LinkedHashMap<>();
        Map<String, Long> requests = new LinkedHashMap<>();
        for (StaffAnswer answer : answers) {
            if (answer.score() < min || answer.score() > max) {
                throw new IllegalArgumentException(answer.score() + " is not on the scale " + min + " to " + max);
            }
            counts.computeIfAbsent(answer.staff(), s -> new long[max - min + 1])[answer.score() - min]++;
            if (answer.team() != null && !answer.team().isBlank()) {
                teams.putIfAbsent(answer.staff(), answer.team());
            }
            boolean asked = answer.comment() != null && ScoreRequests.mentionsRequest(answer.comment());
            requests.merge(answer.staff(), asked ? 1L : 0L, Long::sum);
        }
        List<String> staff = new ArrayList<>(counts.keySet());
        List<TopScoreExcess.Reading> readings = new ArrayList<>();
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < staff.size(); i++) {
            String member = staff.get(i);
            long[] own = counts.get(member);
            long[] reference = reference(member, counts, teams);
            long n = total(own);
            if (n >= minimumAnswers && total(reference) > 0) {
                readings.add(new TopScoreExcess(reference).read(own));
                tested.add(i);
            } else {
                readings.add(null);
            }
        }
        double[] p = tested.stream().mapToDouble(i -> readings.get(i).pValue()).toArray();
        double[] q = FalseDiscovery.adjust(p);
        Map<Integer, Double> qByMember = new LinkedHashMap<>();
        for (int t = 0; t < tested.size(); t++) {
            qByMember.put(tested.get(t), q[t]);
        }
        List<GamingSignal> signals = new ArrayList<>();
        for (int i = 0; i < staff.size(); i++) {
            String member = staff.get(i);
            long[] own = counts.get(member);
            long n = total(own);
            TopScoreExcess.Reading reading = readings.get(i);
            Double qValue = qByMember.get(i);
            List<GamingSignal.Reason> reasons = new ArrayList<>();
            if (qValue != null && qValue <= falseDiscoveryRate && reading.topShare() > reading.expectedTopShare()) {
                reasons.add(GamingSignal.Reason.EXCESS_TOP_SCORES);
            }
            long asked = requests.getOrDefault(member, 0L);
            if (asked > 0) {
                reasons.add(GamingSignal.Reason.ASKED_FOR_SCORE);
            }
            double topShare = (double) own[own.length - 1] / n;
            signals.add(new GamingSignal(member, teams.get(member), n, topShare,
                    reading == null ? Double.NaN : reading.expectedTopShare(), reading == null ? null : reading.pValue(),
                    qValue, !reasons.isEmpty(), List.copyOf(reasons), asked));
        }
        return signals;
    }

    /** The answers of the member's team without the member, or of everybody else when the team has nobody else. */
    private static long[] reference(String member, Map<String, long[]> counts, Map<String, String> teams) {
        String team = teams.get(member);
        long[] sameTeam = sum(counts, other -> !other.equals(member) && team != null && Objects.equals(team, teams.get(other)));
        return total(sameTeam) > 0 ? sameTeam : sum(counts, other -> !other.equals(member));
    }

    private static long[] sum(Map<String, long[]> counts, java.util.function.Predicate<String> which) {
        long[] sum = null;
        for (Map.Entry<String, long[]> entry : counts.entrySet()) {
            if (sum == null) {
                sum = new long[entry.getValue().length];
            }
            if (which.test(entry.getKey())) {
                for (int v = 0; v < sum.length; v++) {
                    sum[v] += entry.getValue()[v];
                }
            }
        }
        return sum == null ? new long[0] : sum;
    }

    private static long total(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }
}
