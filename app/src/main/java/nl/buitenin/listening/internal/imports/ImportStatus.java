package nl.buitenin.listening.internal.imports;

/** Where an uploaded export stands. */
public enum ImportStatus {
    UPLOADED, RUNNING, DONE, REJECTED, FAILED;

    public boolean isFinished() {
        return this == DONE || this == REJECTED || this == FAILED;
    }
}
