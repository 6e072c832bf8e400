package nl.buitenin.signals.internal.assessment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import nl.buitenin.privacy.SmallCellRule;

/** Results of the self-assessment per round, under the organisation's small-cell rule. */
@Service
public class AssessmentResults {

    private final JdbcAssessment store;
    private final SmallCellRule smallCells;

    AssessmentResults(JdbcAssessment store, SmallCellRule smallCells) {
        this.store = store;
        this.smallCells = smallCells;
    }

    /** A round with its reading and how many links were handed out per department (for the response rate). */
    public record RoundResult(AssessmentRound round, DayReading reading, Map<String, Long> invited) {
    }

    /** Every round, the oldest first, so that a reader follows the scores over time. */
    public List<RoundResult> all() {
        List<AssessmentRound> rounds = new java.util.ArrayList<>(store.rounds());
        java.util.Collections.reverse(rounds);
        Map<UUID, List<AssessmentAnswer>> answers = store.answers(rounds.stream().map(AssessmentRound::id).toList());
        return rounds.stream().map(r -> new RoundResult(r, DayReading.of(answers.getOrDefault(r.id(), List.of()), smallCells.k()),
                store.issuedPerDepartment(r.id()))).toList();
    }

    public int k() {
        return smallCells.k();
    }
}
