package nl.buitenin.insight.internal.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.text.DemandClassifier;
import nl.buitenin.insight.text.DemandContact;
import nl.buitenin.insight.text.DemandReading;
import nl.buitenin.insight.text.DemandType;
import nl.buitenin.insight.text.FailureKind;

/**
 * Measures the failure-demand classifier against the labelled contact reasons of the development sets
 * ({@code contact-reasons.csv}, {@code labels-a/}, {@code labels-b/}, {@code split.csv}).
 * <p>
 * <b>Gold</b>: the demand type where the two label passes agree; a reason on which they disagree is left out. The
 * contacts of one person (the {@code person} column; ids run in the order of the contacts) are read together as one
 * batch, over both splits, so the repeat rule sees a person's earlier contacts whichever split they are in; a reason
 * without a person is read alone. Per failure kind: of the reasons both passes gave that kind, the share read as
 * failure demand with that same kind.
 */
public final class DemandEvaluation {

    /** One labelled contact reason; {@code kindA}, {@code kindB} null for value demand. */
    public record Item(String id, String reason, @Nullable String person, boolean test, DemandType a, DemandType b,
            @Nullable FailureKind kindA, @Nullable FailureKind kindB) {

        boolean agreed() {
            return a == b;
        }

        @Nullable FailureKind agreedKind() {
            return agreed() && kindA != null && kindA == kindB ? kindA : null;
        }
    }

    /** The figures on one split. */
    public record Figures(String split, int reasons, int disagreed, int gold, int goldFailure, double accuracy,
            double failureRecall, double failurePrecision, Map<FailureKind, int[]> perKind) {
    }

    private final List<Item> items;

    private DemandEvaluation(List<Item> items) {
        this.items = List.copyOf(items);
    }

    public List<Item> items() {
        return items;
    }

    /** Reads the contact reasons and both label passes of a development folder. */
    public static DemandEvaluation read(Path dir) {
        Map<String, Map<String, String>> texts = DevSetFiles.byId(dir.resolve("contact-reasons.csv"));
        Map<String, Map<String, String>> split = DevSetFiles.byId(dir.resolve("split.csv"));
        Map<String, Map<String, String>> a = DevSetFiles.byId(dir.resolve("labels-a").resolve("contact-reasons.csv"));
        Map<String, Map<String, String>> b = DevSetFiles.byId(dir.resolve("labels-b").resolve("contact-reasons.csv"));
        List<Item> items = new ArrayList<>();
        texts.forEach((id, row) -> {
            if (!split.containsKey(id) || !a.containsKey(id) || !b.containsKey(id)) {
                throw new IllegalStateException(id + " lacks a split or a label in " + dir);
            }
            String person = row.getOrDefault("person", "");
            items.add(new Item(id, row.get("reason"), person.isBlank() ? null : person.strip(),
                    split.get(id).get("split").equals("test"), type(a.get(id).get("demand")), type(b.get(id).get("demand")),
                    kind(a.get(id).get("failure_type")), kind(b.get(id).get("failure_type"))));
        });
        return new DemandEvaluation(items);
    }

    private static DemandType type(String code) {
        for (DemandType type : DemandType.values()) {
            if (type.code().equals(code)) {
                return type;
            }
        }
        throw new IllegalStateException("not a demand type: " + code);
    }

    private static @Nullable FailureKind kind(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return FailureKind.of(code).orElseThrow(() -> new IllegalStateException("not a failure type: " + code));
    }

    /** Reads every item: the contacts of one person as one batch in id order, the others alone. */
    public Map<Item, DemandReading> readings(DemandClassifier classifier) {
        Map<Item, DemandReading> readings = new IdentityHashMap<>();
        Map<String, List<Item>> byPerson = new LinkedHashMap<>();
        for (Item item : items) {
            if (item.person() == null) {
                readings.put(item, classifier.classify(item.reason()));
            } else {
                byPerson.computeIfAbsent(item.person(), p -> new ArrayList<>()).add(item);
            }
        }
        for (List<Item> contacts : byPerson.values()) {
            List<Item> sorted = contacts.stream().sorted((x, y) -> x.id().compareTo(y.id())).toList();
            List<DemandReading> read = classifier.classify(sorted.stream().map(i -> DemandContact.of(i.reason())).toList());
            for (int i = 0; i < sorted.size(); i++) {
                readings.put(sorted.get(i), read.get(i));
            }
        }
        return readings;
    }

    /** The figures on the dev split ({@code test} false) or the held-out test split. */
    public Figures figures(DemandClassifier classifier, boolean test) {
        Map<Item, DemandReading> readings = readings(classifier);
        int reasons = 0;
        int disagreed = 0;
        int gold = 0;
        int right = 0;
        int goldFailure = 0;
        int failureFound = 0;
        int readFailure = 0;
        int readFailureRight = 0;
        Map<FailureKind, int[]> perKind = new EnumMap<>(FailureKind.class);
        for (Item item : items) {
            if (item.test() != test) {
                continue;
            }
            reasons++;
            if (!item.agreed()) {
                disagreed++;
                continue;
            }
            gold++;
            DemandReading reading = readings.get(item);
            right += reading.type() == item.a() ? 1 : 0;
            if (item.a() == DemandType.FAILURE) {
                goldFailure++;
                failureFound += reading.failure() ? 1 : 0;
            }
            if (reading.failure()) {
                readFailure++;
                readFailureRight += item.a() == DemandType.FAILURE ? 1 : 0;
            }
            FailureKind kind = item.agreedKind();
            if (kind != null) {
                int[] counts = perKind.computeIfAbsent(kind, k -> new int[2]);
                counts[0]++;
                counts[1] += reading.kind() == kind ? 1 : 0;
            }
        }
        return new Figures(test ? "test" : "dev", reasons, disagreed, gold, goldFailure, share(right, gold),
                share(failureFound, goldFailure), share(readFailureRight, readFailure), perKind);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** Cohen's kappa of the two passes: on the demand type (2 classes), or on type and kind (value + 5 kinds). */
    public double kappa(boolean withKind) {
        int k = withKind ? FailureKind.values().length + 1 : 2;
        double[][] table = new double[k][k];
        for (Item item : items) {
            table[cell(item.a(), item.kindA(), withKind)][cell(item.b(), item.kindB(), withKind)]++;
        }
        return Agreement.kappa(table);
    }

    private static int cell(DemandType type, @Nullable FailureKind kind, boolean withKind) {
        if (!withKind || type == DemandType.VALUE) {
            return type == DemandType.VALUE ? 0 : 1;
        }
        return kind == null ? 1 : kind.ordinal() + 1;
    }

    /** The dev reasons read wrongly (for error analysis; never those of the test split). */
    public List<String> devErrors(DemandClassifier classifier) {
        Map<Item, DemandReading> readings = readings(classifier);
        List<String> errors = new ArrayList<>();
        for (Item item : items) {
            if (item.test() || !item.agreed()) {
                continue;
            }
            DemandReading reading = readings.get(item);
            FailureKind gold = item.agreedKind();
            boolean kindWrong = gold != null && reading.kind() != gold;
            if (reading.type() != item.a() || kindWrong) {
                errors.add(String.format(Locale.ROOT, "%s gold=%s/%s got=%s/%s | %s | %s", item.id(), item.a().code(),
                        gold == null ? "" : gold.code(), reading.type().code(),
                        reading.kind() == null ? "" : reading.kind().code(), item.reason(), reading.why().en()));
            }
        }
        return errors;
    }

    /** The Markdown table of the figures (dev, then test), the figures per failure kind and the agreement. */
    public String table(DemandClassifier classifier) {
        StringBuilder out = new StringBuilder();
        out.append("| Split | Reasons | Passes disagree (left out) | Gold | Gold failure | Accuracy value/failure "
                + "| Failure recall | Failure precision |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Figures> both = List.of(figures(classifier, false), figures(classifier, true));
        for (Figures f : both) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f %% | %.1f %% | %.1f %% |%n", f.split(),
                    f.reasons(), f.disagreed(), f.gold(), f.goldFailure(), 100 * f.accuracy(), 100 * f.failureRecall(),
                    100 * f.failurePrecision()));
        }
        out.append("\n| Failure kind (both passes agree) | dev: right / gold | test: right / gold |\n|---|---:|---:|\n");
        for (FailureKind kind : FailureKind.values()) {
            int[] dev = both.get(0).perKind().getOrDefault(kind, new int[2]);
            int[] test = both.get(1).perKind().getOrDefault(kind, new int[2]);
            out.append(String.format(Locale.ROOT, "| %s | %d / %d | %d / %d |%n", kind.code(), dev[1], dev[0], test[1],
                    test[0]));
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "Cohen's kappa of the two label passes over all %d reasons: demand type "
                + "(value/failure) %.3f; type and failure kind (6 classes) %.3f%n", items.size(), kappa(false), kappa(true)));
        return out.toString();
    }
}
