package nl.buitenin.insight.internal.text;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.SentenceSentiment;
import nl.buitenin.insight.text.Sentiment;
import nl.buitenin.insight.text.SentimentLabel;

/**
 * Lexicon sentiment with rules, in the manner of VADER (Hutto and Gilbert 2014): the polarities of the opinion
 * words are summed, each modified by what stands before it (negation, intensifier, downtoner, "te"/"too"), the
 * part after a contrast word weighs more than the part before it, exclamation marks strengthen their sentence,
 * and the sum is squashed into -1..1. Per sentence the same with only that sentence's words. Expressions
 * ({@link Phrases}: "viel tegen", "aan de hoge kant") are scored as one opinion word at their first word.
 */
public final class SentimentScorer {

    private static final java.util.Set<String> AMOUNTS = java.util.Set.of("veel", "weinig", "much", "many", "little",
            "few");

    private final Lexicon lexicon;
    private final Cues cues;
    private final SentimentRules rules;
    private final Language language;
    private final Phrases phrases;

    public SentimentScorer(Lexicon lexicon, SentimentRules rules) {
        this.lexicon = lexicon;
        this.language = lexicon.language();
        this.cues = Cues.of(language);
        this.phrases = new Phrases(cues.phrases());
        this.rules = rules;
    }

    /** The sentiment of the whole text and of each of its sentences. */
    public record Scored(Sentiment text, List<SentenceSentiment> sentences) {
    }

    public Scored score(Tokens.Text text) {
        List<Token> tokens = text.tokens();
        int sentenceCount = text.sentences().size();
        double[] sentenceSums = new double[sentenceCount];
        double total = 0;
        double weight = 1;
        int negationLeft = 0;
        boolean negationUsed = true;
        int negationSentence = 0;
        double bare = rules.bareNegation();
        double modifier = 1;
        int modifierLeft = 0;
        boolean tooBefore = false;
        int sentence = -1;
        boolean[] turned = turnedSentences(tokens, sentenceCount);
        Phrases.Match expressions = phrases.match(tokens, cues, rules.negation());
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.clauseStart() || token.sentence() != sentence) {
                if (negationLeft > 0 && !negationUsed) {
                    total += bare * rules.negativeWeight() * weight;
                    sentenceSums[negationSentence] += bare * rules.negativeWeight() * weight;
                }
                negationLeft = 0;
                negationUsed = true;
                modifierLeft = 0;
                tooBefore = false;
                sentence = token.sentence();
            }
            String term = token.term();
            if (token.emoji()) {
                Double value = Cues.EMOJI.get(term);
                if (value != null) {
                    total += value * weight;
                    sentenceSums[sentence] += value * weight;
                }
                continue;
            }
            boolean covered = expressions.covered()[i];
            if (!covered && tooBefore && (cues.isNegator(term) || AMOUNTS.contains(term))) {
                // "te weinig", "te veel": too little of something is a complaint, not a negation
                total += rules.too() * rules.negativeWeight() * weight;
                sentenceSums[sentence] += rules.too() * rules.negativeWeight() * weight;
                tooBefore = false;
                continue;
            }
            if (!covered && cues.isNegator(term)) {
                if (negationLeft > 0 && !negationUsed) {
                    total += bare * rules.negativeWeight() * weight;
                    sentenceSums[negationSentence] += bare * rules.negativeWeight() * weight;
                }
                negationLeft = rules.scope();
                negationUsed = false;
                negationSentence = sentence;
                // "zonder kosten", "without any fuss": without something is no complaint by itself
                bare = cues.withouts().contains(term) ? 0 : rules.bareNegation();
                continue;
            }
            if (!covered && cues.contrasts().contains(term)) {
                total *= rules.before();
                sentenceSums[sentence] *= rules.before();
                weight = rules.after();
                continue;
            }
            boolean intensifier = cues.intensifiers().contains(term);
            if (!covered && (intensifier || cues.downtoners().contains(term)) && opinionFollows(tokens, i)) {
                modifier = intensifier ? rules.intensify() : rules.downtone();
                modifierLeft = 2;
                continue;
            }
            if (!covered && intensifier && !endsClause(tokens, i) && isNegative(term)) {
                // "ontzettend veel", "erg lang moeten wachten": a degree word the lexicons score negative ("erg",
                // "ontzettend") says how much, not what; only at the end of a clause ("Erg!") is it a complaint
                modifierLeft = Math.max(0, modifierLeft - 1);
                continue;
            }
            if (!covered && cues.too().contains(term) && i + 1 < tokens.size() && !tokens.get(i + 1).clauseStart()) {
                tooBefore = true;
                continue;
            }
            Double found = covered ? expressions.value()[i] : valence(term);
            boolean adjective = tooBefore && (found != null || lexicon.isAdjective(term) || language == Language.EN);
            if (found == null && !adjective) {
                if (negationLeft == 1 && !negationUsed) {
                    // the scope ran out without an opinion word: "geen bevestiging ontvangen", "didn't know much"
                    total += bare * rules.negativeWeight() * weight;
                    sentenceSums[negationSentence] += bare * rules.negativeWeight() * weight;
                    negationUsed = true;
                }
                negationLeft = Math.max(0, negationLeft - 1);
                modifierLeft = Math.max(0, modifierLeft - 1);
                tooBefore = false;
                continue;
            }
            double value = found == null ? 0 : found;
            if (tooBefore) {
                // at least the complaint of "te" itself: "te lang" is worse than "lang" (-0.1)
                value = Math.min(rules.too(), value * rules.intensify());
                tooBefore = false;
            }
            if (value > 0 && turned[sentence]) {
                value *= rules.counterfactual();
            }
            if (modifierLeft > 0) {
                value *= modifier;
                modifierLeft = 0;
            }
            if (negationLeft > 0) {
                value *= rules.negation();
                negationUsed = true;
                negationLeft = 0;
            }
            if (value < 0) {
                value *= rules.negativeWeight();
            }
            total += value * weight;
            sentenceSums[sentence] += value * weight;
        }
        if (negationLeft > 0 && !negationUsed) {
            total += bare * rules.negativeWeight() * weight;
            sentenceSums[negationSentence] += bare * rules.negativeWeight() * weight;
        }
        List<SentenceSentiment> sentences = new ArrayList<>(sentenceCount);
        double exclaimed = 0;
        for (int s = 0; s < sentenceCount; s++) {
            Tokens.Sentence span = text.sentences().get(s);
            double boost = 1 + rules.exclamation() * Math.min(3, span.exclamations());
            exclaimed += sentenceSums[s] * (boost - 1);
            sentences.add(new SentenceSentiment(span.start(), span.end(), sentiment(sentenceSums[s] * boost)));
        }
        return new Scored(sentiment(total + exclaimed), sentences);
    }

    /**
     * The sentences whose praise words turn into a complaint: a wish about the past ("een berichtje was fijn geweest",
     * "hadden best wat beter gemogen", "would have been sensible", "I wish ...") and Dutch irony with "hoor"
     * ("Fijn hoor, drie kwartier in de wacht").
     */
    private boolean[] turnedSentences(List<Token> tokens, int sentenceCount) {
        boolean[] turned = new boolean[sentenceCount];
        boolean[] recommends = new boolean[sentenceCount];
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String term = token.term();
            String next = i + 1 < tokens.size() && tokens.get(i + 1).sentence() == token.sentence()
                    ? tokens.get(i + 1).term() : "";
            if (cues.counterfactuals().contains(term)
                    || cues.wouldHave().contains(term) && (next.equals("have") || next.equals("been") || next.equals("be"))
                    || term.endsWith("'ve") && cues.wouldHave().contains(term.substring(0, term.length() - 3))) {
                turned[token.sentence()] = true;
            }
            if (term.startsWith("aanrad") || term.startsWith("aanbevel") || term.startsWith("recommend")) {
                recommends[token.sentence()] = true;
            }
        }
        for (int s = 0; s < sentenceCount; s++) {
            turned[s] &= !recommends[s];
        }
        return turned;
    }

    private boolean opinionFollows(List<Token> tokens, int at) {
        int reach = 2;
        for (int i = at + 1; i <= at + reach && i < tokens.size(); i++) {
            Token next = tokens.get(i);
            if (next.clauseStart() || next.sentence() != tokens.get(at).sentence()) {
                return false;
            }
            if (cues.intensifiers().contains(next.term())) {
                reach++; // "echt heel erg lang": the chain reaches the word it grades
                continue;
            }
            if (valence(next.term()) != null || cues.too().contains(next.term())) {
                return true;
            }
        }
        return false;
    }

    private boolean isNegative(String term) {
        Double value = valence(term);
        return value != null && value < 0;
    }

    /** Whether the token at {@code at} is the last of its clause. */
    private static boolean endsClause(List<Token> tokens, int at) {
        if (at + 1 >= tokens.size()) {
            return true;
        }
        Token next = tokens.get(at + 1);
        return next.clauseStart() || next.sentence() != tokens.get(at).sentence();
    }

    private @Nullable Double valence(String term) {
        Double value = lexicon.valence(term);
        if (value == null && rules.compounds() && language == Language.NL && term.length() >= 7) {
            value = lexicon.compound(term);
        }
        return value;
    }

    private Sentiment sentiment(double sum) {
        double score = sum / Math.sqrt(sum * sum + rules.alpha());
        score = Math.max(-1, Math.min(1, score));
        double neutral = rules.neutral(language);
        SentimentLabel label = score <= -neutral && score < 0 ? SentimentLabel.NEGATIVE
                : score >= neutral && score > 0 ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
        return new Sentiment(score, label);
    }
}
