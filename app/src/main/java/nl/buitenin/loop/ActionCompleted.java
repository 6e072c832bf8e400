package nl.buitenin.loop;

import java.time.Instant;
import java.util.Set;

/**
 * An improvement action is done. The listener that sends "you said, we did" to everyone who raised one of
 * the themes asks {@link ToldBack#recipientsOf(ActionId)} for them and records each message with
 * {@link ToldBack#record}, which refuses a second message for the same person and action.
 */
public record ActionCompleted(ActionId actionId, Set<ThemeId> themes, String descriptionNl, String descriptionEn,
        Instant completedAt) {

    public ActionCompleted {
        themes = Set.copyOf(themes);
    }
}
