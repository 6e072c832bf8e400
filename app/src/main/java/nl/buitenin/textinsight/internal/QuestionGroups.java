package nl.buitenin.textinsight.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import nl.buitenin.insight.text.DemandClassifier;

/**
 * Groups contact reasons into repeated questions: reasons that name the same matter (a content word, compared by its
 * stem like the repeat rule does, a Dutch compound meeting its head: "boekingsbevestiging" counts for "bevestiging")
 * form a group, the matter shared by most reasons first. A reason joins one group only. Plain Java: the same reasons in
 * the same order give the same groups.
 */
final class QuestionGroups {

    /** How many reasons a group shows as examples. */
    static final int EXAMPLES = 3;

    /** Stems shorter than this do not take in longer ones ending in them ("reis" would swallow every "...reis"). */
    private static final int HEAD = 5;

    private static final Set<String> QUESTION_WORDS = Set.of("wat", "welk", "welke", "hoe", "hoeveel", "waarom", "wanneer", "waar",
            "waarheen", "waarvoor", "wie", "wiens", "what", "which", "how", "why", "when", "where", "who", "whom", "whose");

    /** A reason to group; {@code asker} tells people apart (a person key, or the contact itself when nobody is known). */
    record Asked(String ref, String asker, String reason) {
    }

    /**
     * A repeated question: the matter's word as most often written, how many contacts and people asked it, a few of
     * the reasons (in the order given) with the ref of each ({@code exampleRefs}, the first reason of that text), and the
     * refs of all of them.
     */
    record Group(String stem, String label, int contacts, int people, List<String> examples, List<String> exampleRefs, List<String> refs) {
    }

    private final DemandClassifier classifier;

    QuestionGroups(DemandClassifier classifier) {
        this.classifier = classifier;
    }

    /** Up to {@code limit} groups of at least two reasons, largest first (ties by the matter's stem). */
    List<Group> group(List<Asked> reasons, int limit) {
        List<Map<String, String>> matters = reasons.stream().map(a -> withoutQuestionWords(classifier.matter(a.reason()))).toList();
        Map<String, Set<Integer>> byStem = new TreeMap<>();
        for (int i = 0; i < matters.size(); i++) {
            for (String stem : matters.get(i).keySet()) {
                byStem.computeIfAbsent(stem, s -> new TreeSet<>()).add(i);
            }
        }
        Map<String, Set<Integer>> members = new TreeMap<>();
        for (String stem : byStem.keySet()) {
            Set<Integer> of = new TreeSet<>(byStem.get(stem));
            if (stem.length() >= HEAD) {
                byStem.forEach((other, at) -> {
                    if (other.length() > stem.length() && other.endsWith(stem)) {
                        of.addAll(at);
                    }
                });
            }
            members.put(stem, of);
        }
        Set<Integer> taken = new HashSet<>();
        List<Group> groups = new ArrayList<>();
        while (groups.size() < limit) {
            String best = null;
            int bestSize = 1;
            for (Map.Entry<String, Set<Integer>> entry : members.entrySet()) {
                int size = (int) entry.getValue().stream().filter(i -> !taken.contains(i)).count();
                if (size > bestSize) {
                    best = entry.getKey();
                    bestSize = size;
                }
            }
            if (best == null) {
                break;
            }
            List<Integer> in = members.get(best).stream().filter(i -> !taken.contains(i)).toList();
            taken.addAll(in);
            groups.add(group(best, in, reasons, matters));
        }
        groups.sort(Comparator.comparingInt((Group g) -> -g.contacts()).thenComparing(Group::stem));
        return groups;
    }

    private static Group group(String stem, List<Integer> in, List<Asked> reasons, List<Map<String, String>> matters) {
        // The group's own word as written names it; only when every reason has it inside a compound does a compound.
        Map<String, Integer> written = new HashMap<>();
        Map<String, Integer> compounds = new HashMap<>();
        Set<String> askers = new LinkedHashSet<>();
        Map<String, String> examples = new LinkedHashMap<>();
        List<String> refs = new ArrayList<>();
        for (int i : in) {
            String word = matters.get(i).get(stem);
            if (word != null) {
                written.merge(word.toLowerCase(Locale.ROOT), 1, Integer::sum);
            } else {
                matters.get(i).entrySet().stream().filter(e -> e.getKey().endsWith(stem)).findFirst()
                        .ifPresent(e -> compounds.merge(e.getValue().toLowerCase(Locale.ROOT), 1, Integer::sum));
            }
            Asked asked = reasons.get(i);
            askers.add(asked.asker());
            refs.add(asked.ref());
            if (examples.size() < EXAMPLES) {
                examples.putIfAbsent(asked.reason().strip(), asked.ref());
            }
        }
        String label = mostWritten(written.isEmpty() ? compounds : written, stem);
        return new Group(stem, label, in.size(), askers.size(), List.copyOf(examples.keySet()), List.copyOf(examples.values()), refs);
    }

    /** A question word ("welke", "which") says that something is asked, not what about. */
    private static Map<String, String> withoutQuestionWords(Map<String, String> matter) {
        Map<String, String> kept = new LinkedHashMap<>(matter);
        kept.values().removeIf(word -> QUESTION_WORDS.contains(word.toLowerCase(Locale.ROOT)));
        return kept;
    }

    private static String mostWritten(Map<String, Integer> counts, String otherwise) {
        return counts.entrySet().stream()
                .min(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(otherwise);
    }
}
