package nl.buitenin.insight.text;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.internal.text.DemandCues;
import nl.buitenin.insight.internal.text.DemandCues.Cue;
import nl.buitenin.insight.internal.text.DemandCues.Word;

/**
 * Reads contact reasons as value demand or failure demand (John Seddon: chasing, repeating, correcting, not
 * understanding, complaining about a failure), each with a reason a person can read in Dutch and English.
 * <p>
 * Three rules, in this order:
 * <ol>
 * <li><b>A repeat</b>: a contact of a person who contacted about the same matter before, within the window (default
 * 14 days), when that earlier contact was failure demand: the matter was not resolved. The same matter means that
 * both reasons share a content word (stemmed; a Dutch compound meets its head). A reason that names its own value
 * ("wil nu boeken") moves the matter on and is not a repeat.</li>
 * <li><b>Cue phrases</b> ({@code demand/cues.tsv}, Dutch and English, stemmed like the text): the failure kinds found
 * decide in the guide's order of precedence (repeating, correcting, chasing, not understanding, complaint).</li>
 * <li>Otherwise <b>value demand</b>.</li>
 * </ol>
 * Plain Java; building one loads the cues (and the shared {@link TextAnalyzer} when none is given); after that it is
 * thread-safe. The measured accuracy is in {@code docs/insight.md}.
 */
public final class DemandClassifier {

    /** The default window in which a contact about the same matter counts as a repeat. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(14);

    private static volatile @Nullable DemandClassifier standard;

    private final TextAnalyzer analyzer;
    private final DemandCues cues;
    private final Duration window;

    /** A classifier over the given analyzer with the given repeat window. */
    public DemandClassifier(TextAnalyzer analyzer, Duration window) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative: " + window);
        }
        this.cues = new DemandCues(analyzer);
    }

    /** The shared classifier over {@link TextAnalyzer#standard()} with the default window, built on first use. */
    public static DemandClassifier standard() {
        DemandClassifier classifier = standard;
        if (classifier == null) {
            synchronized (DemandClassifier.class) {
                classifier = standard;
                if (classifier == null) {
                    classifier = new DemandClassifier(TextAnalyzer.standard(), DEFAULT_WINDOW);
                    standard = classifier;
                }
            }
        }
        return classifier;
    }

    /** The repeat window. */
    public Duration window() {
        return window;
    }

    /**
     * The words that say which matter a reason is about, as the repeat rule compares them: its content words without
     * those any contact uses ("vraagt", "belt"), each by its stem (in the reason's language) with the word as first
     * written. For grouping reasons about the same matter ("bevestiging" in "Waar blijft mijn bevestiging?").
     */
    public Map<String, String> matter(String reason) {
        Language language = analyzer.language(reason);
        Map<String, String> matter = new LinkedHashMap<>(cues.matter(cues.words(reason, language), language));
        // The words of the cue phrases found ("waar blijft", "nog niet ontvangen") say how the question is put, not what
        // it is about: without them, every chasing reason would share "waar" and "blijft".
        for (Language each : Language.values()) {
            for (Cue cue : cues.found(cues.words(reason, each), each)) {
                matter.keySet().removeAll(DemandCues.phraseStems(cue));
            }
        }
        return matter;
    }

    /** Reads one contact on its own (as a first contact: no repeat by person). */
    public DemandReading classify(String reason) {
        return classify(List.of(DemandContact.of(reason))).get(0);
    }

    /**
     * Reads the contacts of <b>one person</b> (or of nobody known: then pass each alone). The contacts are taken in
     * time order where times are given, else in the order of the list; a contact without a time counts every
     * earlier one as within the window. Returns one reading per contact, in the order of the list.
     */
    public List<DemandReading> classify(List<DemandContact> contacts) {
        int size = contacts.size();
        List<Integer> order = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        // Time order when every contact has a time (stable: the same time keeps the list's order), else the list's.
        if (contacts.stream().allMatch(c -> c.at() != null)) {
            order.sort(Comparator.comparing(i -> Objects.requireNonNull(contacts.get(i).at())));
        }
        Read[] read = new Read[size];
        DemandReading[] readings = new DemandReading[size];
        for (int position = 0; position < size; position++) {
            int index = order.get(position);
            DemandContact contact = contacts.get(index);
            Read current = read(contact);
            read[index] = current;
            DemandReading reading = current.ownReading();
            if (current.valueCue() == null && reading.kind() != FailureKind.REPEATING) {
                DemandReading repeat = repeat(contact, current, order.subList(0, position), contacts, read, readings);
                if (repeat != null) {
                    reading = repeat;
                }
            }
            readings[index] = reading;
        }
        return List.of(readings);
    }

    private @Nullable DemandReading repeat(DemandContact contact, Read current, List<Integer> earlier,
            List<DemandContact> contacts, Read[] read, DemandReading[] readings) {
        for (int e = earlier.size() - 1; e >= 0; e--) {
            int index = earlier.get(e);
            if (!readings[index].failure() || !within(contacts.get(index).at(), contact.at())) {
                continue;
            }
            String word = DemandCues.shared(current.matter(), read[index].matter());
            if (word != null) {
                return new DemandReading(DemandType.FAILURE, FailureKind.REPEATING,
                        Whys.repeat(word, contacts.get(index).at(), contact.at()));
            }
        }
        return null;
    }

    private boolean within(@Nullable Instant earlier, @Nullable Instant later) {
        if (earlier == null || later == null) {
            return true;
        }
        return Duration.between(earlier, later).compareTo(window) <= 0;
    }

    /** What a reason says on its own. */
    private record Read(Map<String, String> matter, @Nullable Cue valueCue, DemandReading ownReading) {
    }

    private Read read(DemandContact contact) {
        Language language = analyzer.language(contact.reason());
        List<Word> words = cues.words(contact.reason(), language);
        // The cues of both languages: a short reason ("Card charged twice") may be guessed wrongly, and a reason
        // may mix the two; the guessed language's cues come first.
        List<Cue> found = new ArrayList<>(cues.found(words, language));
        for (Language other : Language.values()) {
            if (other != language) {
                found.addAll(cues.found(cues.words(contact.reason(), other), other));
            }
        }
        Cue failure = null;
        Cue value = null;
        for (Cue cue : found) {
            if (cue.kind() == null) {
                value = value == null ? cue : value;
            } else if (failure == null || cue.kind().ordinal() < failure.kind().ordinal()) {
                failure = cue;
            }
        }
        DemandReading own = failure != null
                ? new DemandReading(DemandType.FAILURE, failure.kind(), Whys.cue(failure.kind(), failure.phrase()))
                : new DemandReading(DemandType.VALUE, null, Whys.value(value == null ? null : value.phrase()));
        return new Read(cues.matter(words, language), failure == null ? value : null, own);
    }
}
