package nl.buitenin.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.analysis.Analyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import nl.buitenin.insight.internal.text.Lexicon;
import nl.buitenin.insight.internal.text.SentimentRules;
import nl.buitenin.insight.internal.text.SentimentScorer;
import nl.buitenin.insight.internal.text.Tokens;
import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.Sentiment;
import nl.buitenin.insight.text.TextAnalyzer;
import nl.buitenin.platform.CsvInput;

/**
 * Sentiment of Dutch comments (the 494 texts of the Dutch development set, in turn), one text per operation on one
 * thread, so the score is texts per second per core. {@code analyzer}: the shared {@link TextAnalyzer}, whose Lucene
 * tokenizer is reused per thread. {@code perTextAnalyzer}: the baseline, a naive re-analysis that builds the Lucene
 * analyzer chain for every text (the lexicons stay loaded, the scoring is the same).
 * Run: {@code java -jar bench/target/benchmarks.jar SentimentBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SentimentBenchmark {

    @Param({"app/src/test/resources/nl/buitenin/insight/devsets/comments-nl.csv"})
    String comments;

    String[] texts;
    int next;
    TextAnalyzer analyzer;
    SentimentScorer scorer;

    @Setup
    public void setUp() throws IOException {
        try (Reader reader = CsvInput.utf8(Files.newInputStream(Path.of(comments)))) {
            List<CsvInput.Line> lines = CsvInput.readAll(reader);
            texts = lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank())
                    .map(line -> line.values().get(1)).toArray(String[]::new);
        }
        analyzer = TextAnalyzer.standard();
        scorer = new SentimentScorer(Lexicon.of(Language.NL), SentimentRules.STANDARD);
    }

    private String text() {
        String text = texts[next];
        next = next + 1 == texts.length ? 0 : next + 1;
        return text;
    }

    @Benchmark
    public Sentiment analyzer() {
        return analyzer.analyze(text(), Language.NL).sentiment();
    }

    @Benchmark
    public Sentiment perTextAnalyzer() {
        try (Analyzer fresh = Tokens.words()) {
            return scorer.score(Tokens.split(text(), fresh)).text();
        }
    }
}
