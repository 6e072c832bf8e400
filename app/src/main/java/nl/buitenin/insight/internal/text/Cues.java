package nl.buitenin.insight.internal.text;

import java.util.Map;
import java.util.Set;

import nl.buitenin.insight.text.Language;

/**
 * The words the sentiment rules react to, per language. Negators flip the polarity of the words in their scope;
 * intensifiers and downtoners scale the next opinion word; after a contrast word what follows weighs more than
 * what came before; "te"/"too" before an adjective makes it a complaint ("te lang", "too fast"); in a sentence
 * with a wish about the past ("was fijn geweest", "would have been nice", "I wish") or Dutch irony ("hoor") praise
 * words count against.
 */
record Cues(Set<String> negators, Set<String> intensifiers, Set<String> downtoners, Set<String> contrasts,
        Set<String> too, Set<String> counterfactuals, Set<String> wouldHave) {

    static final Cues DUTCH = new Cues(
            Set.of("niet", "geen", "nooit", "niets", "niks", "allesbehalve", "nergens", "niemand", "zonder", "weinig"),
            Set.of("heel", "erg", "super", "zeer", "echt", "enorm", "ontzettend", "vreselijk", "hartstikke", "zo",
                    "bijzonder", "uiterst", "extreem", "behoorlijk", "werkelijk", "ongelooflijk", "supergoed"),
            Set.of("beetje", "wat", "iets", "redelijk", "vrij", "tamelijk", "nogal", "enigszins", "best"),
            Set.of("maar", "echter", "alleen", "helaas", "toch", "desondanks"),
            Set.of("te"),
            Set.of("geweest", "gemogen", "hoor", "zou", "zouden"),
            Set.of());

    static final Cues ENGLISH = new Cues(
            Set.of("not", "no", "never", "nothing", "none", "nobody", "nowhere", "neither", "nor", "without",
                    "cannot", "hardly"),
            Set.of("very", "really", "so", "extremely", "super", "incredibly", "absolutely", "totally", "truly",
                    "completely", "highly", "utterly", "especially", "exceptionally", "fully"),
            Set.of("slightly", "somewhat", "bit", "little", "fairly", "rather", "quite", "pretty", "kind", "sort",
                    "barely", "mostly"),
            Set.of("but", "however", "only", "although", "though", "unfortunately", "yet", "still", "except"),
            Set.of("too"),
            Set.of("wish", "hoped"),
            Set.of("would", "could", "should", "might"));

    static Cues of(Language language) {
        return language == Language.NL ? DUTCH : ENGLISH;
    }

    /** "didn't", "wasn't", "can't": the English negation glued to its verb. */
    boolean isNegator(String term) {
        return negators.contains(term) || term.endsWith("n't") || term.endsWith("n’t");
    }

    /** Emoji with a polarity (-1..1); 😂 and 😅 are mostly self-mockery and count for nothing. */
    static final Map<String, Double> EMOJI = Map.ofEntries(
            Map.entry("😊", 0.6), Map.entry("🙂", 0.4), Map.entry("😀", 0.6), Map.entry("😃", 0.6),
            Map.entry("😄", 0.6), Map.entry("😁", 0.6), Map.entry("😍", 0.8), Map.entry("🥰", 0.8),
            Map.entry("❤", 0.7), Map.entry("💚", 0.7), Map.entry("💙", 0.7), Map.entry("👍", 0.6),
            Map.entry("👏", 0.6), Map.entry("🙏", 0.4), Map.entry("🌟", 0.6), Map.entry("⭐", 0.5),
            Map.entry("💪", 0.4), Map.entry("🎉", 0.6), Map.entry("😎", 0.4), Map.entry("🤩", 0.8),
            Map.entry("😡", -0.8), Map.entry("😠", -0.7), Map.entry("🤬", -0.9), Map.entry("🙁", -0.5),
            Map.entry("☹", -0.5), Map.entry("😞", -0.6), Map.entry("😢", -0.6), Map.entry("😭", -0.6),
            Map.entry("🙄", -0.7), Map.entry("👎", -0.6), Map.entry("😤", -0.6), Map.entry("😒", -0.6),
            Map.entry("😕", -0.4), Map.entry("😩", -0.6), Map.entry("😫", -0.6), Map.entry("🤦", -0.6),
            Map.entry("💩", -0.7), Map.entry("😂", 0.0), Map.entry("😅", 0.0), Map.entry("🤷", 0.0));
}
