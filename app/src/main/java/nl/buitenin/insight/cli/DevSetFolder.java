package nl.buitenin.insight.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/** The development-set folder the evaluate commands read: a missing folder or an unreadable file is told on err. */
final class DevSetFolder {

    private DevSetFolder() {
    }

    /** The folder read by {@code reader}, or null (after saying why, naming the folder) when it cannot be. */
    static <T> @Nullable T read(Path dir, Function<Path, T> reader, PrintWriter err) {
        if (!Files.isDirectory(dir)) {
            err.println(dir + ": not a folder");
            return null;
        }
        try {
            return reader.apply(dir);
        } catch (RuntimeException e) {
            err.println(dir + ": " + e.getMessage());
            return null;
        }
    }
}
