package nl.buitenin.privacy.internal;

import nl.buitenin.privacy.PurposeId;

/** The purpose under which the person's own requests (access, export, erasure) are handled. */
final class DataSubjectRights {

    static final PurposeId PURPOSE = new PurposeId("data-subject-rights");

    private DataSubjectRights() {
    }
}
