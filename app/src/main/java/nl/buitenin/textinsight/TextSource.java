package nl.buitenin.textinsight;

import java.util.Locale;

/** Where an analysed text comes from. */
public enum TextSource {
    /** The free-text answers of a completed survey response, read as one text. */
    COMMENT,
    /** What a person said when a case was opened (a complaint, a case an agent opened). */
    CASE,
    /** What staff heard and recorded as a note (channel NOTE). */
    NOTE,
    /** The reason a person gave for a contact (for the contact-reason analysis to come). */
    CONTACT_REASON;

    /** The key of the source's name in the reader's language. */
    public String messageKey() {
        return "textinsight.source." + name().toLowerCase(Locale.ROOT);
    }
}
