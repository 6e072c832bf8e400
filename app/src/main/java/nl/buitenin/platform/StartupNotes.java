package nl.buitenin.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines that modules want the operator to read when the server is ready (the demo logins, a
 * one-time admin password). They are printed once, after the URL, by the start-up report.
 */
public final class StartupNotes {

    private final List<String> lines = new ArrayList<>();

    public synchronized void add(String line) {
        lines.add(line);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
