package nl.buitenin.listening.internal.answers;

/** Invited (a link was sent), started (answers saved, not sent yet), completed (sent; no more changes). */
public enum ResponseStatus {
    INVITED, STARTED, COMPLETED
}
