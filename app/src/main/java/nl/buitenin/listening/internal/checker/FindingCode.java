package nl.buitenin.listening.internal.checker;

/** The kinds of wording problems the checker finds; the code is stable for files, tests and the API. */
public enum FindingCode {
    /** Steers towards an answer: asks for agreement, or praises what it asks about. */
    LEADING,
    /** Takes for granted something the person may not think (that they liked it, that it improved). */
    LOADED,
    /** Asks two things at once, so one answer cannot tell which was meant. */
    DOUBLE_BARRELLED,
    /** More positive than negative answer options (or the reverse). */
    UNBALANCED_SCALE,
    /** Always, never, everyone: hardly anybody can honestly say yes. */
    ABSOLUTE,
    /** Words of the organisation rather than of the person asked. */
    JARGON,
    /** Too many words to read and remember on a phone. */
    TOO_LONG
}
