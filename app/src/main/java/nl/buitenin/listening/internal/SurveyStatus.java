package nl.buitenin.listening.internal;

/** A draft can change; a published version is what was sent and never changes again. */
public enum SurveyStatus {
    DRAFT,
    PUBLISHED
}
