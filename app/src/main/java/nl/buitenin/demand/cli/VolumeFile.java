package nl.buitenin.demand.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import nl.buitenin.demand.internal.volume.VolumeCsv;
import nl.buitenin.journey.Channel;
import nl.buitenin.platform.CsvInput;

/** Reads a volume CSV from disk with a progress bar (on standard error) over the bytes read. */
final class VolumeFile {

    private VolumeFile() {
    }

    static VolumeCsv.Result read(Path file, ZoneId zone, boolean progress) throws IOException {
        long size = Files.size(file);
        InputStream in = Files.newInputStream(file);
        if (progress) {
            in = ProgressBar.wrap(in, new ProgressBarBuilder().setTaskName("Reading " + file.getFileName()).setInitialMax(size)
                    .setUnit(" KiB", 1024).clearDisplayOnFinish());
        }
        try (Reader reader = CsvInput.utf8(in)) {
            return VolumeCsv.read(reader, zone, Channel.PHONE, "file", line -> { });
        }
    }
}
