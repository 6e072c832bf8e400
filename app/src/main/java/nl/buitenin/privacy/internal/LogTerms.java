package nl.buitenin.privacy.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The message keys under which the access log and the consent history are told to a reader. What the log stores
 * stays as it was written (a short English description from the module that read, an actor name, the channel a
 * consent came through), so the JSON download and the audit keep it; a page shows its text in the reader's language.
 *
 * <p>A read is described by its words without ids: {@code "comment at touchpoint 3f2a…"} becomes the key
 * {@code privacy.read.comment-at-touchpoint}. A module that logs a new kind of read adds that key to its texts; until
 * it does, pages show the description without its ids.
 */
public final class LogTerms {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private LogTerms() {
    }

    /** The key that describes a read ({@code privacy.read.<words>}). */
    public static String whatKey(String what) {
        return "privacy.read." + slug(withoutIds(what));
    }

    /** A text with its ids left out (white space around them tidied), for a page; a text without ids as it is. */
    public static String withoutIds(String what) {
        if (!UUID.matcher(what).find()) {
            return what;
        }
        return UUID.matcher(what).replaceAll("").replaceAll("\\s+", " ").replaceAll("\\s+([),.:;])", "$1").strip();
    }

    /** The key for an actor that is not a person's account (the system, the person themselves), or null for a user name. */
    public static @Nullable String actorKey(String actor) {
        return switch (actor) {
            case Actors.SYSTEM -> "privacy.actor.system";
            case Actors.SELF -> "privacy.actor.self";
            default -> null;
        };
    }

    /** The key for the channel a consent was given or withdrawn through ({@code privacy.consentChannel.<channel>}). */
    public static String consentChannelKey(String channel) {
        return "privacy.consentChannel." + slug(channel);
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
