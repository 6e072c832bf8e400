package nl.buitenin.insight.internal.text;

import java.util.Map;
import java.util.Set;

import nl.buitenin.insight.text.Language;

/**
 * The words the sentiment rules react to, per language. Negators flip the polarity of the words in their scope;
 * intensifiers and downtoners scale the next opinion word; after a contrast word what follows weighs more than
 * what came before; "te"/"too" before an adjective makes it a complaint ("te lang", "too fast"); in a sentence
 * with a wish about the past ("was fijn geweest", "would have been nice", "I wish") or Dutch irony ("hoor") praise
 * words count against. A negation with no opinion word in its scope is a mild complaint, except after "zonder" or
 * "without" ({@code withouts}); {@code phrases} are the expressions of {@link Phrases} with their polarity.
 */
record Cues(Set<String> negators, Set<String> intensifiers, Set<String> downtoners, Set<String> contrasts,
        Set<String> too, Set<String> counterfactuals, Set<String> wouldHave, Set<String> withouts, Map<String, Double> phrases) {

    static final Cues DUTCH = new Cues(
            Set.of("niet", "geen", "nooit", "niets", "niks", "allesbehalve", "nergens", "niemand", "zonder", "weinig"),
            Set.of("heel", "erg", "super", "zeer", "echt", "enorm", "ontzettend", "vreselijk", "hartstikke", "zo",
                    "bijzonder", "uiterst", "extreem", "behoorlijk", "werkelijk", "ongelooflijk", "supergoed"),
            Set.of("beetje", "wat", "iets", "redelijk", "vrij", "tamelijk", "nogal", "enigszins", "best"),
            Set.of("maar", "echter", "alleen", "helaas", "toch", "desondanks"),
            Set.of("te"),
            Set.of("geweest", "gemogen", "hoor", "zou", "zouden"),
            Set.of(),
            Set.of("zonder"),
            Map.ofEntries(
                    // separable verbs of disappointment and relief, and of things that break down
                    Map.entry("viel … tegen", -0.6), Map.entry("vielen … tegen", -0.6), Map.entry("valt … tegen", -0.6),
                    Map.entry("vallen … tegen", -0.6), Map.entry("viel … mee", 0.5), Map.entry("vielen … mee", 0.5),
                    Map.entry("valt … mee", 0.5), Map.entry("viel … uit elkaar", -0.5), Map.entry("valt … uit elkaar", -0.5),
                    Map.entry("liep … vast", -0.6), Map.entry("liepen … vast", -0.6), Map.entry("loopt … vast", -0.6),
                    Map.entry("spraken elkaar tegen", -0.5), Map.entry("spreken elkaar tegen", -0.5),
                    Map.entry("sprak … tegen", -0.5), Map.entry("week … af", -0.4), Map.entry("wijkt … af", -0.4),
                    // understated complaints and praise of spoken Dutch
                    Map.entry("aan de * kant", -0.4), Map.entry("zo moet het", 0.6), Map.entry("moeite deed", 0.5),
                    Map.entry("moeite gedaan", 0.5), Map.entry("niets … aan te merken", 0.6),
                    Map.entry("niks … aan te merken", 0.6),
                    // coming back
                    Map.entry("zeker weer", 0.6), Map.entry("graag weer", 0.6), Map.entry("volgend jaar weer", 0.6),
                    // waiting for the slower walkers is care, not delay
                    Map.entry("op iedereen gewacht", 0.3), Map.entry("gewacht op iedereen", 0.3),
                    Map.entry("op elkaar gewacht", 0.3), Map.entry("wachten op iedereen", 0.3),
                    // no opinion: a discourse marker, "nothing to remark", "not your fault"
                    Map.entry("eerlijk gezegd", 0.0), Map.entry("geen opmerkingen", 0.0), Map.entry("geen opmerking", 0.0),
                    Map.entry("niks aan doen", 0.0), Map.entry("niets aan doen", 0.0)));

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
            Set.of("would", "could", "should", "might"),
            Set.of("without"),
            Map.ofEntries(
                    Map.entry("on the * side", -0.4), Map.entry("below par", -0.6), Map.entry("on hold", -0.4),
                    Map.entry("do it again", 0.6), Map.entry("book again", 0.6), Map.entry("go again", 0.5),
                    Map.entry("waited for everyone", 0.3), Map.entry("wait for everyone", 0.3),
                    Map.entry("waited for each other", 0.3),
                    Map.entry("not your fault", 0.0), Map.entry("hardly your fault", 0.0),
                    Map.entry("nobody's fault", 0.0)));

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
