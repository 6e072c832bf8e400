package nl.buitenin.insight.internal.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Splits a text into tokens and sentences in one pass of Lucene's {@link StandardTokenizer} (Unicode word
 * boundaries, UAX #29: "didn't" stays one token, an emoji is a token of its own). The punctuation the tokenizer
 * drops is read from the gaps between tokens: {@code . ! ?} or a line break end a sentence, {@code , ; :} a clause,
 * and the exclamation marks of each sentence are counted. The Lucene analyzer keeps its components per thread, so
 * one instance serves all threads without building a tokenizer per text.
 */
public final class Tokens {

    /** The tokens of a text and its sentences. */
    public record Text(String text, List<Token> tokens, List<Sentence> sentences) {
    }

    /** A sentence: the character range {@code [start, end)} and its number of exclamation marks. */
    public record Sentence(int start, int end, int exclamations) {
    }

    private final Analyzer analyzer;

    public Tokens() {
        this.analyzer = words();
    }

    /** The tokenizer chain: standard tokenizer and lower case, nothing dropped (stop words matter for negation). */
    public static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                tokenizer.setMaxTokenLength(64);
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }
        };
    }

    public Text split(String text) {
        return split(text, analyzer);
    }

    /** Splits with the given analyzer (the benchmark's baseline builds one per text). */
    public static Text split(String text, Analyzer analyzer) {
        List<Token> tokens = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            int previousEnd = 0;
            int sentenceStart = -1;
            int sentence = 0;
            int exclamations = 0;
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                Gap gap = gap(text, previousEnd, start);
                if (sentenceStart >= 0 && gap.sentenceEnd) {
                    sentences.add(new Sentence(sentenceStart, gap.sentenceEndsAt, exclamations + gap.exclamations));
                    sentence++;
                    sentenceStart = -1;
                    exclamations = 0;
                } else {
                    exclamations += gap.exclamations;
                }
                if (sentenceStart < 0) {
                    sentenceStart = start;
                }
                boolean emoji = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI].equals(type.type());
                String value = emoji ? term.toString().replace("\uFE0F", "") : term.toString();
                tokens.add(new Token(value, start, offset.endOffset(), sentence, gap.clause, emoji));
                previousEnd = offset.endOffset();
            }
            stream.end();
            if (sentenceStart >= 0) {
                Gap tail = gap(text, previousEnd, text.length());
                sentences.add(new Sentence(sentenceStart, tail.sentenceEnd ? tail.sentenceEndsAt : previousEnd,
                        exclamations + tail.exclamations));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Text(text, tokens, sentences);
    }

    private record Gap(boolean sentenceEnd, int sentenceEndsAt, boolean clause, int exclamations) {
    }

    private static Gap gap(String text, int from, int to) {
        boolean end = false;
        int endsAt = from;
        boolean clause = false;
        int exclamations = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '.', '?' -> {
                    end = true;
                    endsAt = Math.max(endsAt, i + 1);
                }
                case '\n', '\r' -> end = true; // a line break ends the sentence without being part of it
                case '!' -> {
                    end = true;
                    endsAt = i + 1;
                    exclamations++;
                }
                case ',', ';', ':', '(', ')' -> clause = true;
                default -> {
                    // other punctuation and white space separate words only
                }
            }
        }
        return new Gap(end, endsAt, clause || end, exclamations);
    }
}
