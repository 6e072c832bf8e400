package nl.buitenin.privacy;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One thing held about a staff reference: when, where (the touchpoint, in both languages), in which team, the scores
 * given about it (a response) and the sending system's id (an interaction). Nothing of the customer: their key and
 * their texts are theirs.
 */
public record StaffItem(Instant at, @Nullable ExportName where, @Nullable String team, List<Integer> scores,
        @Nullable String sourceId) {

    public StaffItem {
        scores = List.copyOf(scores);
    }
}
