package nl.buitenin.insight.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.text.DemandClassifier;
import nl.buitenin.insight.text.DemandContact;
import nl.buitenin.insight.text.DemandReading;
import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.TextAnalyzer;
import nl.buitenin.platform.CsvInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code buitenin demand-type FILE [--column reason]}: value or failure demand for each contact reason of a CSV file,
 * with the same classifier as the server. With a {@code person} column the contacts of one person are read together
 * for the repeat rule, in the order of an {@code at} column when there is one, else in the order of the rows. The
 * file is read whole first, so a broken line stops the tool before it prints anything.
 */
@Command(name = "demand-type", mixinStandardHelpOptions = true,
        description = {"Classify the contact reasons in a column of a CSV file (UTF-8, with a header) as value or failure "
                + "demand.",
                "Prints the input columns plus 'demand' (value or failure) and 'why' as CSV on standard output.",
                "Optional columns: 'person' (who made the contact) reads a person's contacts together, so that a contact "
                        + "about the same unresolved matter within the window is failure demand (repeating); 'at' "
                        + "(ISO-8601 time such as 2026-03-01T10:15:00Z, or a date) orders them and bounds the window; "
                        + "without 'at' the rows are in the order the contacts happened.",
                "Exit code 0 when classified, 2 on bad usage or a file that cannot be read (the line is named)."})
public class DemandTypeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV file with a header line")
    Path file;

    @Option(names = "--column", defaultValue = "reason", description = "header of the column with the reasons "
            + "(default: ${DEFAULT-VALUE})")
    String column;

    @Option(names = "--window", defaultValue = "14", description = "days within which a contact about the same matter "
            + "counts as a repeat (default: ${DEFAULT-VALUE})")
    int windowDays;

    @Option(names = "--why", defaultValue = "en", description = "language of the 'why' column, nl or en "
            + "(default: ${DEFAULT-VALUE})")
    String whyLanguage;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Language language = Language.of(whyLanguage).orElse(null);
        if (language == null) {
            err.println("--why must be nl or en, not '" + whyLanguage + "'");
            return 2;
        }
        if (windowDays < 0) {
            err.println("--window must be 0 or more days, not " + windowDays);
            return 2;
        }
        return CsvTable.exitCode(out, err, () -> {
            CsvTable input = CsvTable.read(file);
            int index = input.column(file, column);
            int person = input.header().indexOf("person").orElse(-1);
            int at = input.header().indexOf("at").orElse(-1);
            List<DemandContact> contacts = new ArrayList<>();
            for (CsvInput.Line line : input.rows()) {
                Instant time = null;
                if (at >= 0 && !line.values().get(at).isBlank()) {
                    time = time(line.values().get(at).strip());
                    if (time == null) {
                        throw new CsvTable.Unreadable(file + ": " + line.place() + ": 'at' is not a time such as 2026-03-01T10:15:00Z "
                                + "or a date such as 2026-03-01: '" + line.values().get(at) + "'");
                    }
                }
                contacts.add(new DemandContact(line.values().get(index), time));
            }
            List<DemandReading> readings = read(contacts, input.rows(), person);
            input.printWith(out, List.of("demand", "why"), r -> List.of(readings.get(r).type().code(), readings.get(r).why().in(language)));
        });
    }

    /** Reads the contacts: those of one person together, the rows without a person each alone. */
    private List<DemandReading> read(List<DemandContact> contacts, List<CsvInput.Line> rows, int person) {
        DemandClassifier classifier = new DemandClassifier(TextAnalyzer.standard(), Duration.ofDays(windowDays));
        DemandReading[] readings = new DemandReading[contacts.size()];
        Map<String, List<Integer>> byPerson = new LinkedHashMap<>();
        for (int r = 0; r < contacts.size(); r++) {
            String who = person < 0 ? "" : rows.get(r).values().get(person).strip();
            if (who.isEmpty()) {
                readings[r] = classifier.classify(List.of(contacts.get(r))).get(0);
            } else {
                byPerson.computeIfAbsent(who, p -> new ArrayList<>()).add(r);
            }
        }
        for (List<Integer> of : byPerson.values()) {
            List<DemandReading> read = classifier.classify(of.stream().map(contacts::get).toList());
            for (int i = 0; i < of.size(); i++) {
                readings[of.get(i)] = read.get(i);
            }
        }
        return List.of(readings);
    }

    private static @Nullable Instant time(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
