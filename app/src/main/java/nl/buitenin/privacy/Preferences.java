package nl.buitenin.privacy;

import java.util.Objects;

import nl.buitenin.platform.LanguagePreference;
import nl.buitenin.platform.InvalidInputException;

/**
 * What the person chose for themselves.
 *
 * @param channel         how they want to be reached
 * @param language        "nl" or "en"
 * @param remindersWanted whether they want a reminder when they have not answered (off unless they asked)
 * @param doNotAsk        "don't ask me anything": no survey invitations at all
 */
public record Preferences(PreferredChannel channel, String language, boolean remindersWanted, boolean doNotAsk) {

    /** Until a person chooses: e-mail, Dutch, no reminders, may be asked. */
    public static final Preferences DEFAULT = new Preferences(PreferredChannel.EMAIL, "nl", false, false);

    public Preferences {
        Objects.requireNonNull(channel, "channel");
        if (LanguagePreference.supportedOrNull(language) == null) {
            throw InvalidInputException.of("language", "privacy.invalid.language", language);
        }
        language = LanguagePreference.supportedOrNull(language).getLanguage();
    }
}
