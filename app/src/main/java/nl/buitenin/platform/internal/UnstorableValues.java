package nl.buitenin.platform.internal;

import java.sql.SQLException;
import java.util.Set;

/** Whether a database refused a value because of its length or characters (not because of anything the server did). */
final class UnstorableValues {

    /** 22001 string data right truncation; 22021 character not in repertoire (NUL on PostgreSQL); 22P05 untranslatable character. */
    private static final Set<String> STATES = Set.of("22001", "22021", "22P05");

    private UnstorableValues() {
    }

    static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && STATES.contains(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
